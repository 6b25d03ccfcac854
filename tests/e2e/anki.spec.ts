// Bringing a deck from Anki: a package in the current layout (collection.anki21b), previewed, its
// fields mapped, imported with its review history; the learner then studies a card whose schedule
// came from Anki. A file that isn't a package gets a message and imports nothing.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { unzipSync } from "fflate";
import { newEmail, signUp } from "./fixtures";

test("a learner imports an Anki package with its history and studies a card Anki had scheduled", async ({ page, browser }) => {
  // Preview and import each start a worker thread (lib/transfer/off-thread.ts): seconds more on a busy machine.
  test.setTimeout(90_000);
  await signUp(page, newEmail("anki"));
  await page.goto("/decks/new");
  const input = page.getByLabel("Anki package (.apkg or .colpkg)");

  await input.setInputFiles({ name: "notes.apkg", mimeType: "application/octet-stream", buffer: Buffer.from("# not a package\n") });
  await expect(page.getByTestId("anki-error")).toContainText("isn't an Anki package");

  await input.setInputFiles("tests/fixtures/anki/anki21b.apkg");
  const preview = page.getByTestId("anki-preview");
  await expect(preview).toContainText("3 cards, 6 reviews");
  await expect(preview).toContainText("1 image will be stored with the deck");
  await expect(preview).toContainText("1 other media file (sound, video) will be skipped.");
  await expect(preview).toContainText("Basic (2 notes)");
  await expect(preview).toContainText("Cloze (1 note, cloze)");
  await expect(page.getByLabel("Basic: question field")).toHaveValue("0");
  await page.getByLabel("Basic: answer field").selectOption({ label: "Back" });
  await page.getByLabel("Deck title").fill("Python from Anki");
  await page.getByRole("button", { name: "Import 3 cards" }).click();
  await expect(page.getByRole("heading", { name: "Edit deck" })).toBeVisible();
  const editUrl = page.url();

  // The package's image is stored with the deck and shown on its card, to the deck's people only.
  await page.getByRole("link", { name: "What is the GIL?" }).click();
  await expect(page).toHaveURL(/\/cards\/[\w-]+\/edit$/);
  await page.goto(page.url().replace(/\/edit$/, ""));
  const image = page.getByRole("img", { name: "gil.png" });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  const imageUrl = new URL((await image.getAttribute("src"))!, page.url()).pathname;
  expect((await page.request.get(imageUrl)).headers()["content-type"]).toBe("image/png");
  const outsider = await (await browser.newContext()).newPage();
  expect((await outsider.request.get(imageUrl)).status()).toBe(404);
  await page.goto(editUrl);
  await expect(page.getByRole("link", { name: "What does is compare?" })).toBeVisible();

  // Two cards were reviewed in Anki months ago, so they are due now: one as a review, one still in
  // its learning steps (its last Anki answers were Again, then Good); the third was never seen.
  await page.goto("/study");
  await expect(page.getByLabel("Cards left")).toContainText("1 review");
  await expect(page.getByLabel("Cards left")).toContainText("1 learning");
  await expect(page.getByLabel("Cards left")).toContainText("1 new");
  await expect(page.getByTestId("card")).toContainText(/review|learning/);
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved");
  await page.goto("/history");
  await expect(page.getByTestId("history-rows").locator("tr")).toHaveCount(7);

  // And back out to Anki from the deck's page, with the learner's reviews and the deck's image.
  await page.goto("/decks");
  await page.getByRole("link", { name: "Python from Anki" }).first().click();
  await page.getByText("Download…").click();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Anki package with my reviews/ }).click();
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toMatch(/\.apkg$/);
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  // The collection, the media map, and the deck's image as media file "0".
  expect(Object.keys(files).sort()).toEqual(["0", "collection.anki2", "media"]);
  expect(JSON.parse(new TextDecoder().decode(files.media))).toEqual({ 0: "gil.png" });
});
