import { devices, expect, test } from "@playwright/test";
import { linkInMail, newEmail, PASSWORD } from "./fixtures";

test.use({ ...devices["Pixel 7"], channel: undefined });

test("on a phone, a learner signs up, taps through a card, and finds history from the account page", async ({ page }) => {
  await page.goto("/sign-up?next=%2Fdecks%2Fpython-interview-questions");
  const email = newEmail("phone");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).tap();
  await expect(page.getByTestId("sign-up-sent")).toBeVisible();
  await page.goto(await linkInMail(email, "/sign-up/confirm"));
  await page.getByRole("button", { name: "Finish creating my account" }).tap();
  await page.getByRole("button", { name: "Start studying" }).tap();
  await page.getByRole("link", { name: "Study now" }).tap();

  await page.getByRole("button", { name: /Show answer/ }).tap();
  const good = page.getByRole("button", { name: /^Good, next in/ });
  await expect(good).toBeInViewport(); // the grade bar stays on screen under a long answer
  await good.tap();
  await expect(page.getByLabel("Cards left")).toContainText("9 new");

  // Every page is in the menu, the current one marked; Study stays in the header.
  await expect(page.getByRole("link", { name: "Study", exact: true })).toHaveAttribute("aria-current", "page");
  await page.getByText("Menu", { exact: true }).tap();
  for (const name of ["Today", "Decks", "Interviews", "History", "Stats", "Settings", "Account"])
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("link", { name: "Account", exact: true }).tap();
  await expect(page.getByRole("link", { name: "Account", exact: true })).toBeHidden(); // the menu closed
  await page.getByRole("link", { name: "Review history", exact: true }).tap();
  await expect(page.getByTestId("history-rows").locator("tr")).toHaveCount(1);
  await page.getByText("Menu", { exact: true }).tap();
  await expect(page.getByRole("link", { name: "History", exact: true })).toHaveAttribute("aria-current", "page");
});
