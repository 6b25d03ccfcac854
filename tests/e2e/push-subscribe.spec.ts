// The settings page's "Allow notifications" path in Chromium with notifications granted and the
// service worker running (blocked in every other spec). Playwright's contexts are private windows,
// where Chromium has no Push API service, so the one test that reaches the server stands in a test
// push endpoint for the browser's push service: the page's own code asks the service worker's
// PushManager with the server's VAPID key, and the subscription (an https endpoint and real P-256
// keys made here) goes through the server action into a PushSubscription row.
import { expect, test } from "@playwright/test";
import { newEmail, signUp } from "./fixtures";

test.use({ serviceWorkers: "allow" });

/**
 * A PushManager whose push service is a test endpoint: subscribe makes a subscription there, kept
 * across reloads (in localStorage) as a browser keeps its own.
 */
function useTestPushEndpoint() {
  type Stored = { endpoint: string; expirationTime: null; keys: { p256dh: string; auth: string } };
  const state = window as unknown as { testPushKeyLength: number };
  state.testPushKeyLength = 0;
  const base64url = (bytes: ArrayBuffer) =>
    btoa(String.fromCharCode(...new Uint8Array(bytes)))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
  const subscriptionOf = (stored: Stored) =>
    ({
      endpoint: stored.endpoint,
      toJSON: () => stored,
      unsubscribe: async () => {
        localStorage.removeItem("testPush");
        return true;
      },
    }) as unknown as PushSubscription;
  PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
    state.testPushKeyLength = (options?.applicationServerKey as Uint8Array | undefined)?.byteLength ?? 0;
    const pair = await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"]);
    const stored: Stored = {
      endpoint: `https://push.test.invalid/send/${crypto.randomUUID()}`,
      expirationTime: null,
      keys: {
        p256dh: base64url(await crypto.subtle.exportKey("raw", pair.publicKey)),
        auth: base64url(crypto.getRandomValues(new Uint8Array(16)).buffer),
      },
    };
    localStorage.setItem("testPush", JSON.stringify(stored));
    return subscriptionOf(stored);
  };
  PushManager.prototype.getSubscription = async () => {
    const stored = localStorage.getItem("testPush");
    return stored ? subscriptionOf(JSON.parse(stored) as Stored) : null;
  };
}

test("allowing notifications subscribes this browser through its service worker and the server keeps it; stopping removes it", async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await context.grantPermissions(["notifications"], { origin: baseURL });
  await context.addInitScript(useTestPushEndpoint);
  await signUp(page, newEmail("push"));
  await page.goto("/settings");
  await expect(page.getByText("Push reminders go to 0 browsers you allowed.")).toBeVisible();

  await page.getByRole("button", { name: "Allow notifications on this browser" }).click();
  await expect(page.getByText("This browser will show your reminders.")).toBeVisible();
  // The page asked with the server's VAPID public key (an uncompressed P-256 point).
  expect(await page.evaluate(() => (window as unknown as { testPushKeyLength: number }).testPushKeyLength)).toBe(65);
  await page.reload();
  await expect(page.getByText("Push reminders go to 1 browser you allowed.")).toBeVisible();

  await page.getByRole("button", { name: "Stop notifications on this browser" }).click();
  await expect(page.getByText("This browser won't show reminders any more.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Push reminders go to 0 browsers you allowed.")).toBeVisible();
});

test("granted but without a push service (a private window), the button says it couldn't subscribe", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["notifications"], { origin: baseURL });
  await signUp(page, newEmail("push-private"));
  await page.goto("/settings");
  await page.getByRole("button", { name: "Allow notifications on this browser" }).click();
  await expect(page.getByText("This browser couldn't reach its push service. Try again later, or use email.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Push reminders go to 0 browsers you allowed.")).toBeVisible();
});
