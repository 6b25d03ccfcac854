// An app you can install: a manifest with icons, and a service worker that opens /study with the
// network off (the last session loaded), while the outbox keeps the ratings made offline until the
// network is back, then stores each once.
import { expect, test } from "@playwright/test";
import { newEmail, signOut, signUp } from "./fixtures";

test.use({ serviceWorkers: "allow" });

test("the study page opens offline with the last session, and ratings made offline are saved when back", async ({ page, context }) => {
  await signUp(page, newEmail("installed"));
  await page.getByRole("button", { name: "Start Python Interview Questions" }).click();
  await expect(page.getByTestId("card")).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Loaded once more through the worker, which keeps the page and its scripts.
  await page.reload();
  await expect(page.getByTestId("card")).toBeVisible();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  const question = await page.getByTestId("card-front").innerText();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("card-front")).toHaveText(question);
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(page.getByTestId("save-status")).toContainText("1 rating waiting");

  // Back online, the outbox sends it by itself.
  await context.setOffline(false);
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved", { timeout: 20_000 });
  await page.goto("/history");
  await expect(page.getByTestId("history-rows").locator("tr")).toHaveCount(1);
});

test("a manifest with icons and a favicon make Drill installable", async ({ page }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = (await (await page.request.get(href!)).json()) as {
    name: string;
    start_url: string;
    icons: { src: string; sizes: string }[];
  };
  expect(manifest).toMatchObject({ start_url: "/", display: "standalone" });
  for (const icon of manifest.icons) {
    const response = await page.request.get(icon.src);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect((await response.body()).length).toBeGreaterThan(500);
  }
  expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThan(0);
  // Browsers and bookmark tools still ask for /favicon.ico whatever the page links.
  const favicon = await page.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toBe("image/png");
  expect((await page.request.get("/sw.js")).ok()).toBe(true);
});

test("offline: Today and /study open though never opened online; after sign-out no page of the previous user is shown; other pages get the offline page", async ({
  page,
  context,
}) => {
  const email = newEmail("shared-computer");
  await signUp(page, email);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.goto("/account");
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  // Loaded through the worker, which keeps a copy for this user.
  await page.reload();
  await expect(page.getByTestId("account-email")).toHaveText(email);
  // Today and the study page are kept too, though this user never opened them with the worker on.
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const pages = (await caches.keys()).filter((name) => name.startsWith("drill-pages-"));
          if (pages.length !== 1) return false;
          const cache = await caches.open(pages[0]!);
          return Boolean((await cache.match("/")) && (await cache.match("/study")));
        }),
      { timeout: 20_000 },
    )
    .toBe(true);

  // Offline, still signed in: the same user gets their copy, marked as one; a page never opened
  // online gets the offline page with the ways that do work.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("account-email")).toHaveText(email);
  await expect(page.getByTestId("offline-banner")).toHaveText(/^Offline, as of \d\d:\d\d/);
  for (const path of ["/study", "/"]) {
    await page.goto(path);
    await expect(page.getByTestId("offline-banner")).toBeVisible();
    await expect(page.getByRole("heading", { name: "You’re offline" })).toHaveCount(0);
  }
  await page.goto("/stats");
  await expect(page.getByRole("heading", { name: "You’re offline" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Study" }).last()).toHaveAttribute("href", "/study");
  await expect(page.getByRole("link", { name: "Today" }).last()).toHaveAttribute("href", "/");
  await context.setOffline(false);

  await page.goto("/account");
  await signOut(page);
  // Every user's pages are gone from the caches, and the outbox with them.
  await expect
    .poll(() => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("drill-pages-") || name === "pages")))
    .toEqual([]);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("drill:outbox:")))).toEqual([]);
  await context.setOffline(true);
  for (const path of ["/account", "/", "/study", "/history"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "You’re offline" })).toBeVisible();
    expect(await page.content()).not.toContain(email);
  }
  await context.setOffline(false);
});

test("a slow server is waited for: with the network up the worker never answers from its copy, before or after sign-out", async ({
  page,
  context,
}) => {
  test.setTimeout(60_000);
  const email = newEmail("slow-server");
  await signUp(page, email);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.goto("/account");
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await page.reload(); // through the worker, which keeps this user's copy
  await expect(page.getByTestId("account-email")).toHaveText(email);
  // Each response has its own script nonce: the copy's is the one just seen.
  const nonce = () => page.evaluate(() => document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce ?? "");
  const copied = await nonce();
  expect(copied).not.toBe("");

  // The server now takes 6 s for the page (the probe saw the copy served after 4 s).
  let slowed = 0;
  await context.route("**/account", async (route) => {
    slowed++;
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    await route.continue();
  });
  await page.reload();
  await expect(page.getByTestId("account-email")).toHaveText(email);
  expect(slowed).toBeGreaterThan(0);
  expect(await nonce()).not.toBe(copied);
  await expect(page.getByTestId("offline-banner")).toHaveCount(0);

  // Signed out, the slow page is the server's answer (sign-in), never the previous user's copy.
  await signOut(page);
  await page.goto("/account");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await page.content()).not.toContain(email);
});
