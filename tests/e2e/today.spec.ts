// The signed-in home: a new learner lands on Today, starts the Python deck in one click, and after a
// rating sees today's counts, the deck's own row with its Study button, and the streak begun.
import { expect, test } from "@playwright/test";
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
