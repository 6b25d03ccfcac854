// The outside review's findings that a browser (or a forged request) can reach, each tried here.
import { expect, test } from "@playwright/test";
import { newEmail, signUp } from "./fixtures";

const rating = { clientId: "e2e-forged-0001", cardId: "no-such-card", rating: 3, expectedVersion: 0, durationMs: 1000 };

test("/api/reviews takes JSON from our own pages only, within a size limit, with a message for each refusal", async ({ page, baseURL }) => {
  await signUp(page, newEmail("csrf"));
  const post = (headers: Record<string, string>, data: string) => page.request.post("/api/reviews", { headers, data });
  const json = { "content-type": "application/json" };

  // A page on another port of the same host (another origin) stored a forged rating.
  const forged = await post({ ...json, origin: "http://localhost:1" }, JSON.stringify({ ratings: [rating] }));
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({ error: "This request came from another site." });
  expect((await post({ ...json, "sec-fetch-site": "same-site" }, "{}")).status()).toBe(403);

  // `text/plain; x=application/json` passed the old includes() check.
  const sneaky = await post({ "content-type": "text/plain; x=application/json", origin: baseURL! }, JSON.stringify({ ratings: [rating] }));
  expect(sneaky.status()).toBe(415);

  // A 1 MB body is refused before it is parsed.
  const huge = await post({ ...json, origin: baseURL! }, JSON.stringify({ ratings: [rating], padding: "x".repeat(1_000_000) }));
  expect(huge.status()).toBe(413);
  expect(await huge.json()).toMatchObject({ error: expect.stringMatching(/too large/) });

  // From our own origin, a well-formed batch is answered per rating.
  const ours = await post({ ...json, origin: baseURL! }, JSON.stringify({ ratings: [rating] }));
  expect(ours.status()).toBe(200);
  expect(await ours.json()).toMatchObject({ results: [{ status: "not_found" }] });
});

test("the sign-in route refuses a huge body without reading it", async ({ request }) => {
  const response = await request.post("/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: `email=a%40b.test&password=${"x".repeat(100_000)}`,
  });
  expect(response.status()).toBe(413);
});

test("malformed page numbers, keys and tags get a page or a 404, never a 500", async ({ page }) => {
  await signUp(page, newEmail("params"));
  expect((await page.goto("/history?page=99999999999999999999"))!.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Review history" })).toBeVisible();
  expect((await page.goto("/decks/python-interview-questions?tag=%00&q=%00"))!.status()).toBe(200);
  expect((await page.goto("/decks/%00"))!.status()).toBe(404);
  expect((await page.goto("/decks/python-interview-questions/cards/%00"))!.status()).toBe(404);
  expect((await page.goto(`/decks/${"x".repeat(5000)}`))!.status()).toBe(404);
  expect((await page.goto("/study?deck=%00"))!.status()).toBe(200);
});

test("a signed-in user sent to sign in with a crafted return path stays on this site", async ({ page, baseURL }) => {
  await signUp(page, newEmail("redirect"));
  const crafted = ["%2F%09%2Fevil.example", "%2F%5Cevil.example", "%2F%0A%2Fevil.example", "javascript%3Aalert(1)"];
  // Dot segments that resolve to a scheme-relative path, on both pages that redirect a signed-in user.
  const dotted = ["/..//evil.example", "%2F..%2F%2Fevil.example", "/.//evil.example", "/%2e%2e//evil.example"];
  for (const path of [
    ...crafted.map((next) => `/sign-in?next=${next}`),
    ...dotted.flatMap((next) => [`/sign-in?next=${next}`, `/sign-up?next=${next}`]),
  ]) {
    await page.goto(path);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await expect(page).toHaveURL(new RegExp(`^${baseURL}/?$`)); // home: Today
  }
});

test("a NUL byte in a form field gets a message beside it, on both engines alike", async ({ page }) => {
  await signUp(page, newEmail("nul"));
  await page.goto("/decks/new");
  await page.getByLabel("Title").fill("Deck\u0000name");
  await page.getByRole("button", { name: "Create deck" }).click();
  await expect(page.getByText(/control character/)).toBeVisible();
  await expect(page).toHaveURL(/\/decks\/new$/);
});

test("settings: a blank number is refused, not saved as 0, and impossible learning steps are refused", async ({ page }) => {
  await signUp(page, newEmail("settings"));
  await page.goto("/settings");
  await page.getByLabel("New cards per day").fill("");
  await page.getByLabel("First-day repeats", { exact: true }).fill("99999999999999999999d");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Enter a whole number.")).toBeVisible();
  await expect(page.getByText(/out of range|is not a step/)).toBeVisible();

  await page.getByLabel("New cards per day").fill("15");
  await page.getByLabel("First-day repeats", { exact: true }).fill("1m 10m");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/^Saved\. They apply from your next rating/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("New cards per day")).toHaveValue("15");
  // Retention is asked in percent, with a message in the same words.
  await page.getByLabel("Remember (%)").fill("100");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Aim for at most 99%: nobody recalls everything, and reviews would pile up.")).toBeVisible();
  await expect(page.getByText("Not saved: see the highlighted fields.")).toBeVisible();
  await page.getByLabel("Remember (%)").fill("85");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/^Saved\./)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Remember (%)")).toHaveValue("85");
});

test("deck files: up to 2 MB imports, bigger is refused in the browser with the same limit", async ({ page }) => {
  await signUp(page, newEmail("bigfile"));
  await page.goto("/decks/new");
  // About 1.5 MB: over the old 1 MB action limit that answered 500, within the 2 MB the form promises.
  const cards = Array.from({ length: 500 }, (_, i) => `## Question number ${i}?\n\n${"An answer line. ".repeat(190)}\n`);
  const deck = `# A big deck\n\n${cards.join("\n")}`;
  expect(Buffer.byteLength(deck)).toBeGreaterThan(1_400_000);
  await page.getByLabel("Choose a deck file").setInputFiles({ name: "big.md", mimeType: "text/markdown", buffer: Buffer.from(deck) });
  await expect(page.locator("#deck-file")).not.toHaveValue("");
  await page.getByRole("button", { name: "Import deck" }).click();
  await expect(page).toHaveURL(/\/edit$/, { timeout: 30_000 });
  await expect(page.getByText("Question number 499?")).toBeVisible();

  await page.goto("/decks/new");
  const tooBig = Buffer.alloc(2_500_000, "a");
  await page.getByLabel("Choose a deck file").setInputFiles({ name: "huge.md", mimeType: "text/markdown", buffer: tooBig });
  await expect(page.getByText("This deck file is 2.5 MB; a deck file is at most 2 MB.")).toBeVisible();
});
