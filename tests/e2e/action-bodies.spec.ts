// Server action bodies no page sends (empty, not JSON, nested 100,000 deep, lone surrogates) are
// refused with a 400 and the reason (proxy.ts, lib/server/action-body.ts), not a 500.
import { expect, test, type Page } from "@playwright/test";

/** The id of the sign-in form's action, as React writes it into the form for use without JavaScript. */
async function signInActionId(page: Page): Promise<string> {
  await page.goto("/sign-in");
  const id = await page.evaluate(() => {
    for (const input of document.querySelectorAll<HTMLInputElement>('input[type="hidden"][name^="$ACTION_"]')) {
      try {
        const value = JSON.parse(input.value) as { id?: unknown };
        if (typeof value.id === "string") return value.id;
      } catch {
        // Not the field holding the action's reference.
      }
    }
    return null;
  });
  expect(id).toMatch(/^[0-9a-f]{40,}$/);
  return id!;
}

test("malformed server action bodies answer 400 with the reason", async ({ page }) => {
  const id = await signInActionId(page);
  const send = (data: string) =>
    page.request.post("/sign-in", {
      headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8" },
      data,
      failOnStatusCode: false,
    });

  const cases: [string, RegExp][] = [
    ["", /empty/],
    ["this is not json", /valid JSON/],
    ["[null," + "[".repeat(100_000) + "]".repeat(100_000) + "]", /nests arrays or objects/],
    ['[null,{"email":"\\ud800@a.test","password":"x"}]', /lone surrogate/],
  ];
  for (const [body, reason] of cases) {
    const response = await send(body);
    expect([body.slice(0, 20), response.status()]).toEqual([body.slice(0, 20), 400]);
    expect(await response.text()).toMatch(reason);
  }

  // Well-formed but not what the form sends (no arguments at all): refused by the action, not a 500.
  expect((await send("[]")).status()).toBeLessThan(500);
  // The form itself still works through the same check.
  await page.getByLabel("Email").fill("nobody@drill.test");
  await page.getByLabel("Password").fill("wrong password here");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
});
