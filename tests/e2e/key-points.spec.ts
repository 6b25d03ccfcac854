// Key points: ticking what you said from the keyboard, taking the suggested grade with Enter, the
// missed points in stats, typing the answer first, and writing key points in the card editor.
import { expect, test, type Page } from "@playwright/test";
import { newEmail, signUp } from "./fixtures";

async function startPythonDeck(page: Page) {
  await page.goto("/decks/python-interview-questions");
  await page.getByRole("button", { name: "Start studying" }).click();
  await page.getByRole("link", { name: "Study now" }).click();
  await expect(page.getByTestId("card-front")).toBeVisible();
}

const checklist = (page: Page) => page.getByRole("group", { name: /Key points: tick what you said/ });
const suggestion = (page: Page) => page.getByTestId("suggested-grade");

test("a learner ticks key points with the keyboard, takes the suggested grade with Enter, and sees the missed points in stats", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signUp(page, newEmail("points"));
  await startPythonDeck(page);
  const first = await page.getByTestId("card-front").innerText();

  await page.keyboard.press("Space");
  await expect(page.getByTestId("card-lead")).toContainText("concurrency, not parallelism");
  const boxes = checklist(page).getByRole("checkbox");
  await expect(boxes).toHaveCount(5);
  // Nothing ticked: no suggestion, and Enter records nothing (it used to record Again).
  await expect(suggestion(page)).not.toContainText("Suggested");
  await expect(page.getByTestId("suggestion-rule")).toContainText("Most points said (2/3 or more): Good");
  await expect(page.getByRole("button", { name: /suggested\)/ })).toHaveCount(0);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("card-front")).toHaveText(first);
  await expect(page.getByLabel("Cards left")).toContainText("10 new");
  // "None of them" says nothing was said: Again is suggested; a tick afterwards replaces it.
  await page.getByRole("button", { name: /None of them/ }).click();
  await expect(suggestion(page)).toContainText("Suggested: Again");
  await expect(page.getByRole("button", { name: /^Again .*suggested/ })).toBeVisible();

  // Shift+1 and Shift+3 tick the first and third points; 1-4 alone would grade.
  await page.keyboard.press("Shift+Digit1");
  await page.keyboard.press("Shift+Digit3");
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(1)).not.toBeChecked();
  await expect(boxes.nth(2)).toBeChecked();
  await expect(suggestion(page)).toContainText("Suggested: Hard");
  await expect(page.getByRole("button", { name: /^Hard .*suggested/ })).toBeVisible();
  await page.keyboard.press("Shift+Digit3");
  await expect(boxes.nth(2)).not.toBeChecked();
  await page.keyboard.press("Shift+Digit3");

  await page.keyboard.press("Enter");
  await expect(page.getByTestId("card-front")).not.toHaveText(first);

  // The next card: every point said, taken with Enter as Good (no answer times yet, so never Easy).
  await page.keyboard.press("Space");
  const count = await checklist(page).getByRole("checkbox").count();
  for (let i = 1; i <= count; i++) await page.keyboard.press(`Shift+Digit${i}`);
  await expect(suggestion(page)).toContainText("Suggested: Good");
  // A click ticks too, and the keys still work with the checkbox focused. Most points said is still Good.
  await checklist(page).getByRole("checkbox").first().click();
  await expect(suggestion(page)).toContainText("Suggested: Good");
  await page.keyboard.press("Shift+Digit1");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved");

  await page.goto("/history");
  await expect(page.getByText(first)).toBeVisible();

  await page.goto("/stats");
  const missed = page.getByTestId("missed-points");
  await expect(missed).toContainText("Blocking I/O and sleep release the GIL, so waiting threads overlap.");
  await expect(missed).toContainText("Missed 1 of 1 time");
  await expect(missed).not.toContainText("concurrent.futures offers both pools behind one interface");
  await missed.getByRole("link", { name: first }).first().click();
  await expect(page.getByRole("heading", { name: first })).toBeVisible();
  await expect(page.getByTestId("key-points")).toContainText("Processes use every core");
  await page.goto("/stats");
  await expect(page.getByTestId("calibration")).toContainText("Good");
  // Whether the suggestions work: honest about having too little to tell yet.
  await expect(page.getByTestId("suggestion-calibration")).toContainText("Do the suggested grades work?");
  await expect(page.getByTestId("suggestion-verdict")).toContainText("Too few reviews yet to tell");
});

test("a learner who types the answer first sees it beside the key points", async ({ page }) => {
  await signUp(page, newEmail("typist"));
  await page.goto("/settings");
  await page.getByLabel(/Type my answer before revealing/).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved", { exact: false }).first()).toBeVisible();

  await startPythonDeck(page);
  const answer = page.getByLabel(/^Your answer/);
  await answer.fill("Threads share memory; the GIL stops them running Python in parallel.");
  // Space types a space in the box instead of revealing; Ctrl+Enter reveals.
  await answer.press("Space");
  await expect(page.getByTestId("card-back")).toHaveCount(0);
  await answer.press("Control+Enter");
  await expect(page.getByTestId("typed-answer")).toContainText("the GIL stops them running Python in parallel.");
  // Focus went back to the card: the checklist keys work at once.
  await page.keyboard.press("Shift+Digit1");
  await expect(checklist(page).getByRole("checkbox").first()).toBeChecked();
  await page.keyboard.press("3");
  await expect(page.getByLabel(/^Your answer/)).toHaveValue("");
});

test("an author writes a lead and key points: add, reorder, remove, paste a list, and errors beside the field", async ({ page }) => {
  await signUp(page, newEmail("author"));
  await page.goto("/decks/new");
  await page.getByLabel("Title").fill("Interview points");
  await page.getByRole("button", { name: "Create deck" }).click();
  await page.getByRole("link", { name: "Add a card" }).click();

  await page.getByLabel("Question", { exact: true }).fill("What is a race condition?");
  await page.getByLabel(/^Lead/).fill("Two threads touch shared state and the result depends on timing.");
  const add = page.getByRole("button", { name: "Add a key point" });
  await add.click();
  await page.getByRole("textbox", { name: "Key point 1", exact: true }).fill("Shared mutable state");
  await add.click();
  await page.getByRole("textbox", { name: "Key point 2", exact: true }).fill("Fix with a lock");
  // Two points are too few: the message sits beside the key points and the card isn't added.
  await page.getByRole("button", { name: "Add card" }).click();
  await expect(page.getByText("A card has 3 to 6 key points (this one has 2).")).toBeVisible();

  await add.click();
  await page.getByRole("textbox", { name: "Key point 3", exact: true }).fill("Timing-dependent result");
  await page.getByRole("button", { name: "Move key point 3 up" }).click();
  await expect(page.getByRole("textbox", { name: "Key point 2", exact: true })).toHaveValue("Timing-dependent result");
  await page.getByRole("button", { name: "Move key point 1 down" }).click();
  await expect(page.getByRole("textbox", { name: "Key point 1", exact: true })).toHaveValue("Timing-dependent result");
  await add.click();
  await page.getByRole("button", { name: "Remove key point 4" }).click();
  await expect(page.getByRole("textbox", { name: "Key point 4", exact: true })).toHaveCount(0);
  const preview = page.getByTestId("card-preview");
  await expect(preview).toContainText("Two threads touch shared state");
  await expect(preview).toContainText("Fix with a lock");

  // A pasted list becomes one point per line.
  await add.click();
  await page.getByRole("textbox", { name: "Key point 4", exact: true }).focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "- Reproduce with many threads\n- Prefer immutable data");
    document.activeElement!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole("textbox", { name: "Key point 5", exact: true })).toHaveValue("Prefer immutable data");
  await page.getByRole("button", { name: "Add card" }).click();
  await expect(page.getByRole("heading", { name: "Edit deck" })).toBeVisible();

  await page.getByRole("link", { name: "What is a race condition?" }).click();
  await expect(page.getByRole("textbox", { name: "Key point 1", exact: true })).toHaveValue("Timing-dependent result");
  await expect(page.getByRole("textbox", { name: "Key point 4", exact: true })).toHaveValue("Reproduce with many threads");
  await expect(page.getByLabel(/^Lead/)).toHaveValue("Two threads touch shared state and the result depends on timing.");
});
