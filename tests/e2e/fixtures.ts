// Shared steps for end-to-end tests: accounts are created through the real sign-up form.
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "correct horse battery";

export function newEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

/** Where the app under test writes its mail (playwright.config.ts sets MAIL_DIR for the server). */
export const MAIL_DIR = "var/e2e/mail";

/** The newest mail sent to an address, waiting a little for it to arrive. */
export async function mailTo(email: string): Promise<string> {
  const safe = email.replace(/[^a-z0-9@.-]/gi, "_");
  for (let attempt = 0; attempt < 50; attempt++) {
    const names = existsSync(MAIL_DIR)
      ? readdirSync(MAIL_DIR)
          .filter((n) => n.endsWith(`-${safe}.txt`))
          .sort()
      : [];
    if (names.length) return readFileSync(path.join(MAIL_DIR, names.at(-1)!), "utf8");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail to ${email} in ${MAIL_DIR}`);
}

/** The first link in the newest mail to an address whose path starts with `path`. */
export async function linkInMail(email: string, path: string): Promise<string> {
  const mail = await mailTo(email);
  // A link ends at white space or at the angle bracket around it (List-Unsubscribe headers).
  const link = new RegExp(`https?://[^\\s<>]+${path.replace(/[/.*+?^${}()|[\]\\]/g, "\\$&")}[^\\s<>]*`).exec(mail)?.[0];
  if (!link) throw new Error(`no ${path} link in the mail to ${email}:\n${mail}`);
  return link;
}

/** Fills in the sign-up form (the page open, or /sign-up) and sends it. */
export async function submitSignUp(page: Page, email: string, name = "") {
  if (!new URL(page.url()).pathname.startsWith("/sign-up")) await page.goto("/sign-up");
  if (name) await page.getByLabel("Name (optional)").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("sign-up-sent")).toContainText(email);
}

/** Opens the sign-up email's link and finishes: the account exists and is signed in. */
export async function finishSignUp(page: Page, email: string) {
  await page.goto(await linkInMail(email, "/sign-up/confirm"));
  await page.getByRole("button", { name: "Finish creating my account" }).click();
  // Signed in: the header's Study link shows on every screen (Sign out sits in the phone's menu).
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Study", exact: true })).toBeVisible();
}

/** Signs up the whole way, as a person does: the form, then the link in the email. */
export async function signUp(page: Page, email: string, name = "") {
  await page.goto("/sign-up");
  await submitSignUp(page, email, name);
  await finishSignUp(page, email);
}

/** Signs in on the sign-in page, or on the page already open when it is a sign-in form (keeping ?next=). */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  if (!new URL(page.url()).pathname.startsWith("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

/**
 * Moves the learner's day boundary twelve hours away from now (their browser's clock), for tests
 * whose counts would change if a new study day began mid-test: a card due in 10 minutes counts as
 * "learning" today only while the day has 10 minutes left.
 */
export async function awayFromDayBoundary(page: Page) {
  const hour = await page.evaluate(() => (new Date().getHours() + 12) % 24);
  await page.goto("/settings");
  await page.getByLabel("A new day starts at").selectOption(String(hour));
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/^Saved\./)).toBeVisible();
}
