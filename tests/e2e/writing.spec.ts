// Writing cards: questions are Markdown like answers (inline code, code blocks, Python's dunder names
// as typed), and the paste box recognises question-and-answer pairs with a preview of what it makes.
import { expect, test } from "@playwright/test";
import { newEmail, signUp } from "./fixtures";

test("an author pastes Q/A pairs with a preview, writes a code question, and a learner sees both as written", async ({ page }) => {
  await signUp(page, newEmail("writer"));
  await page.goto("/decks/new");
  await page.getByLabel("Title").fill("Python quirks");
  await page.getByRole("button", { name: "Create deck" }).click();
  await expect(page.getByRole("heading", { name: "Edit deck" })).toBeVisible();

  const paste = page.getByLabel("Paste questions");
  await paste.fill("A: an answer with no question\nQ: What is a GIL?\nA: A lock.");
  await expect(page.getByTestId("paste-preview")).toContainText('Line 1: This answer has no "Q:" line before it.');
  await paste.fill("Q: What is __init__.py for?\nA: It marks a **regular** package.\nQ: What does `is` compare?\nA: Identity, not value.");
  await expect(page.getByTestId("paste-preview")).toContainText("2 cards from Q: / A: lines");
  await expect(page.getByTestId("paste-preview")).toContainText("What does `is` compare? → Identity, not value.");
  await page.getByRole("button", { name: "Add these questions" }).click();
  await expect(page.getByText("Added 2 cards.")).toBeVisible();
  await expect(paste).toHaveValue("");
  await paste.fill("What is a GIL? - A lock held by one thread.\nWhat is PEP 8?");
  await expect(page.getByTestId("paste-preview")).toContainText("2 cards from questions only");

  await page.getByRole("link", { name: "Add a card" }).click();
  await page.getByLabel("Question", { exact: true }).fill("What does this print?\n\n```python\nprint(__name__)\n```");
  await page.getByLabel(/^Answer \(Markdown/).fill("`__main__` when the file runs as a script.");
  await expect(page.getByTestId("front-preview").locator("pre")).toContainText("print(__name__)");
  // Tags are the deck's own: a new one is created by typing it; a chosen one can be removed.
  const tagInput = page.getByLabel("Add a tag");
  await tagInput.fill("Python Gotchas");
  await tagInput.press("Enter");
  await tagInput.fill("basics");
  await tagInput.press("Enter");
  await page.getByRole("button", { name: "Remove tag basics" }).click();
  await expect(page.getByRole("button", { name: "Remove tag python-gotchas" })).toBeVisible();
  await page.getByRole("button", { name: "Add card" }).click();
  await expect(page.getByRole("heading", { name: "Edit deck" })).toBeVisible();
  // In lists, a question is its first line, code shown as code.
  await expect(page.getByRole("link", { name: "What does is compare?" }).locator("code")).toHaveText("is");

  await page.goto(page.url().replace(/\/edit$/, ""));
  await page.getByRole("button", { name: "Start studying" }).click();
  await page.getByRole("link", { name: "Study now" }).click();
  const front = page.getByTestId("card-front");
  await expect(front).toHaveText("What is __init__.py for?");
  await expect(front.locator("strong")).toHaveCount(0);
  await page.keyboard.press("Space");
  await expect(page.getByText("It marks a regular package.")).toBeVisible();
  await page.keyboard.press("3");
  await expect(front.locator("code")).toHaveText("is");
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(front.locator("pre")).toContainText("print(__name__)");
  await page.keyboard.press("Space");
  await expect(page.getByTestId("card-tags")).toHaveText("Tags:python-gotchas");
});

test("sharing: a checklist warns about unanswered cards, a link on a private deck opens it in one step, learners don't get blank cards", async ({
  page,
  browser,
}) => {
  await signUp(page, newEmail("sharer"));
  await page.goto("/decks/new");
  await page.getByLabel("Title").fill("Half written");
  await page.getByRole("button", { name: "Create deck" }).click();
  const paste = page.getByLabel("Paste questions");
  await paste.fill("Q: What is answered?\nA: This one.");
  await page.getByRole("button", { name: "Add these questions" }).click();
  await expect(page.getByText("Added 1 card.")).toBeVisible();
  await paste.fill("What is still blank?");
  await page.getByRole("button", { name: "Add these questions" }).click();
  await expect(page.getByText("Added 1 card. Fill in their answers below.")).toBeVisible();

  await page.getByRole("link", { name: "Sharing" }).click();
  const checklist = page.getByTestId("share-checklist");
  await expect(checklist).toContainText("1 card of 2 has no answer.");
  await expect(checklist.getByRole("link", { name: "What is still blank?" })).toBeVisible();
  await page.getByLabel("Note (optional)").fill("Sam");
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect(page.getByText("This deck was private: it is now open to anyone with an invite link.")).toBeVisible();
  const inviteUrl = await page.getByRole("textbox", { name: "Invite link" }).first().inputValue();
  await page.reload();
  await expect(page.getByLabel("Anyone with an invite link")).toBeChecked();

  const mentee = await (await browser.newContext()).newPage();
  await signUp(mentee, newEmail("sam"));
  await mentee.goto(new URL(inviteUrl).pathname);
  await mentee.getByRole("button", { name: "Join and start studying" }).click();
  await expect(mentee.getByLabel("Cards left")).toContainText("1 new");
  await expect(mentee.getByTestId("card-front")).toHaveText("What is answered?");
});
