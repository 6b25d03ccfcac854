// Finding and using every import (issues 25.7, 25.8, 26.1): from /decks, "Import" leads to Anki, CSV
// and paste. A hostile Anki package (stored zstd streams that expand to gigabytes) is refused with
// its reason by the worker the production server runs it in, and a real one imports after it; a CSV
// with a multi-line cell keeps its lines and its deck is offered for study; a pasted question keeps
// its code block, shown rendered before it is added.
import { expect, test } from "@playwright/test";
import { ankiPackage, zstdBomb } from "../fixtures/anki-build";
import { newEmail, signUp } from "./fixtures";

test("an Anki user finds Import on /decks; a zip bomb is refused, a real package and a CSV import", async ({ page }) => {
  // Three uploads, each read by a freshly started worker thread: seconds each on a busy machine.
  test.setTimeout(180_000);
  await signUp(page, newEmail("imports"));
  await page.goto("/decks");
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import" })).toBeVisible();

  const input = page.getByLabel("Anki package (.apkg or .colpkg)");
  const bomb = ankiPackage({ stored: true, media: { "a.png": zstdBomb(1_000_000_000), "b.png": zstdBomb(1_000_000_000) } });
  await input.setInputFiles({ name: "bomb.apkg", mimeType: "application/octet-stream", buffer: Buffer.from(bomb) });
  await expect(page.getByTestId("anki-error")).toContainText("zip bomb", { timeout: 60_000 });

  await input.setInputFiles("tests/fixtures/anki/anki21b.apkg");
  await expect(page.getByTestId("anki-preview")).toContainText("3 cards, 6 reviews", { timeout: 60_000 });
  await page.getByLabel("Deck title").first().fill("From the import page");
  await page.getByRole("button", { name: "Import 3 cards" }).click();
  await expect(page.getByTestId("anki-result")).toContainText("Imported 3 cards.", { timeout: 60_000 });
  await page.getByRole("link", { name: "Open the deck" }).click();
  await expect(page.getByRole("heading", { name: "Edit deck" })).toBeVisible();

  // A spreadsheet with a multi-line cell: the lines stay, and the deck is offered for study.
  await page.goto("/decks/import");
  await page.getByLabel("CSV or TSV", { exact: true }).fill('question,answer\n"What does this print?\n\n```python\nprint(1)\n```",1\n');
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await page.getByLabel("Deck title").last().fill("Code from a sheet");
  await page.getByRole("button", { name: "Import 1 card" }).click();
  await expect(page.getByRole("heading", { name: "Edit deck" })).toBeVisible({ timeout: 60_000 });
  const editUrl = page.url();
  await page.getByRole("link", { name: /What does this print\?/ }).click();
  await expect(page).toHaveURL(/\/cards\/[\w-]+\/edit$/);
  await page.goto(page.url().replace(/\/edit$/, ""));
  await expect(page.locator("pre code").first()).toContainText("print(1)");
  await page.goto("/decks");
  await expect(page.getByRole("region", { name: "Studying" }).getByRole("link", { name: "Code from a sheet" })).toBeVisible();
  expect(editUrl).toMatch(/\/edit$/);
});

test("a pasted question keeps its code block, shown rendered before it is added", async ({ page }) => {
  await signUp(page, newEmail("paste"));
  await page.goto("/decks/import");
  await page.getByRole("link", { name: "New deck to paste into" }).click();
  await page.getByLabel("Title").fill("Pasted code");
  await page.getByRole("button", { name: "Create deck" }).click();
  await expect(page.getByRole("heading", { name: "Edit deck" })).toBeVisible();
  await page
    .getByLabel("Paste questions")
    .fill("Q: What does this print?\n\n```python\nfor i in range(2):\n    print(i)\n```\nA: 0, then 1.");
  await page.getByRole("button", { name: "Show the cards rendered" }).click();
  const rendered = page.getByTestId("paste-rendered");
  await expect(rendered).toContainText("1 card from Q: / A: lines");
  await expect(rendered.locator("pre code")).toContainText("for i in range(2):\n    print(i)");
  await page.getByRole("button", { name: "Add these questions" }).click();
  await expect(page.getByText("Added 1 card.")).toBeVisible();
  await page.getByRole("link", { name: /What does this print\?/ }).click();
  await expect(page).toHaveURL(/\/cards\/[\w-]+\/edit$/);
  await page.goto(page.url().replace(/\/edit$/, ""));
  await expect(page.locator("pre code").first()).toContainText("print(i)");
});

test("while the server's worker reads a hostile package, another learner's pages are answered", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signUp(page, newEmail("attacker"));
  const reader = await (await browser.newContext()).newPage();
  await signUp(reader, newEmail("reader"));
  // Gigabytes of stored zstd streams: the worker unpacks up to its budget, then refuses the package.
  const bomb = ankiPackage({ stored: true, media: { "a.png": zstdBomb(1_000_000_000), "b.png": zstdBomb(1_000_000_000) } });
  let uploading = true;
  const upload = page.request
    .post("/api/import/anki?step=preview", {
      data: Buffer.from(bomb),
      headers: { "content-type": "application/octet-stream", origin: new URL(page.url()).origin },
    })
    .finally(() => (uploading = false));
  // The reader's pages, one after another, for as long as the upload is in flight. Were the package
  // read on the request thread, none could be answered before the refusal (they would queue behind it).
  const answered: number[] = [];
  while (uploading) {
    const response = await reader.request.get("/decks");
    if (uploading) answered.push(response.status());
  }
  const refusal = await upload;
  expect(refusal.status()).toBe(400);
  expect(((await refusal.json()) as { error: string }).error).toMatch(/zip bomb/);
  expect(answered.length).toBeGreaterThanOrEqual(3);
  expect(new Set(answered)).toEqual(new Set([200]));
});
