import { expect, test, type Page } from "@playwright/test";
import { finishSignUp, newEmail, signUp, submitSignUp } from "./fixtures";

async function addCard(page: Page, front: string, back: string, tag: string) {
  await page.getByRole("link", { name: "Add a card" }).click();
  await expect(page).toHaveURL(/\/cards\/new$/);
  await page.getByLabel("Question", { exact: true }).fill(front);
  await page.getByRole("textbox", { name: /^Answer/ }).fill(back);
  await page.getByLabel("Add a tag").fill(tag);
  await page.getByLabel("Add a tag").press("Enter");
  await expect(page.getByRole("button", { name: `Remove tag ${tag}` })).toBeVisible();
  await page.getByRole("button", { name: "Add card" }).click();
  await expect(page.getByRole("heading", { name: "Edit deck" })).toBeVisible();
}

test("a mentor builds a deck, invites a mentee, edits a card they study, and follows their progress; others see nothing", async ({
  browser,
}) => {
  test.setTimeout(120_000); // three people, a dozen pages
  const mentor = await (await browser.newContext()).newPage();
  await signUp(mentor, newEmail("mentor"), "Maria Mentor");
  await mentor.goto("/decks/new");
  await mentor.getByLabel("Title").fill("System design basics");
  await mentor.getByRole("button", { name: "Create deck" }).click();
  await expect(mentor.getByRole("heading", { name: "Edit deck" })).toBeVisible();
  const editUrl = mentor.url();
  const deckPath = new URL(editUrl).pathname.replace(/\/edit$/, "");

  // The live preview renders with the review screen's renderer: highlighted code, HTML kept as text.
  await mentor.getByRole("link", { name: "Add a card" }).click();
  await expect(mentor).toHaveURL(/\/cards\/new$/);
  await mentor.getByRole("textbox", { name: /^Answer/ }).fill("Use a cache.\n\n```python\nprint('hit')\n```\n\n<script>alert(1)</script>");
  const preview = mentor.getByTestId("card-preview");
  await expect(preview.locator("pre.shiki")).toBeVisible();
  await expect(preview).toContainText("<script>alert(1)</script>");
  await mentor.goto(editUrl);

  await addCard(mentor, "What is a cache?", "A fast store in front of a slow one.", "basics");
  await addCard(mentor, "What is sharding?", "Splitting data across machines by a key.", "data-structures");
  await expect(mentor.getByRole("listitem").filter({ hasText: "What is sharding?" })).toBeVisible();

  await mentor.getByRole("link", { name: "Sharing" }).click();
  await mentor.getByLabel("Anyone with an invite link").check();
  await mentor.getByRole("button", { name: "Save visibility" }).click();
  await expect(mentor.getByText("Saved.")).toBeVisible();
  await mentor.reload();
  await mentor.getByLabel("Note (optional)").fill("Alex");
  await mentor.getByRole("button", { name: "Create invite link" }).click();
  const link = mentor.getByRole("textbox", { name: "Invite link" }).first();
  await expect(link).toHaveValue(/\/join\/[\w-]+$/);
  const inviteUrl = await link.inputValue();

  // The mentee sees who invites them and what is shared, signs up, joins, and reviews both cards.
  const mentee = await (await browser.newContext()).newPage();
  await mentee.goto(new URL(inviteUrl).pathname);
  await expect(mentee.getByText("Maria Mentor invited you to study")).toBeVisible();
  await expect(mentee.getByText(/sees your progress on this deck only/)).toBeVisible();
  await mentee.getByRole("link", { name: "Sign up to join" }).click();
  const menteeEmail = newEmail("mentee");
  await submitSignUp(mentee, menteeEmail, "Alex Learner");
  await finishSignUp(mentee, menteeEmail); // the email's link brings them back to the invite
  await mentee.getByRole("button", { name: "Join and start studying" }).click();
  await expect(mentee.getByLabel("Cards left")).toContainText("2 new");
  for (const key of ["3", "1"]) {
    await mentee.keyboard.press("Space");
    await mentee.keyboard.press(key);
  }
  await expect(mentee.getByTestId("save-status")).toHaveText("All ratings saved");

  // A wording fix reaches the mentee and keeps their schedule.
  await mentor.goto(editUrl);
  await mentor.getByRole("link", { name: "What is a cache?" }).click();
  await mentor.getByLabel("Question", { exact: true }).fill("What is a cache, and why use one?");
  await mentor.getByRole("button", { name: "Save card" }).click();
  await expect(mentor.getByRole("link", { name: "What is a cache, and why use one?" })).toBeVisible();

  await mentee.goto(`${deckPath}/cards/what-is-a-cache`);
  await expect(mentee.getByRole("heading", { name: "What is a cache, and why use one?" })).toBeVisible();
  await expect(mentee.getByTestId("card-status")).toContainText("1 review");

  // The mentee plans an interview on this deck and shares it: the mentor sees its date and readiness.
  await mentee.goto("/interviews");
  await mentee.getByLabel("Interview", { exact: true }).fill("Globex, platform team");
  await mentee.getByLabel("System design basics").check();
  await mentee.getByRole("button", { name: "Add interview" }).click();
  await expect(mentee.getByRole("heading", { name: "Globex, platform team" })).toBeVisible();
  await mentee.getByLabel(/Share the date and my readiness/).check();
  await mentee.getByRole("button", { name: "Save sharing" }).click();
  await expect(mentee.getByText("Saved.")).toBeVisible();

  await mentor.goto(`${deckPath}/dashboard`);
  const row = mentor.getByRole("row").filter({ hasText: "Alex Learner" });
  await expect(row.getByTestId("mentee-interview")).toContainText(/Interview .*% ready now, \d+% on plan/);
  await expect(row).not.toContainText("Globex");
  await expect(row).toBeVisible();
  await expect(row).toContainText("2/2");
  await expect(row).toContainText("50%");
  await expect(mentor.getByText(/1 of 1 mentee/)).toBeVisible();
  await expect(row).toContainText("Joined through “Alex”");

  // The mentor opens the mentee: their misses and activity, and a name only the mentor sees.
  await row.getByRole("link", { name: "Alex Learner" }).click();
  await expect(mentor.getByRole("heading", { name: "Alex Learner" })).toBeVisible();
  await expect(mentor.getByTestId("mentee-missed")).toContainText("What is sharding?");
  await expect(mentor.getByTestId("mentee-recent").locator("li")).toHaveCount(2);
  await mentor.getByLabel("Your name for them").fill("Alex (Tuesday group)");
  await mentor.getByRole("button", { name: "Save name" }).click();
  await expect(mentor.getByText("Saved. Only you see this name.")).toBeVisible();
  await mentor.goto(`${deckPath}/dashboard`);
  await expect(mentor.getByTestId("mentee-rows")).toContainText("Alex (Tuesday group)");
  await expect(mentor.getByTestId("missed-by")).toHaveText("Missed by Alex (Tuesday group)");

  // A third user reaches none of it: not the deck, its cards, its sharing or its dashboard.
  const stranger = await (await browser.newContext()).newPage();
  await signUp(stranger, newEmail("stranger"));
  for (const path of [deckPath, `${deckPath}/cards/what-is-a-cache`, `${deckPath}/edit`, `${deckPath}/sharing`, `${deckPath}/dashboard`]) {
    const response = await stranger.goto(path);
    expect(response!.status(), path).toBe(404);
  }
  await stranger.goto("/decks");
  await expect(stranger.getByText("System design basics")).toHaveCount(0);
});
