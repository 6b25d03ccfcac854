// The outbox sends what waits as soon as the page is looked at again (a phone waking up, a tab
// brought back), rather than when its backoff, by then up to 30 s, runs out.
import { expect, test } from "@playwright/test";
import { awayFromDayBoundary, newEmail, signUp } from "./fixtures";

test("ratings waiting for the server are sent when the page becomes visible again", async ({ page, context }) => {
  await signUp(page, newEmail("visible"));
  await awayFromDayBoundary(page);
  await page.goto("/decks/python-interview-questions");
  await page.getByRole("button", { name: "Start studying" }).click();
  await page.getByRole("link", { name: "Study now" }).click();
  await expect(page.getByTestId("card-front")).toBeVisible();

  let attempts = 0;
  await context.route("**/api/reviews", (route) => {
    attempts++;
    return route.abort("connectionrefused");
  });
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(page.getByTestId("save-status")).toContainText("1 rating waiting");
  // Tried at once, then after 1, 2 and 5 seconds: the next try is 10 seconds away.
  await expect.poll(() => attempts, { timeout: 20_000 }).toBeGreaterThanOrEqual(4);

  await context.unroute("**/api/reviews");
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved", { timeout: 3_000 });
});
