// axe-core on a phone (Pixel 7), light and dark: the pages a phone user lives in, the review screen
// before and after a reveal, and the open menu. Any violation fails.
import { devices, expect, test } from "@playwright/test";
import { violations } from "./axe";
import { newEmail, signUp } from "./fixtures";

test.use({ ...devices["Pixel 7"], channel: undefined });

test("no axe violations on the pages a phone user lives in, light or dark", async ({ page }) => {
  test.setTimeout(120_000);
  const found: string[] = [];
  await page.goto("/");
  found.push(...(await violations(page, "home, signed out (phone)")));
  await signUp(page, newEmail("axe-phone"));
  found.push(...(await violations(page, "today (phone)")));
  await page.getByRole("button", { name: "Start Python Interview Questions" }).tap();
  await expect(page.getByTestId("card")).toBeVisible();
  found.push(...(await violations(page, "study, question (phone)")));
  await page.getByTestId("card-front").tap();
  found.push(...(await violations(page, "study, answer (phone)")));
  await page.getByRole("button", { name: /^Good \d/ }).tap();
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved");
  await page.getByText("Menu", { exact: true }).tap();
  found.push(...(await violations(page, "menu open (phone)")));
  for (const [state, url] of [
    ["history (phone)", "/history"],
    ["stats (phone)", "/stats"],
    ["settings (phone)", "/settings"],
  ] as const) {
    await page.goto(url);
    found.push(...(await violations(page, state)));
  }
  expect(found, found.join("\n")).toEqual([]);
});
