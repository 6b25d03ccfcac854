// The signed-in home: a new learner lands on Today, starts the Python deck in one click, and after a
// rating sees today's counts, the deck's own row with its Study button, and the streak begun.
import { expect, test, type Page } from "@playwright/test";
import { awayFromDayBoundary, newEmail, signUp } from "./fixtures";

test("a new learner lands on Today, starts a deck in one click, and sees what is left with a streak", async ({ page }) => {
  await signUp(page, newEmail("today"));
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Today", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("streak")).toHaveText("No streak yet: study today to start one.");
  await expect(page.getByRole("link", { name: "Write or import a deck" })).toBeVisible();
  await awayFromDayBoundary(page); // the counts below assume today has more than 10 minutes left
  await page.goto("/");

  await page.getByRole("button", { name: "Start Python Interview Questions" }).click();
  await expect(page).toHaveURL(/\/study\?deck=/);
  await expect(page.getByTestId("card")).toBeFocused(); // hydrated: the keys work
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved");

  await page.getByRole("link", { name: "Today", exact: true }).click();
  // Ten new cards a day by default: one met (now in its learning steps), nine to go.
  await expect(page.getByTestId("today-counts")).toHaveText(/1 card to review and 9 new cards: about \d+ minutes?\./);
  await expect(page.getByText("9 new · 1 learning · 0 reviews due")).toBeVisible();
  await expect(page.getByTestId("streak")).toHaveText("Streak: 1 day in a row.");
  await page.getByRole("link", { name: "Study Python Interview Questions" }).click();
  await expect(page.getByTestId("card-front")).toBeVisible();
  await page.goto("/");
  await page.getByRole("link", { name: "Study now" }).click();
  await expect(page).toHaveURL(/\/study$/);
});

const isoDate = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

/** A learner studying the Python deck with an interview in two days whose plan wants 16 new cards a day. */
async function learnerWithPlan(page: Page, label: string) {
  await signUp(page, newEmail(label));
  await awayFromDayBoundary(page);
  await page.goto("/decks/python-interview-questions");
  await page.getByRole("button", { name: "Start studying" }).click();
  await expect(page.getByRole("link", { name: "Study now" })).toBeVisible();
  await page.goto("/interviews");
  await page.getByLabel("Interview", { exact: true }).fill("Initech");
  await page.getByLabel("Date").fill(isoDate(2));
  await page.getByRole("button", { name: "Add interview" }).click();
  await expect(page.getByRole("heading", { name: "Initech" })).toBeVisible();
  await page.getByLabel("New cards a day for this interview").fill("16");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.getByText("Saved: the plan uses these limits.")).toBeVisible();
  await page.goto("/");
}

/** Rates `count` cards Easy on the open review screen (an Easy new card leaves today's queue). */
async function rateEasy(page: Page, count: number) {
  const front = page.getByTestId("card-front");
  for (let i = 0; i < count; i++) {
    await expect(page.getByTestId("card")).toBeFocused();
    const text = await front.innerText();
    await page.keyboard.press("Space");
    await page.keyboard.press("4");
    // The next card, or the end of the session (no card left).
    await expect(front.filter({ hasText: text })).toHaveCount(0);
  }
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved");
}

async function expectToday(page: Page, headline: RegExp | string, row: string) {
  await page.getByRole("link", { name: "Today", exact: true }).click();
  await expect(page.getByTestId("today-counts")).toHaveText(headline);
  await expect(page.getByRole("region", { name: "Your study decks" })).toContainText(row);
}

test("with an interview plan, returning to Today all day: headline, deck row and end screen agree; new cards stop at the limit, then at the plan's 16", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await learnerWithPlan(page, "plan-day");
  const ask = page.getByTestId("plan-ask");
  await expect(page.getByTestId("today-counts")).toHaveText(/^0 cards to review and 10 new cards/);
  await expect(ask).toContainText("Your plan for Initech wants 16 new cards today, above your limit of 10.");
  await expect(page.getByText("10 new · 0 learning · 0 reviews due")).toBeVisible();

  // Back to Today twice in the day: the count goes down and never refills.
  await page.getByRole("link", { name: "Study now" }).click();
  await rateEasy(page, 4);
  await expectToday(page, /^0 cards to review and 6 new cards/, "6 new · 0 learning · 0 reviews due");
  await page.getByRole("link", { name: "Study now" }).click();
  await rateEasy(page, 6);
  const next = page.getByTestId("next-steps");
  await expect(page.getByRole("heading", { name: "Session complete" })).toBeVisible();
  await expect(next).toContainText("New cards: 10 more unlock");
  await expect(next.getByTestId("plan-ask")).toContainText("wants 16 new cards today");
  await expectToday(page, /^You're done for today/, "0 new · 0 learning · 0 reviews due");
  await expect(page.getByText("Done for today", { exact: true })).toBeVisible();

  // The learner takes the plan's 16 on the end screen: six more, and then the day stops.
  await page.goto("/study");
  await expect(page.getByRole("heading", { name: "Nothing due right now" })).toBeVisible();
  await page.getByTestId("next-steps").getByRole("button", { name: "Take the plan's 16" }).click();
  await expect(page.getByLabel("Cards left")).toContainText("6 new");
  await expectToday(page, /^0 cards to review and 6 new cards/, "6 new · 0 learning · 0 reviews due");
  await expect(page.getByTestId("plan-ask")).toHaveCount(0);
  await page.getByRole("link", { name: "Study now" }).click();
  await rateEasy(page, 6);
  await expect(page.getByTestId("next-steps")).not.toContainText("wants 16");
  await expectToday(page, /^You're done for today/, "0 new · 0 learning · 0 reviews due");
  await page.reload();
  await expect(page.getByTestId("today-counts")).toHaveText(/^You're done for today/);
});

test("keeping the limit of 10 on Today; once done, Today's Review ahead opens review ahead", async ({ page }) => {
  test.setTimeout(90_000);
  await learnerWithPlan(page, "plan-keep");
  await page.getByTestId("plan-ask").getByRole("button", { name: "Keep 10" }).click();
  await expect(page.getByTestId("plan-ask")).toHaveCount(0);
  await expect(page.getByTestId("today-counts")).toHaveText(/^0 cards to review and 10 new cards/);
  await page.getByRole("link", { name: "Study now" }).click();
  await rateEasy(page, 10);
  await expectToday(page, /^You're done for today/, "0 new · 0 learning · 0 reviews due");
  await expect(page.getByTestId("plan-ask")).toHaveCount(0);
  await page.getByTestId("today-counts").getByRole("link", { name: "Review ahead" }).click();
  await expect(page).toHaveURL(/\/study\?ahead=1$/);
  await expect(page.getByTestId("custom-session")).toContainText("Reviewing ahead");
  await expect(page.getByLabel("Cards left")).toContainText("10 review");
});
