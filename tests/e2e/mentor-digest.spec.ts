// A mentor's weekly digest through the UI: turned on from the deck's dashboard with its day and
// hour, a test digest sent (read from MAIL_DIR), and the mail's unsubscribe link used signed out.
import { expect, test } from "@playwright/test";
import { linkInMail, mailTo, newEmail, signUp } from "./fixtures";

test("a mentor turns the weekly digest on from the dashboard, gets a test digest, and stops it from the mail's link", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000); // two browsers, a new deck, a mail: outruns 30 s under load, as other journeys do
  const email = newEmail("digest-mentor");
  await signUp(page, email, "Dana Mentor");
  await page.goto("/decks/new");
  await page.getByLabel("Title").fill("Digest deck");
  await page.getByRole("button", { name: "Create deck" }).click();
  await expect(page.getByRole("heading", { name: "Edit deck" })).toBeVisible();
  const dashboard = new URL(page.url()).pathname.replace(/\/edit$/, "/dashboard");

  await page.goto(dashboard);
  await page.getByLabel("Send me a weekly digest of this deck").check();
  await page.getByLabel("On", { exact: true }).selectOption({ label: "Wednesday" });
  await page.getByLabel("At", { exact: true }).selectOption("18");
  await page.getByRole("button", { name: "Save weekly digest" }).click();
  await expect(page.getByText("Weekly digest saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Send me a weekly digest of this deck")).toBeChecked();
  await expect(page.getByLabel("On", { exact: true })).toHaveValue("3");
  await expect(page.getByLabel("At", { exact: true })).toHaveValue("18");

  await page.getByRole("button", { name: "Send a test digest" }).click();
  await expect(page.getByText("Test digest sent by email.")).toBeVisible();
  const mail = await mailTo(email);
  expect(mail).toContain("Subject: Drill: a test digest of Digest deck");
  expect(mail).toMatch(/List-Unsubscribe: <http:\/\/localhost:\d+\/reminders\/digest\/unsubscribe\/one-click\?token=/);
  expect(mail).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  expect(mail).toContain(`Open the dashboard: http://localhost:${new URL(page.url()).port}${dashboard}`);

  // The link works signed out, in another browser.
  const signedOut = await browser.newContext();
  const stranger = await signedOut.newPage();
  await stranger.goto(await linkInMail(email, "/reminders/digest/unsubscribe?token="));
  await stranger.getByRole("button", { name: "Stop this weekly digest" }).click();
  await expect(stranger.getByText(/weekly digest is off/)).toBeVisible();
  await signedOut.close();

  await page.reload();
  await expect(page.getByLabel("Send me a weekly digest of this deck")).not.toBeChecked();
  await expect(page.getByLabel("On", { exact: true })).toHaveValue("3");
});
