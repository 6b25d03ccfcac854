// Ending sessions and leaving: a password change and "sign out everywhere" reach every browser
// signed in to the account, and deleting the account offers the export first and removes it.
import { expect, test, type Browser } from "@playwright/test";
import { linkInMail, newEmail, PASSWORD, signIn, signOut, signUp } from "./fixtures";

async function secondBrowser(browser: Browser, email: string, password = PASSWORD) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  await expect(page.getByRole("button", { name: "Sign out" }).first()).toBeVisible();
  return page;
}

test("changing the password signs out every other browser and keeps this one", async ({ page, browser }) => {
  const email = newEmail("newpass");
  await signUp(page, email);
  const other = await secondBrowser(browser, email);

  await page.goto("/account");
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("an entirely new secret");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That isn't your password.").first()).toBeVisible();

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("an entirely new secret");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/Password changed/)).toBeVisible();

  await page.goto("/history");
  await expect(page).toHaveURL(/\/history$/); // this browser stays signed in
  await other.goto("/history");
  await expect(other).toHaveURL(/\/sign-in\?next=%2Fhistory/); // the other one is out
  await signIn(other, email, "an entirely new secret");
  await expect(other).toHaveURL(/\/history$/);
});

test("sign out everywhere ends this session and every other", async ({ page, browser }) => {
  const email = newEmail("everywhere");
  await signUp(page, email);
  const other = await secondBrowser(browser, email);
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await other.goto("/account");
  await expect(other).toHaveURL(/\/sign-in\?next=%2Faccount/);
});

test("deleting the account offers the export, asks for email and password, and removes the account", async ({ page }) => {
  const email = newEmail("leaver");
  await signUp(page, email);
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto("/account");
  await expect(page.getByRole("link", { name: "Download your data first" })).toHaveAttribute("href", "/api/export");

  await page.getByLabel(/Type your email/).fill("someone-else@example.test");
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Type your email address exactly.")).toBeVisible();

  await page.getByLabel(/Type your email/).fill(email);
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  await expect(page.getByText("Your account and your review history are deleted.")).toBeVisible();
  await signIn(page, email);
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
});

test("an invite opened before signing up survives signing up from the header", async ({ page, browser }) => {
  // A mentor's invite link.
  const mentor = await (await browser.newContext()).newPage();
  await signUp(mentor, newEmail("mentor"), "Mira Mentor");
  await mentor.goto("/decks/new");
  await mentor.getByLabel("Title").fill("Header path deck");
  await mentor.getByRole("button", { name: "Create deck" }).click();
  await mentor.getByRole("link", { name: "Sharing" }).click();
  await mentor.getByLabel("Anyone with an invite link").check();
  await mentor.getByRole("button", { name: "Save visibility" }).click();
  await mentor.getByRole("button", { name: "Create invite link" }).click();
  const link = mentor.getByRole("textbox", { name: "Invite link" }).first();
  await expect(link).toHaveValue(/\/join\/[\w-]+$/);
  const invite = await link.inputValue();

  // The mentee opens it, then uses the header's Sign up instead of the invite's own button.
  await page.goto(new URL(invite).pathname);
  await expect(page.getByText("Mira Mentor invited you to study")).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign up" }).click();
  const email = newEmail("header");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("sign-up-sent")).toBeVisible();
  await page.goto(await linkInMail(email, "/sign-up/confirm"));
  await page.getByRole("button", { name: "Finish creating my account" }).click();
  await expect(page).toHaveURL(new RegExp(new URL(invite).pathname));
  await page.getByRole("button", { name: "Join and start studying" }).click();
  await expect(page).toHaveURL(/\/study\?deck=/);
});

test("a learner who forgot their password resets it by email: the link works once and signs every session out", async ({
  page,
  browser,
}) => {
  const email = newEmail("forgot");
  await signUp(page, email);
  const other = await secondBrowser(browser, email);

  // Their name, set from the account page (it shows to mentors and co-editors).
  await page.goto("/account");
  await page.getByLabel("Name").fill("Ada L.");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Name saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Name")).toHaveValue("Ada L.");

  await signOut(page); // waits for the sign-out to finish, so it can't land after the next page
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // The sign-in page has an Email field too: fill the reset page's, once it is there.
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill("not an address");
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByTestId("reset-sent")).toContainText(email);

  const link = await linkInMail(email, "/reset-password");
  await page.goto(link);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await page.getByLabel("New password").fill("a brand new secret");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your new password is set");

  // The other browser is signed out; the old password no longer works, the new one does.
  await other.goto("/history");
  await expect(other).toHaveURL(/\/sign-in\?next=%2Fhistory/);
  await signIn(page, email, PASSWORD);
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await signIn(page, email, "a brand new secret");
  await expect(page.getByRole("button", { name: "Sign out" }).first()).toBeVisible();

  // Used once: the link now says so and offers a new one.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link doesn't work" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Send a new link" })).toBeVisible();
});
