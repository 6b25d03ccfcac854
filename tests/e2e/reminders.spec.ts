// Daily reminders through the UI: offered on Today after the first session, turned on in settings,
// a test reminder sent (read from MAIL_DIR), and the mail's unsubscribe link used signed out.
import { expect, test } from "@playwright/test";
import { awayFromDayBoundary, linkInMail, mailTo, newEmail, signUp } from "./fixtures";

async function studyOneCard(page: import("@playwright/test").Page) {
  await page.getByRole("button", { name: "Start Python Interview Questions" }).click();
  await expect(page.getByTestId("card")).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved");
  await page.getByRole("link", { name: "Today", exact: true }).click();
}

test("a learner turns reminders on, gets a test reminder by mail, and unsubscribes from its link without signing in", async ({
  page,
  browser,
}) => {
  const email = newEmail("reminded");
  await signUp(page, email);
  // The card rated below is due again in minutes: a review today only while the day lasts that long.
  await awayFromDayBoundary(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "A daily reminder?" })).toHaveCount(0);
  await studyOneCard(page);
  await page.getByRole("link", { name: "Set up reminders" }).click();
  await expect(page).toHaveURL(/\/settings/);

  await page.getByLabel("Send me a daily reminder").check();
  await page.getByLabel("At", { exact: true }).selectOption("7");
  await page.getByLabel("Email").check();
  await page.getByRole("button", { name: "Save reminder settings" }).click();
  await expect(page.getByText("Reminder settings saved.")).toBeVisible();
  await page.getByRole("button", { name: "Send a test reminder" }).click();
  await expect(page.getByText("Test reminder sent by email.")).toBeVisible();

  const mail = await mailTo(email);
  expect(mail).toMatch(/Subject: Drill: \d+ reviews? and \d+ new cards? today/);
  expect(mail).toMatch(/List-Unsubscribe: <http:\/\/localhost:\d+\/reminders\/unsubscribe\/one-click\?token=/);
  expect(mail).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  expect(mail).toMatch(/Study now: http:\/\/localhost:\d+\/study\n/);

  // The link works signed out, in another browser.
  const signedOut = await browser.newContext();
  const stranger = await signedOut.newPage();
  // The page link of the body, not the one-click POST address of the List-Unsubscribe header.
  await stranger.goto(await linkInMail(email, "/reminders/unsubscribe?token="));
  await stranger.getByRole("button", { name: "Stop daily reminders" }).click();
  await expect(stranger.getByText(/Daily reminders are off/)).toBeVisible();
  await signedOut.close();

  await page.reload();
  await expect(page.getByLabel("Send me a daily reminder")).not.toBeChecked();
  await expect(page.getByLabel("At", { exact: true })).toHaveValue("7");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "A daily reminder?" })).toHaveCount(0);
});

test("the offer can be declined once, and push buttons say what this browser can do", async ({ page }) => {
  await signUp(page, newEmail("declines"));
  await studyOneCard(page);
  await page.getByRole("button", { name: "No thanks" }).click();
  await expect(page.getByRole("heading", { name: "A daily reminder?" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "A daily reminder?" })).toHaveCount(0);

  await page.goto("/settings");
  // Headless Chromium denies notifications unless granted: the button says so instead of failing.
  await page.getByRole("button", { name: "Allow notifications on this browser" }).click();
  await expect(page.getByText(/Notifications are blocked|can't receive push|couldn't reach its push service/)).toBeVisible();
  await page.getByRole("button", { name: "Stop notifications on this browser" }).click();
  await expect(page.getByText("This browser won't show reminders any more.")).toBeVisible();
  // Off, but a test still goes (by email, the default channel) so the learner can see one.
  await page.getByRole("button", { name: "Send a test reminder" }).click();
  await expect(page.getByText("Test reminder sent by email.")).toBeVisible();
});
