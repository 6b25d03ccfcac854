import { devices, expect, test } from "@playwright/test";
import { linkInMail, newEmail, PASSWORD, signUp } from "./fixtures";

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
  // Bury and Suspend are real touch targets (44×44 px at least), and no keyboard hint shows on a touch screen.
  for (const name of ["Bury", "Suspend"]) {
    const target = (await page.getByRole("button", { name }).boundingBox())!;
    expect(target.width, name).toBeGreaterThanOrEqual(44);
    expect(target.height, name).toBeGreaterThanOrEqual(44);
  }
  await expect(page.getByRole("button", { name: /Show answer/ })).toBeVisible();
  await expect(page.locator("kbd:visible")).toHaveCount(0);
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
  await expect(page.getByTestId("card-back")).toBeVisible();
  await expect(page.locator("kbd:visible, .key-hint:visible")).toHaveCount(0);
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

test("on a phone, a mock interview uses the study screen's card: ticks, a suggestion, intervals, grades in reach", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page, newEmail("phone-mock"));
  await page.goto("/decks/python-interview-questions");
  await page.getByRole("button", { name: "Start studying" }).tap();
  await expect(page.getByRole("link", { name: "Study now" })).toBeVisible();
  await page.goto("/interviews");
  await page.getByLabel("Interview", { exact: true }).fill("Phone screen");
  await page.getByLabel("Date").fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Add interview" }).tap();
  await expect(page.getByRole("heading", { name: "Phone screen" })).toBeVisible();
  await expect(page).toHaveURL(/\/interviews\/[^/?#]+$/);
  await page.goto(`${page.url().replace(/[?#].*$/, "")}/mock?start=1&n=2&seconds=120`);
  await expect(page.getByTestId("countdown")).toBeVisible();

  // The reveal and then the grades sit in the thumb zone, not below the answer.
  await page.getByRole("button", { name: /Show answer/ }).tap();
  const points = page.getByRole("group", { name: /Key points: tick what you said/ }).getByRole("checkbox");
  await expect(page.getByTestId("suggested-grade")).not.toContainText("Suggested");
  const count = await points.count();
  for (let i = 0; i < count; i++) await points.nth(i).tap();
  // Every point said on a card never seen: Good, not Easy.
  await expect(page.getByTestId("suggested-grade")).toContainText("Suggested: Good");
  const good = page.getByRole("button", { name: /^Good \d+.*suggested/ });
  await expect(good).toBeInViewport();
  const box = (await good.boundingBox())!;
  expect(box.y + box.height).toBeGreaterThan(page.viewportSize()!.height - 100);
  await good.tap();

  await expect(page.getByText("Question 2 of 2")).toBeVisible();
  await page.getByRole("button", { name: /Show answer/ }).tap();
  await page.getByRole("button", { name: /None of them/ }).tap();
  await expect(page.getByTestId("suggested-grade")).toContainText("Suggested: Again");
  await page.getByRole("button", { name: /^Again \d+.*suggested/ }).tap();
  await expect(page.getByTestId("mock-summary")).toContainText("Done: 1 of 2 answered");
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved");
});
