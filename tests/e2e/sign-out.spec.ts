// Signing out ends the session on the server: a cookie copied before is refused afterwards.
import { expect, test } from "@playwright/test";
import { newEmail, signOut, signUp } from "./fixtures";

test("a session cookie copied before signing out is refused afterwards", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, newEmail("shared-computer"));
  expect((await page.request.get("/api/export")).status()).toBe(200);
  const copied = await context.cookies();

  await signOut(page);

  // Someone replays the copied cookie from another browser.
  const replay = await browser.newContext();
  await replay.addCookies(copied);
  expect((await replay.request.get("/api/export")).status()).toBe(401);
  const stolen = await replay.newPage();
  await stolen.goto("/account");
  await expect(stolen).toHaveURL(/\/sign-in/);
});
