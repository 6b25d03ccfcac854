// Every form and button a person can press, pressed at least once (the review found a "Save
// details" that answered 500 for everyone, unnoticed). Flows that other specs cover (sign-up, study
// keys, invites, account) are pressed there; this file presses the rest.
import { expect, test, type Page } from "@playwright/test";
import { linkInMail, newEmail, signUp } from "./fixtures";

/** A new deck with three pasted questions (with answers, or to fill in), on its edit page. */
async function deckWithQuestions(page: Page, title: string, answered = false) {
  await page.goto("/decks/new");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create deck" }).click();
  await expect(page.getByRole("heading", { name: "Edit deck" })).toBeVisible();
  await page
    .getByLabel("Paste questions")
    .fill(
      answered
        ? "What is a cache?\tFast storage.\nWhat is sharding?\tSplitting data.\nWhat is a queue?\tFirst in, first out."
        : "What is a cache?\nWhat is sharding?\nWhat is a queue?",
    );
  await page.getByRole("button", { name: "Add these questions" }).click();
  await expect(page.getByText("Added 3 cards.")).toBeVisible();
  return page.url();
}

const cardOrder = (page: Page) => page.getByRole("list").filter({ hasText: "What is a cache?" }).getByRole("link").allInnerTexts();

test("a deck's edit page: save details, paste, reorder, delete a card, copy and delete the deck", async ({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  await signUp(page, newEmail("author"));
  const editUrl = await deckWithQuestions(page, "Forms deck");
  expect(new URL(editUrl).pathname).toMatch(/^\/decks\/forms-deck(-\d+)?\/edit$/); // a readable URL, not an id

  // Save details answered 500 for everyone (the action's ids reached the update).
  await page.getByLabel("Title").fill("Forms deck, renamed");
  await page.getByLabel("Description").fill("Pressed by every test.");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Title")).toHaveValue("Forms deck, renamed");

  expect(await cardOrder(page)).toEqual(["What is a cache?", "What is sharding?", "What is a queue?"]);
  await page.getByRole("listitem").filter({ hasText: "What is a queue?" }).getByRole("button", { name: "Move up" }).click();
  await expect.poll(() => cardOrder(page)).toEqual(["What is a cache?", "What is a queue?", "What is sharding?"]);
  // Focus stays on the arrow just pressed, so a keyboard user can press it again.
  await expect(page.getByRole("listitem").filter({ hasText: "What is a queue?" }).getByRole("button", { name: "Move up" })).toBeFocused();
  await page.getByRole("listitem").filter({ hasText: "What is a cache?" }).getByRole("button", { name: "Move down" }).click();
  await expect.poll(() => cardOrder(page)).toEqual(["What is a queue?", "What is a cache?", "What is sharding?"]);
  // Drag and drop: the last card dropped on the first takes its place.
  const row = (text: string) => page.getByTestId("card-list").getByRole("listitem").filter({ hasText: text });
  await row("What is sharding?").dragTo(row("What is a queue?"));
  await expect.poll(() => cardOrder(page)).toEqual(["What is sharding?", "What is a queue?", "What is a cache?"]);
  await page.reload();
  expect(await cardOrder(page)).toEqual(["What is sharding?", "What is a queue?", "What is a cache?"]);
  await page.getByRole("listitem").filter({ hasText: "What is sharding?" }).getByRole("button", { name: "Delete" }).click();
  await expect.poll(() => cardOrder(page)).toEqual(["What is a queue?", "What is a cache?"]);

  // Copy it from its page, then delete the copy.
  await page.goto(editUrl.replace(/\/edit$/, ""));
  await page.getByRole("button", { name: "Copy to my decks" }).click();
  await expect(page.getByLabel("Title")).toHaveValue("Forms deck, renamed (copy)");
  await page.getByLabel('Type "delete" to delete this deck').fill("delete");
  await page.getByRole("button", { name: "Delete deck" }).click();
  await expect(page).toHaveURL(/\/decks$/);
  await expect(page.getByText("Forms deck, renamed (copy)")).toHaveCount(0);
  await expect(page.getByText("Forms deck, renamed").first()).toBeVisible();
});

test("sharing: revoke a link, invite a co-editor who accepts, cancel another invitation, remove and re-invite a mentee, go private", async ({
  page,
  browser,
}) => {
  // Four people in four browsers: the owner, a mentee (joins, is removed, is re-invited), two co-editors.
  test.setTimeout(90_000);
  page.on("dialog", (dialog) => void dialog.accept());
  await signUp(page, newEmail("owner"), "Olive Owner");
  const editUrl = await deckWithQuestions(page, "Shared deck");
  const deckUrl = editUrl.replace(/\/edit$/, "");
  await page.goto(`${deckUrl}/sharing`);
  await page.getByLabel("Anyone with an invite link").check();
  await page.getByRole("button", { name: "Save visibility" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();

  // Two links: one copied and used by a mentee, one revoked.
  await page.getByLabel("Note (optional)").fill("for Mo");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const copy = page.getByRole("button", { name: "Copy", exact: true }).first();
  await copy.click();
  await expect(page.getByRole("button", { name: "Copied" }).first()).toBeVisible();
  const invite = await page.getByRole("textbox", { name: "Invite link" }).first().inputValue();
  await page.reload();
  await page.getByLabel("Note (optional)").fill("sent by mistake");
  await page.getByRole("button", { name: "Create invite link" }).click();
  await page.reload();
  await page.getByRole("listitem").filter({ hasText: "sent by mistake" }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "sent by mistake" })).toContainText("revoked");

  const mentee = await (await browser.newContext()).newPage();
  mentee.on("dialog", (dialog) => void dialog.accept());
  await signUp(mentee, newEmail("mentee"), "Mo Mentee");
  await mentee.goto(new URL(invite).pathname);
  await mentee.getByRole("button", { name: "Join and start studying" }).click();
  await expect(mentee).toHaveURL(/\/study\?deck=/);

  // A co-editor by invitation: nothing happens until they accept, from their own address.
  const editorEmail = newEmail("editor");
  const editor = await (await browser.newContext()).newPage();
  await signUp(editor, editorEmail, "Eddie Editor");
  await page.getByLabel("Co-editor's email").fill(editorEmail);
  await page.getByRole("button", { name: "Invite co-editor" }).click();
  await expect(page.getByText("Invitation sent. They become a co-editor when they accept it.")).toBeVisible();
  await editor.goto(await linkInMail(editorEmail, "/join/"));
  await expect(editor.getByText("Olive Owner invites you to co-edit")).toBeVisible();
  await editor.getByRole("button", { name: "Accept and co-edit" }).click();
  await editor.goto(deckUrl);
  await expect(editor.getByRole("link", { name: "Edit deck" })).toBeVisible();

  const nobody = newEmail("nobody");
  await page.reload();
  await page.getByLabel("Co-editor's email").fill(nobody);
  await page.getByRole("button", { name: "Invite co-editor" }).click();
  await expect(page.getByText("Invitation sent.")).toBeVisible(); // the same answer for an address with no account
  await page.reload();
  await page.getByRole("listitem").filter({ hasText: nobody }).getByRole("button", { name: "Cancel invitation" }).click();
  await expect(page.getByText(nobody)).toHaveCount(0);

  // Removed, the mentee's link no longer adds them, until the owner re-invites them.
  await page.reload();
  await page.getByRole("button", { name: "Remove Mo Mentee" }).click();
  await expect(page.getByRole("button", { name: "Remove Mo Mentee" })).toHaveCount(0);
  await mentee.goto(new URL(invite).pathname);
  await mentee.getByRole("button", { name: "Join and start studying" }).click();
  await expect(mentee.getByText("Your mentor removed you from this deck, so this link no longer adds you.")).toBeVisible();
  await page.getByRole("button", { name: "Re-invite Mo Mentee" }).click();
  await expect(page.getByRole("button", { name: "Re-invite Mo Mentee" })).toHaveCount(0);
  await mentee.goto(new URL(invite).pathname);
  await mentee.getByRole("button", { name: "Join and start studying" }).click();
  await expect(mentee).toHaveURL(/\/study\?deck=/);

  // Private: the mentee loses access (their history stays); the co-editor is removed.
  await page.getByLabel("Private").check();
  await page.getByRole("button", { name: "Save visibility" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  expect((await mentee.goto(deckUrl))!.status()).toBe(404);
  await mentee.goto("/history");
  await expect(mentee.getByRole("heading", { name: "Review history" })).toBeVisible();
  await page.reload();
  await page.getByRole("button", { name: "Remove Eddie Editor" }).click();
  await expect(page.getByRole("button", { name: "Remove Eddie Editor" })).toHaveCount(0);
  expect((await editor.goto(`${deckUrl}/edit`))!.status()).toBe(404);
});

test("a learner: stop studying, leave a mentor's deck, bury, suspend, undo, unsuspend, study a waiting card now", async ({
  page,
  browser,
}) => {
  page.on("dialog", (dialog) => void dialog.accept());
  await signUp(page, newEmail("learner"));
  await page.goto("/decks/python-interview-questions");
  await page.getByRole("button", { name: "Start studying" }).click();
  await page.getByRole("link", { name: "Study now" }).click();
  const front = page.getByTestId("card-front");

  const buried = await front.innerText();
  await page.getByRole("button", { name: "Bury" }).click();
  await expect(page.getByText("Buried until tomorrow.")).toBeVisible();
  await expect(front).not.toHaveText(buried);
  const suspended = await front.innerText();
  await page.getByRole("button", { name: "Suspend" }).click();
  await expect(page.getByText(/^Suspended: it stays out of your sessions\.$/)).toBeVisible();

  // Again puts the card in learning; once it is the only one left, "Study it now" brings it back.
  await page.getByRole("button", { name: /Show answer/ }).click();
  await page.getByRole("button", { name: /^Again \d/ }).click();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Rating undone.")).toBeVisible();

  // The suspended card's page lets the learner unsuspend it.
  await page.goto("/decks/python-interview-questions");
  await page.getByRole("link", { name: suspended }).click();
  await expect(page.getByTestId("card-status")).toContainText("Suspended");
  await page.getByRole("button", { name: "Unsuspend" }).click();
  await expect(page.getByTestId("card-status")).not.toContainText("Suspended");

  await page.goto("/decks/python-interview-questions");
  await page.getByRole("button", { name: "Stop studying" }).click();
  await expect(page.getByRole("button", { name: "Start studying" })).toBeVisible();

  // A mentor's deck, joined and left.
  const mentor = await (await browser.newContext()).newPage();
  await signUp(mentor, newEmail("mentor"));
  const editUrl = await deckWithQuestions(mentor, "Leavable deck", true);
  await mentor.goto(editUrl.replace(/\/edit$/, "/sharing"));
  await mentor.getByLabel("Anyone with an invite link").check();
  await mentor.getByRole("button", { name: "Save visibility" }).click();
  await mentor.reload();
  await mentor.getByRole("button", { name: "Create invite link" }).click();
  const link = mentor.getByRole("textbox", { name: "Invite link" }).first();
  await expect(link).toHaveValue(/\/join\//);
  await page.goto(new URL(await link.inputValue()).pathname);
  await page.getByRole("button", { name: "Join and start studying" }).click();

  // Three new cards: Again on each leaves only learning cards waiting, and "Study it now" shows one.
  for (let i = 0; i < 3; i++) {
    await page.getByRole("button", { name: /Show answer/ }).click();
    await page.getByRole("button", { name: /^Again \d/ }).click();
    if (i < 2) await expect(page.getByTestId("card")).toBeFocused(); // the next action, Space, works at once
  }
  await page.getByRole("button", { name: "Study it now" }).click();
  await expect(front).toBeVisible();

  await page.goto(editUrl.replace(/\/edit$/, ""));
  await page.getByRole("button", { name: "Leave deck" }).click();
  await expect(page).toHaveURL(/\/decks$/);
});

test("the review outbox: a rating set aside can be discarded", async ({ page, context }) => {
  await signUp(page, newEmail("discard"));
  await page.goto("/decks/python-interview-questions");
  await page.getByRole("button", { name: "Start studying" }).click();
  await page.getByRole("link", { name: "Study now" }).click();
  await context.route("**/api/reviews", (route) => route.fulfill({ status: 500, body: "Internal Server Error" }));
  await page.getByRole("button", { name: /Show answer/ }).click();
  await page.getByRole("button", { name: /^Good \d/ }).click();
  const held = page.getByTestId("held-ratings");
  await expect(held).toContainText("1 rating couldn't be saved", { timeout: 20_000 });
  await held.getByRole("button", { name: "Discard" }).click();
  await expect(held).toHaveCount(0);
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved");
});
