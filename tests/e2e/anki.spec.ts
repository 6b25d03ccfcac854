// Bringing a deck from Anki: a package in the current layout (collection.anki21b), previewed, its
// fields mapped, imported with its review history; the learner then studies a card whose schedule
// came from Anki. A file that isn't a package gets a message and imports nothing.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { unzipSync } from "fflate";
import { ankiCollectionPackage, BASIC_AND_REVERSED } from "../fixtures/anki-build";
import { newEmail, signUp } from "./fixtures";

test("a learner imports an Anki package with its history and studies a card Anki had scheduled", async ({ page, browser }) => {
  // A long journey (import, result, study, history, export), and preview and import each start a
  // worker thread (lib/transfer/off-thread.ts): it outran 30 s on a loaded machine.
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
  // Both reviewed cards keep the dates Anki gave them, months ago.
  await expect(page.getByTestId("anki-result")).toContainText("Imported 3 cards.");
  await expect(page.getByTestId("anki-result")).toContainText("2 cards keep Anki's dates; 2 are overdue.");
  await page.getByRole("link", { name: "Open the deck" }).click();
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

  // Two cards were review cards in Anki, due months ago, so they are due now as reviews (Anki's state
  // kept, though one's last answers were Again, then Good); the third was never seen.
  await page.goto("/study");
  await expect(page.getByLabel("Cards left")).toContainText("2 review");
  await expect(page.getByLabel("Cards left")).toContainText("0 learning");
  await expect(page.getByLabel("Cards left")).toContainText("1 new");
  await expect(page.getByTestId("card")).toContainText(/review/);
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

test("templates, subdecks and the deck's name: each template's count shown, subdecks as decks, a title already in use warned of", async ({
  page,
}) => {
  await signUp(page, newEmail("anki-templates"));
  await page.goto("/decks/new");
  const input = page.getByLabel("Anki package (.apkg or .colpkg)");
  await input.setInputFiles("tests/fixtures/anki/templates.apkg");
  const preview = page.getByTestId("anki-preview");
  const eightWays = page.getByRole("list", { name: "Term (8 ways): cards by template" });
  await expect(eightWays).toContainText("Spell it: 3 cards");
  await expect(eightWays).toContainText("Example → Term: 1 card (1 left out: the front would be empty");
  await expect(page.getByRole("list", { name: "Basic (and reversed card): cards by template" })).toContainText("Card 2: 2 cards");
  await expect(preview).toContainText("1 card suspended in Anki will stay suspended.");
  // Cards from the fields instead, then back to the templates.
  const fromTemplates = page
    .getByRole("group", { name: /Basic \(and reversed card\)/ })
    .getByLabel("Make each card from its Anki template");
  await fromTemplates.uncheck();
  await expect(page.getByLabel("Basic (and reversed card): question field")).toBeVisible();
  await fromTemplates.check();
  await expect(page.getByLabel("Basic (and reversed card): question field")).toBeHidden();
  // The title is the Anki deck's name; nothing of the learner's has it yet.
  await expect(page.getByLabel("Deck title")).toHaveValue("Interview");
  await expect(page.getByTestId("title-warning")).toBeHidden();
  await page.getByLabel("A deck for each subdeck").check();
  await page.getByRole("button", { name: "Import 21 cards" }).click();
  await expect(page.getByTestId("anki-result")).toContainText("Imported 20 cards into 3 decks.");
  await expect(page.getByTestId("anki-result")).toContainText("1 card suspended in Anki stays suspended.");

  // The same package again: its title is now one of the learner's decks'.
  await input.setInputFiles([]);
  await input.setInputFiles("tests/fixtures/anki/templates.apkg");
  await expect(page.getByTestId("title-warning")).toContainText("You already have a deck titled “Interview”");
  await page.getByLabel("Deck title").fill("Interview again");
  await expect(page.getByTestId("title-warning")).toBeHidden();
  await page.goto("/decks");
  await expect(page.getByRole("link", { name: "Interview / Vocabulary" }).first()).toBeVisible();
});

test("review cards keep Anki's due dates, or are rescheduled when the learner asks", async ({ page }) => {
  await signUp(page, newEmail("anki-dates"));
  // A collection begun 100 days ago (at today's hour), two review cards: due in 11 days and 3 days ago.
  const DAY = 86_400_000;
  const created = Date.now() - 100 * DAY;
  const build = (first: number) =>
    ankiCollectionPackage({
      created: Math.floor(created / 1000),
      decks: { 1: "Default", 2: `Dates ${first}` },
      noteTypes: [BASIC_AND_REVERSED],
      notes: [0, 1].map((i) => ({ id: first + i, mid: BASIC_AND_REVERSED.id, fields: [`Question ${first + i}`, `Answer ${i}`] })),
      cards: [11, -3].map((dueIn, i) => ({
        id: first + 10 + i,
        nid: first + i,
        did: 2,
        ord: 0,
        type: 2,
        queue: 2,
        due: 100 + dueIn,
        ivl: 20,
      })),
      revlog: [0, 1].flatMap((i) => [
        // Review ids are their times: each package's its own (a rating's id is unique per learner).
        { id: created + 50 * DAY + (first % 100_000) + i, cid: first + 10 + i, ease: 3, type: 0 },
        { id: created + 80 * DAY + (first % 100_000) + i, cid: first + 10 + i, ease: 3, type: 1 },
      ]),
    });
  await page.goto("/decks/new");
  const input = page.getByLabel("Anki package (.apkg or .colpkg)");
  await input.setInputFiles({ name: "dates.apkg", mimeType: "application/octet-stream", buffer: Buffer.from(build(1_700_000_007_000)) });
  await expect(page.getByLabel("Deck title")).toHaveValue("Dates 1700000007000");
  await expect(page.getByLabel("Keep Anki's due dates (FSRS learns each card's memory from its history)")).toBeChecked();
  await page.getByRole("button", { name: "Import 2 cards" }).click();
  await expect(page.getByTestId("anki-result")).toContainText("2 cards keep Anki's dates; 1 is overdue.");
  // Only the overdue one is due now; the other waits its 11 days.
  await page.goto("/study");
  await expect(page.getByLabel("Cards left")).toContainText("1 review");

  await page.goto("/decks/new");
  await input.setInputFiles({ name: "dates2.apkg", mimeType: "application/octet-stream", buffer: Buffer.from(build(1_700_000_008_000)) });
  await page.getByLabel("Reschedule every card with FSRS from its history").check();
  await page.getByRole("button", { name: "Import 2 cards" }).click();
  await expect(page.getByTestId("anki-result")).toContainText("2 cards rescheduled by FSRS from their Anki history.");
});
