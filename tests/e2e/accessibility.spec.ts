// axe-core on every page state, in the light theme and the dark one: any violation fails (WCAG 2.1 A
// and AA, best practices, and the label-in-name rule axe keeps experimental). Page states are the
// pages a signed-out visitor and a learner who studies, plans and writes decks see, with the review
// screen before and after a reveal and at the end of a session.
import { expect, test } from "@playwright/test";
import { violations } from "./axe";
import { newEmail, signUp } from "./fixtures";

const isoDate = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

test("no axe violations on any page state, light or dark", async ({ page }) => {
  test.setTimeout(240_000);
  const found: string[] = [];
  const check = async (state: string) => found.push(...(await violations(page, state)));

  for (const [state, url] of [
    ["home, signed out", "/"],
    ["sign in", "/sign-in"],
    ["sign up", "/sign-up"],
    ["forgot password", "/forgot-password"],
    ["deck library, signed out", "/decks"],
    ["a deck, signed out", "/decks/python-interview-questions"],
  ] as const) {
    await page.goto(url);
    await check(state);
  }

  await signUp(page, newEmail("axe"));
  await check("today, first visit");
  await page.getByRole("button", { name: "Start Python Interview Questions" }).click();
  await expect(page.getByTestId("card")).toBeFocused();
  await check("study, question");
  await page.keyboard.press("Space");
  await check("study, answer");
  await page.keyboard.press("3");
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved");

  // A deck of one's own, with a card to study to the end of the session.
  await page.goto("/decks/new");
  await check("new deck");
  await page.getByLabel("Title").fill("Axe deck");
  await page.getByRole("button", { name: "Create deck" }).click();
  await page.getByLabel("Paste questions").fill("Q: What is a cache?\nA: Fast storage in front of slow storage.");
  await page.getByRole("button", { name: "Add these questions" }).click();
  await expect(page.getByText("Added 1 card.")).toBeVisible();
  await check("deck editor");
  const edit = page.url();
  await page.getByRole("link", { name: "Add a card" }).click();
  await check("new card");
  await page.goto(edit.replace(/\/edit$/, "/sharing"));
  await check("sharing");
  await page.goto(edit.replace(/\/edit$/, "/dashboard"));
  await check("mentee dashboard");
  await page.goto(edit.replace(/\/edit$/, ""));
  await check("a deck, signed in");
  await page.getByRole("button", { name: "Start studying" }).click();
  await page.getByRole("link", { name: "Study now" }).click();
  await expect(page.getByTestId("card")).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("4");
  await expect(page.getByTestId("next-steps")).toBeVisible();
  await check("study, session complete");

  await page.goto("/interviews");
  await check("interviews");
  await page.getByLabel("Interview", { exact: true }).fill("Initech");
  await page.getByLabel("Date").fill(isoDate(14));
  await page.getByLabel("Python Interview Questions").check();
  await page.getByRole("button", { name: "Add interview" }).click();
  await expect(page.getByRole("heading", { name: "Initech" })).toBeVisible();
  await check("an interview");

  for (const [state, url] of [
    ["today", "/"],
    ["deck library", "/decks"],
    ["a card", "/decks/python-interview-questions/cards/multithreading-vs-multiprocessing"],
    ["history", "/history"],
    ["stats", "/stats"],
    ["settings", "/settings"],
    ["account", "/account"],
  ] as const) {
    await page.goto(url);
    await check(state);
  }

  expect(found, found.join("\n")).toEqual([]);
});
