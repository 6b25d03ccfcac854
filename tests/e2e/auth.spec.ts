import { expect, test } from "@playwright/test";
import { linkInMail, mailTo, newEmail, PASSWORD, signIn, signOut, signUp, submitSignUp } from "./fixtures";

test("a visitor signs up, signs out, signs in again, and a wrong password gets a clear message", async ({ page }) => {
  const email = newEmail("learner");
  await signUp(page, email, "Ada");
  await page.goto("/account");
  await expect(page.getByTestId("account-email")).toHaveText(email);

  await signOut(page);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount/);

  await signIn(page, email, "not the password");
  // (Next's route announcer is also role=alert, so pick ours by its text.)
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email); // the form keeps what was typed

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-email")).toHaveText(email);
});

test("bad sign-up input gets a message beside each field and creates nothing", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  // Sign-up answers an address that has an account exactly as a new one (no way to test who uses
  // Drill); the address's owner gets a note saying how to sign in.
  const email = newEmail("dupe");
  await signUp(page, email);
  await signOut(page);
  await page.goto("/sign-up");
  await submitSignUp(page, email);
  const fresh = newEmail("fresh");
  await page.goto("/sign-up");
  await submitSignUp(page, fresh);
  expect(await mailTo(email)).toMatch(/already has one/);
  expect(await mailTo(fresh)).toMatch(/finish creating your Drill account/);
});

test("a sign-up link works once, and a used one says so", async ({ page }) => {
  const email = newEmail("once");
  await signUp(page, email);
  await signOut(page);
  await page.goto(await linkInMail(email, "/sign-up/confirm"));
  await expect(page.getByRole("heading", { name: "This link doesn't work" })).toBeVisible();
});

test("a second user sees none of the first user's account, decks or reviews", async ({ browser }) => {
  const first = await browser.newPage();
  const firstEmail = newEmail("first");
  await signUp(first, firstEmail);
  await first.goto("/decks/python-interview-questions");
  await first.getByRole("button", { name: "Start studying" }).click();
  await first.getByRole("link", { name: "Study now" }).click();
  await first.getByRole("button", { name: /Show answer/ }).click();
  await first.getByRole("button", { name: /^Good \d/ }).click();
  await expect(first.getByTestId("save-status")).toHaveText("All ratings saved");
  await first.goto("/history");
  await expect(first.getByTestId("history-rows").locator("tr")).toHaveCount(1);

  const second = await (await browser.newContext()).newPage();
  const secondEmail = newEmail("second");
  await signUp(second, secondEmail);
  await second.goto("/account");
  await expect(second.getByTestId("account-email")).toHaveText(secondEmail);
  await expect(second.getByText(firstEmail)).toHaveCount(0);
  await second.goto("/history");
  await expect(second.getByText("No reviews yet.")).toBeVisible();
  await second.goto("/study");
  await expect(second.getByRole("heading", { name: "You aren't studying any decks yet" })).toBeVisible();
});

test("responses carry the security headers and a httpOnly, SameSite=Lax, Secure session cookie", async ({ page, context }) => {
  const response = await page.goto("/");
  const headers = response!.headers();
  const csp = headers["content-security-policy"]!;
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  // Scripts run only with this response's nonce: no 'unsafe-inline' for scripts (review finding 12),
  // and images only from Drill itself.
  const scripts = /script-src ([^;]*)/.exec(csp)![1]!;
  expect(scripts).not.toContain("unsafe-inline");
  const nonce = /'nonce-([^']+)'/.exec(scripts)![1]!;
  expect(/img-src ([^;]*)/.exec(csp)![1]).toBe("'self' data:");
  const html = await response!.text();
  expect(html).toContain(`nonce="${nonce}"`);
  expect((await page.request.get("/")).headers()["content-security-policy"]).not.toContain(nonce); // fresh per response
  // The page works under that policy: React hydrated, so its scripts ran.
  await page.getByRole("link", { name: "Decks" }).first().click();
  await expect(page).toHaveURL(/\/decks$/);
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");

  await signUp(page, newEmail("cookie"));
  const session = (await context.cookies()).find((c) => c.name.includes("session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
});

test("unknown pages get a real 404 page", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
});
