// The learner's day on the review screen: bury and suspend join Z's undo with a toast of their own,
// a learning card comes back with a countdown, the end says what is really next ("you've met all 2
// cards"), and review ahead and drilling a tag give more to do once today's queue is done.
import { expect, test, type Page } from "@playwright/test";
import { awayFromDayBoundary, newEmail, signUp } from "./fixtures";

async function tinyDeck(page: Page) {
  await page.goto("/decks/new");
  await page.getByLabel("Title").fill("Tiny deck");
  await page.getByRole("button", { name: "Create deck" }).click();
  await page.getByLabel("Paste questions").fill("Q: What is one?\nA: 1\nQ: What is two?\nA: 2");
  await page.getByRole("button", { name: "Add these questions" }).click();
  await expect(page.getByText("Added 2 cards.")).toBeVisible();
  await page.goto(page.url().replace(/\/edit$/, ""));
  await page.getByRole("button", { name: "Start studying" }).click();
  await page.getByRole("link", { name: "Study now" }).click();
}

test("bury and suspend undo like ratings; the end of the day says what is next; review ahead", async ({ page }) => {
  test.setTimeout(60_000);
  await signUp(page, newEmail("day"));
  await awayFromDayBoundary(page);
  await tinyDeck(page);
  const front = page.getByTestId("card-front");
  const notice = page.getByTestId("notice");
  await expect(front).toHaveText("What is one?");

  await page.keyboard.press("b");
  await expect(notice).toContainText("Buried until tomorrow.");
  await expect(front).toHaveText("What is two?");
  await notice.getByRole("button", { name: "Undo" }).click();
  await expect(notice).toContainText("Unburied: the card is back.");
  await expect(front).toHaveText("What is one?");
  await page.keyboard.press("s");
  await expect(notice).toContainText("Suspended");
  await page.keyboard.press("z");
  await expect(notice).toContainText("Unsuspended: the card is back.");
  await expect(front).toHaveText("What is one?");
  // Z takes back a bury made with the button too, as Anki's undo does.
  await page.getByRole("button", { name: "Bury" }).click();
  await expect(notice).toContainText("Buried until tomorrow.");
  await expect(front).toHaveText("What is two?");
  await page.keyboard.press("z");
  await expect(notice).toContainText("Unburied: the card is back.");
  await expect(front).toHaveText("What is one?");

  // One card learned for days, one forgotten: it comes back in a minute, with a countdown.
  await page.keyboard.press("Space");
  await page.keyboard.press("4");
  await page.keyboard.press("Space");
  await page.keyboard.press("1");
  await expect(page.getByTestId("waiting-heading")).toHaveText(/^Next card comes back in (\d+ s|1 min)$/);
  const first = await page.getByTestId("waiting-heading").innerText();
  await expect(page.getByTestId("waiting-heading")).not.toHaveText(first); // it counts down
  await page.getByRole("button", { name: "Study it now" }).click();
  await page.keyboard.press("Space");
  await page.keyboard.press("4");

  const next = page.getByTestId("next-steps");
  await expect(page.getByRole("heading", { name: "Session complete" })).toBeVisible();
  await expect(next).toContainText("You've now met all 2 cards in this deck.");
  await expect(next).toContainText("Your next review is due");
  await next.getByRole("link", { name: "Review ahead" }).click();
  await expect(page.getByTestId("custom-session")).toContainText("Reviewing ahead");
  await expect(page.getByLabel("Cards left")).toContainText("2 review");
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(page.getByRole("heading", { name: "Reviewed ahead" })).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved");
});

test("a weak tag in stats opens a drill of its cards", async ({ page }) => {
  await signUp(page, newEmail("drill"));
  await awayFromDayBoundary(page);
  await page.goto("/");
  await page.getByRole("button", { name: "Start Python Interview Questions" }).click();
  await expect(page).toHaveURL(/\/study\?deck=/);
  await expect(page.getByTestId("card")).toBeFocused(); // hydrated: the keys work
  await page.keyboard.press("Space");
  await page.keyboard.press("1");
  await expect(page.getByLabel("Cards left")).toContainText("1 learning");
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved");
  await page.goto("/stats");
  await expect(page.getByTestId("coverage")).toContainText("Python Interview Questions1/60 seen, 0 well known");
  await expect(page.getByRole("heading", { name: "Reviews, last 2 weeks" })).toBeVisible();
  const tag = page.getByTestId("tag-retention").getByRole("link").first();
  const name = await tag.innerText();
  await tag.click();
  await expect(page.getByTestId("custom-session")).toContainText(`Drilling “${name}”`);
  await expect(page.getByTestId("card")).toBeVisible();
  await page.getByRole("link", { name: "Back to today's queue" }).click();
  await expect(page.getByTestId("custom-session")).toHaveCount(0);
});
