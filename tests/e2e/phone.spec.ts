import { devices, expect, test } from "@playwright/test";
import { linkInMail, newEmail, PASSWORD } from "./fixtures";

// A phone in India (UTC+5:30): every time the app shows is the phone's own.
test.use({ ...devices["Pixel 7"], channel: undefined, timezoneId: "Asia/Kolkata" });

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

  // Bury sits at the top of the card, away from the thumb; its toast has its own Undo.
  const front = page.getByTestId("card-front");
  const question = await front.innerText();
  await page.getByRole("button", { name: "Bury" }).tap();
  await page.getByTestId("notice").getByRole("button", { name: "Undo" }).tap();
  await expect(front).toHaveText(question);
  // The reveal button is in the thumb zone at the bottom of the screen; a tap on the question reveals too.
  const reveal = page.getByRole("button", { name: /Show answer/ });
  const box = (await reveal.boundingBox())!;
  expect(box.y + box.height).toBeGreaterThan(page.viewportSize()!.height - 100);
  await front.tap();
  const good = page.getByRole("button", { name: /^Good \d/ });
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
  // Grouped by day, in the phone's time zone, as stacked rows that fit the screen.
  await expect(page.getByText(/in your time zone \(Asia\/(Kolkata|Calcutta)\)/)).toBeVisible();
  const time = page.getByTestId("history-rows").locator("time");
  const local = await time.evaluate((el) => new Date(el.getAttribute("datetime")!).toLocaleTimeString("en", { timeStyle: "short" }));
  await expect(time).toHaveText(local);
  // The study day starts at 04:00 by default: a rating before then belongs to the day before.
  const today = await page.evaluate(() =>
    new Date(Date.now() - 4 * 3_600_000).toLocaleDateString("en", { weekday: "long", month: "long", day: "numeric", year: "numeric" }),
  );
  await expect(page.getByRole("heading", { name: new RegExp(`^${today} · 1 review$`) })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.getByText("Menu", { exact: true }).tap();
  await expect(page.getByRole("link", { name: "History", exact: true })).toHaveAttribute("aria-current", "page");
});
