// A mentee writes their own answer and shares it; their mentor reviews it with a comment and a
// verdict; the mentee sees the feedback on Today and on the card; unsharing hides it from the mentor.
import { expect, test } from "@playwright/test";
import { violations } from "./axe";
import { finishSignUp, newEmail, signUp, submitSignUp } from "./fixtures";

test("a mentor gives feedback on an answer a mentee shared, and loses it when the mentee stops sharing", async ({ browser }) => {
  test.setTimeout(180_000); // two people, a dozen pages, axe on five of them (both themes)
  const found: string[] = []; // axe on the pages this feature adds to, checked at the end
  const mentor = await (await browser.newContext()).newPage();
  await signUp(mentor, newEmail("mentor"), "Maria Mentor");
  await mentor.goto("/decks/new");
  await mentor.getByLabel("Title").fill("Stories");
  await mentor.getByRole("button", { name: "Create deck" }).click();
  await expect(mentor.getByRole("heading", { name: "Edit deck" })).toBeVisible();
  const deckPath = new URL(mentor.url()).pathname.replace(/\/edit$/, "");
  await mentor.getByRole("link", { name: "Add a card" }).click();
  await mentor.getByLabel("Question", { exact: true }).fill("Tell me about a conflict");
  await mentor.getByRole("textbox", { name: /^Answer/ }).fill("Situation, task, action, result.");
  await mentor.getByRole("button", { name: "Add card" }).click();
  await expect(mentor.getByRole("heading", { name: "Edit deck" })).toBeVisible();
  await mentor.getByRole("link", { name: "Sharing" }).click();
  await mentor.getByLabel("Anyone with an invite link").check();
  await mentor.getByRole("button", { name: "Save visibility" }).click();
  await expect(mentor.getByText("Saved.")).toBeVisible();
  await mentor.reload();
  await mentor.getByRole("button", { name: "Create invite link" }).click();
  const inviteUrl = await mentor.getByRole("textbox", { name: "Invite link" }).first().inputValue();

  const mentee = await (await browser.newContext()).newPage();
  await mentee.goto(new URL(inviteUrl).pathname);
  await mentee.getByRole("link", { name: "Sign up to join" }).click();
  const menteeEmail = newEmail("mentee");
  await submitSignUp(mentee, menteeEmail, "Alex Learner");
  await finishSignUp(mentee, menteeEmail);
  await mentee.getByRole("button", { name: "Join and start studying" }).click();
  await expect(mentee).toHaveURL(/\/study/);

  // The mentee writes their answer on the writing page and shares it from there.
  const cardPath = `${deckPath}/cards/tell-me-about-a-conflict`;
  await mentee.goto(`${cardPath}/answer`);
  await mentee.getByLabel("Your answer", { exact: true }).fill("We disagreed on a **rollout**; I proposed a canary.");
  await mentee.getByLabel("Your key points (one per line, 3-5)").fill("The disagreement\nThe canary\nThe result");
  await mentee.getByRole("button", { name: "Save answer" }).click();
  await expect(mentee.getByText("Your answer is saved.")).toBeVisible();
  await mentee.getByRole("button", { name: "Share with my mentor" }).click();
  await expect(mentee.getByTestId("share-status")).toHaveText("Your mentor can read this answer.");
  found.push(...(await violations(mentee, "writing page, shared")));

  // The mentor finds it under To review, reads it and sends a comment with a verdict.
  await mentor.goto(`${deckPath}/dashboard`);
  const toReview = mentor.getByTestId("to-review");
  await expect(toReview).toContainText("Alex Learner: Tell me about a conflict");
  await expect(toReview).toContainText("new");
  found.push(...(await violations(mentor, "dashboard, to review")));
  await toReview.getByRole("link").click();
  await expect(mentor).toHaveURL(/\/dashboard\/answers\/[\w-]+$/);
  const answerUrl = mentor.url();
  await expect(mentor.getByTestId("shared-answer")).toContainText("We disagreed on a rollout; I proposed a canary.");
  await expect(mentor.getByTestId("shared-answer").locator("strong")).toHaveText("rollout");
  await mentor.getByLabel("Comment").fill("Say what the canary **showed**.");
  await mentor.getByLabel("Suggested key points (one per line)").fill("What the canary showed");
  await mentor.getByLabel("Strong").check();
  await mentor.getByRole("button", { name: "Send feedback" }).click();
  await expect(mentor.getByText("Feedback sent.")).toBeVisible();
  found.push(...(await violations(mentor, "shared answer, feedback sent")));

  // The mentee sees it on Today (new), opens it on the card, and it is seen.
  await mentee.goto("/");
  const onToday = mentee.getByTestId("today-feedback");
  await expect(onToday).toContainText("Tell me about a conflict");
  await expect(onToday).toContainText("Strong");
  await expect(onToday).toContainText("new");
  found.push(...(await violations(mentee, "today, new feedback")));
  await onToday.getByRole("link", { name: "Tell me about a conflict" }).click();
  await expect(mentee).toHaveURL(new RegExp(`${cardPath}$`));
  const feedback = mentee.getByTestId("answer-feedback");
  await expect(feedback).toContainText("Say what the canary showed.");
  await expect(feedback).toContainText("What the canary showed");
  await expect(feedback).toContainText("Maria Mentor");
  found.push(...(await violations(mentee, "card, feedback")));

  // The mentee rewrites it: the mentor sees it was revised after the feedback, and the wording it was on.
  await mentee.goto(`${cardPath}/answer`);
  await mentee.getByLabel("Your answer", { exact: true }).fill("We disagreed on a rollout; the canary showed errors, so we paused.");
  await mentee.getByRole("button", { name: "Save answer" }).click();
  await expect(mentee.getByText("Your answer is saved.")).toBeVisible();
  await mentor.goto(`${deckPath}/dashboard`);
  await expect(mentor.getByTestId("to-review")).toContainText("revised after feedback");
  await mentor.goto(answerUrl);
  await expect(mentor.getByTestId("shared-answer")).toContainText("the canary showed errors");
  await mentor.getByText("The wording your feedback was on").click();
  await expect(mentor.getByTestId("earlier-wording")).toContainText("I proposed a canary.");

  // Stopping sharing hides the answer from the mentor at once, its page included.
  await mentee.getByRole("button", { name: "Stop sharing" }).click();
  await expect(mentee.getByTestId("share-status")).toHaveText("Only you can read this answer.");
  expect((await mentor.goto(answerUrl))!.status()).toBe(404);
  await mentor.goto(`${deckPath}/dashboard`);
  await expect(mentor.getByText("No shared answers yet.")).toBeVisible();
  await mentee.goto("/");
  await expect(mentee.getByTestId("today-feedback")).toContainText("seen");

  // Sharing all their answers on the deck brings it back, with where the mentor's feedback stands.
  await mentee.goto(deckPath);
  await mentee.getByRole("button", { name: "Share all my answers on this deck" }).click();
  await expect(mentee.getByText("1 answer shared with your mentor.")).toBeVisible();
  await mentor.reload();
  await expect(mentor.getByTestId("to-review")).toContainText("revised after feedback");
  expect(found).toEqual([]);
});
