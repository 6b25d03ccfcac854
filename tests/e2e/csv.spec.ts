// Spreadsheets in and out: a mentor pastes a TSV of questions, previews it, maps the columns and
// imports it as a deck; bad rows are named by line; the deck and a learner's history download as CSV.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { newEmail, signUp } from "./fixtures";

test("a mentor imports a CSV of questions after a preview, and downloads decks and history as CSV", async ({ page }) => {
  await signUp(page, newEmail("sheets"));
  await page.goto("/decks/new");

  // A ragged row is refused at the preview, by line.
  const csv = page.getByLabel("CSV or TSV", { exact: true });
  await csv.fill(
    "Question\tAnswer\tCategory\nWhat is a cache?\tA fast store in front of a slow one.\tbasics\nWhat is sharding?\tSplitting data\n",
  );
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("csv-errors")).toContainText("Line 3: This row has 2 fields; the header has 3.");

  await csv.fill(
    'Question\tAnswer\tCategory\nWhat is a cache?\tA fast store in front of a slow one.\tbasics\n"What is\nsharding?"\tSplitting data across machines by a key.\tdata-structures\n',
  );
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("csv-preview-summary")).toContainText("2 rows, 3 columns, with a header row");
  await expect(page.getByTestId("csv-preview")).toContainText("What is a cache?");
  // "Category" isn't a name Drill knows: the learner maps it to the tags.
  await expect(page.getByLabel("Tags")).toHaveValue("");
  await page.getByLabel("Tags").selectOption({ label: "Category" });
  await page.getByLabel("Deck title").fill("System design");
  await page.getByRole("button", { name: "Import 2 cards" }).click();
  await expect(page.getByRole("heading", { name: "Edit deck" })).toBeVisible();
  await expect(page.getByRole("link", { name: "What is a cache?" })).toBeVisible();

  // More rows later, into the same deck, from its edit page.
  await page.getByText("Add cards from a spreadsheet (CSV or TSV)").click();
  await page.getByLabel("CSV or TSV", { exact: true }).fill('question,answer\nWhat is a queue?,"First in, first out."\n');
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Add 1 card to this deck" }).click();
  await expect(page.getByText("Added 1 card to this deck.")).toBeVisible();
  await expect(page.getByRole("link", { name: "What is a queue?" })).toBeVisible();

  // The deck as CSV, from its page.
  await page.goto(page.url().replace(/\/edit$/, ""));
  const deckDownload = page.waitForEvent("download");
  await page.getByText("Download…").click();
  await page.getByRole("link", { name: /Spreadsheet \(\.csv\)/ }).click();
  const deckCsv = readFileSync(await (await deckDownload).path(), "utf8");
  expect(deckCsv).toContain("slug,question,lead,key points,answer,tags");
  expect(deckCsv).toContain('"What is\nsharding?"');
  expect(deckCsv).toContain("data-structures");

  // A rating, then the history as CSV from the account page. The imported deck is already in the
  // learner's study (as an Anki import is): no "Start studying" to press.
  await expect(page.getByRole("button", { name: "Start studying" })).toHaveCount(0);
  await page.getByRole("link", { name: "Study now" }).click();
  const first = await page.getByTestId("card-front").innerText();
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(page.getByTestId("card-front")).not.toHaveText(first);
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved");
  await page.goto("/account");
  const historyDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: /Export your review history/ }).click();
  const history = readFileSync(await (await historyDownload).path(), "utf8")
    .trim()
    .split("\n");
  expect(history[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
  expect(history).toHaveLength(2);
  expect(history[1]).toMatch(/^\w+,\d{13},3,0,\d+$/);
});
