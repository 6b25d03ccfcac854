import { expect, test } from "@playwright/test";

test("a visitor browses the Python deck, searches, filters by tag, and opens a card with highlighted code", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /Python Interview Questions/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Python Interview Questions" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "60 cards" })).toBeVisible();

  // Search matches answers too, and says where.
  await page.getByRole("searchbox", { name: "Search questions and answers" }).fill("global interpreter lock");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: /of 60 cards match/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Multithreading vs multiprocessing in Python/ })).toBeVisible();

  await page.getByRole("searchbox", { name: "Search questions and answers" }).fill("no card talks about this zebra");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText(/No cards match/)).toBeVisible();
  await page.getByRole("link", { name: "Clear the search" }).click();

  // Tag filter: every listed card carries the tag.
  await page.getByRole("navigation", { name: "Filter by tag" }).getByRole("link", { name: /^concurrency/ }).click();
  await expect(page).toHaveURL(/tag=concurrency/);
  const items = page.getByRole("list").last().getByRole("listitem");
  const count = await items.count();
  expect(count).toBeGreaterThan(1);
  expect(count).toBeLessThan(60);
  for (let i = 0; i < count; i++) await expect(items.nth(i)).toContainText("concurrency");

  await page.getByRole("link", { name: /Multithreading vs multiprocessing in Python/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Multithreading vs multiprocessing/ })).toBeVisible();
  const code = page.getByRole("region", { name: "Answer" }).locator("pre.shiki").first();
  await expect(code).toBeVisible();
  await expect(code.locator("span[style*='--shiki-light']").first()).toBeVisible();
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "What is python used for?" })).toBeVisible();
});
