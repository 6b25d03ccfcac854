import { expect, test, type Page } from "@playwright/test";
import { awayFromDayBoundary, newEmail, signUp } from "./fixtures";

const DECK = "/decks/python-interview-questions";

async function startDeck(page: Page) {
  await awayFromDayBoundary(page);
  await page.goto(DECK);
  await page.getByRole("button", { name: "Start studying" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("link", { name: "Study now" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/study\?deck=python-interview-questions/);
}

const counts = (page: Page) => page.getByLabel("Cards left");
const front = (page: Page) => page.getByTestId("card-front");

/** Reveal with Space, grade with a number key; returns the question that was rated. */
async function review(page: Page, key: "1" | "2" | "3" | "4") {
  const question = await front(page).innerText();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("card-back")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Good 10m/ })).toBeVisible();
  await page.keyboard.press(key);
  await expect(front(page)).not.toHaveText(question);
  return question;
}

async function historyCount(page: Page): Promise<number> {
  await page.goto("/history");
  const rows = page.getByTestId("history-rows").locator("tr");
  return (await page.getByText("No reviews yet.").count()) ? 0 : rows.count();
}

test("a learner studies with the keyboard alone, undoes a rating, and keeps progress across a reload", async ({ page }) => {
  await signUp(page, newEmail("keys"));
  await startDeck(page);
  await expect(counts(page)).toContainText("10 new");
  await expect(counts(page)).toContainText("0 learning");

  const rated: string[] = [];
  for (let i = 0; i < 5; i++) rated.push(await review(page, "3"));
  await expect(counts(page)).toContainText("5 new");
  await expect(counts(page)).toContainText("5 learning");

  await page.keyboard.press("z");
  await expect(front(page)).toHaveText(rated[4]!);
  await expect(page.getByRole("status").filter({ hasText: "Rating undone." })).toBeVisible();
  await expect(counts(page)).toContainText("6 new");
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved");

  await page.reload();
  await expect(counts(page)).toContainText("6 new");
  await expect(counts(page)).toContainText("4 learning");
  await expect(front(page)).toHaveText(rated[4]!);
  expect(await historyCount(page)).toBe(4);
});

test("ratings made while the server is unreachable wait, survive a reload, and are stored exactly once", async ({ page, context }) => {
  await signUp(page, newEmail("offline"));
  await startDeck(page);

  // First: the server gets the rating but the answer is lost; the retry must not double it.
  let dropped = 0;
  await context.route("**/api/reviews", async (route) => {
    if (dropped++ === 0) {
      await route.fetch();
      await route.abort("connectionreset");
    } else await route.continue();
  });
  await review(page, "3");
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved", { timeout: 15_000 });
  await context.unroute("**/api/reviews");

  // Then: the server is cut off entirely for two ratings and a reload.
  await context.route("**/api/reviews", (route) => route.abort("connectionrefused"));
  await review(page, "1");
  await review(page, "4");
  await expect(page.getByTestId("save-status")).toContainText("Offline: 2 ratings waiting");
  await page.reload();
  await expect(page.getByTestId("save-status")).toContainText("Offline: 2 ratings waiting");
  await expect(counts(page)).toContainText("7 new");

  await context.unroute("**/api/reviews");
  await page.getByRole("button", { name: "Retry now" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved");
  expect(await historyCount(page)).toBe(3);
  await expect(page.getByTestId("history-rows").getByText("Again")).toHaveCount(1);
  await expect(page.getByTestId("history-rows").getByText("Easy")).toHaveCount(1);
  await expect(page.getByTestId("history-rows").getByText("Good")).toHaveCount(1);
});

test("a rating the server keeps failing on is set aside, and the ratings after it are still saved", async ({ page, context }) => {
  await signUp(page, newEmail("held"));
  await startDeck(page);

  // The server answers 500 to any batch holding an Again rating (as it did for impossible steps).
  await context.route("**/api/reviews", async (route) => {
    const body = route.request().postDataJSON() as { ratings: { rating: number }[] };
    if (body.ratings.some((r) => r.rating === 1)) await route.fulfill({ status: 500, body: "Internal Server Error" });
    else await route.continue();
  });
  await review(page, "1");
  await review(page, "3");
  await review(page, "3");
  const held = page.getByTestId("held-ratings");
  await expect(held).toContainText("1 rating couldn't be saved", { timeout: 20_000 });
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved");

  // The learner can send it again once the server is fixed.
  await context.unroute("**/api/reviews");
  await held.getByRole("button", { name: "Try again" }).click();
  await expect(held).toHaveCount(0);
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved");
  expect(await historyCount(page)).toBe(3);
});

test("arriving through the header's Study link, Space reveals at once: focus is on the card", async ({ page }) => {
  await signUp(page, newEmail("focus"));
  await startDeck(page);
  await page.goto("/history");
  const studyLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Study", exact: true });
  await studyLink.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/study$/);
  await expect(page.getByTestId("card")).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("card-back")).toBeVisible();

  // A shortcut works even with focus left on a link.
  await page.getByRole("link", { name: "Open card" }).focus();
  await page.keyboard.press("3");
  await expect(page.getByTestId("card-back")).toHaveCount(0);
});
