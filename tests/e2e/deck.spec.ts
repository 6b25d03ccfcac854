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
  // Until the cleared page is in, the tag links still carry the old search.
  await expect(page).toHaveURL(/\/decks\/python-interview-questions$/);
  await expect(page.getByRole("heading", { name: "60 cards" })).toBeVisible();

  // Tag filter: as many cards as the tag's chip says, and every one carries the tag.
  const chip = page.getByRole("navigation", { name: "Filter by tag" }).getByRole("link", { name: /^concurrency/ });
  const tagged = Number((await chip.innerText()).replace(/\D+/g, ""));
  expect(tagged).toBeGreaterThan(1);
  expect(tagged).toBeLessThan(60);
  await chip.click();
  await expect(page).toHaveURL(/tag=concurrency/);
  // Wait for the filtered list itself: the URL changes before the new list renders.
  await expect(page.getByRole("heading", { name: `${tagged} of 60 cards match` })).toBeVisible();
  const items = page.getByRole("list").last().getByRole("listitem");
  await expect(items).toHaveCount(tagged);
  for (let i = 0; i < tagged; i++) await expect(items.nth(i)).toContainText("concurrency");

  await page.getByRole("link", { name: /Multithreading vs multiprocessing in Python/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Multithreading vs multiprocessing/ })).toBeVisible();
  const code = page.getByRole("region", { name: "Answer" }).locator("pre.shiki").first();
  await expect(code).toBeVisible();
  // Keywords (`import`, `def`) carry the light theme's keyword colour as a class (app/code-colors.css).
  const keyword = code.locator("span.sl-a0111f").first();
  await expect(keyword).toBeVisible();
  await expect(keyword).toHaveCSS("color", "rgb(160, 17, 31)");
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "What is python used for?" })).toBeVisible();
});

test("the library shows the behavioural deck beside the Python deck, its prompts to answer in your own words", async ({ page }) => {
  await page.goto("/decks");
  const library = page.getByRole("region", { name: "Deck library" });
  await expect(library.getByRole("link", { name: /Python Interview Questions/ })).toBeVisible();
  await library.getByRole("link", { name: /Behavioural interview questions/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Behavioural interview questions" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "31 cards" })).toBeVisible();

  await page.getByRole("link", { name: "Tell me about a time you disagreed with a teammate." }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tell me about a time you disagreed with a teammate." })).toBeVisible();
  const answer = page.getByRole("region", { name: "Answer" });
  await expect(answer).toContainText("STAR");
  await expect(answer).toContainText("Pitfall:");
});
