// Own answers: a learner writes their own answer to a behavioural card from the study screen, studies
// it ticking their own points, finds it on My answers, downloads it, practises it in a mock interview
// against the two-minute clock and deletes it; an author marks a card "Answer in your own words".
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { violations } from "./axe";
import { newEmail, signUp } from "./fixtures";

const DECK = "/decks/behavioural-interview-questions";
const isoDate = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

test("a learner writes, studies, finds, downloads, practises and deletes their own answer", async ({ page }) => {
  test.setTimeout(150_000);
  // The new page states pass axe too, light and dark.
  const found: string[] = [];
  await signUp(page, newEmail("storyteller"));
  await page.goto(DECK);
  await page.getByRole("button", { name: "Start studying" }).click();
  await page.getByRole("link", { name: "Study now" }).click();

  // An own-words card without an answer asks first, with the deck's guidance; skipping leaves it for today.
  await expect(page.getByTestId("card-front")).toHaveText("Tell me about yourself.");
  await expect(page.getByTestId("write-first")).toContainText("Opens with your current role");
  await page.getByRole("button", { name: "Skip for now" }).click();
  await expect(page.getByTestId("card-front")).toHaveText("Tell me about a time you disagreed with a teammate.");

  // Written on the writing page, which starts from the STAR parts and comes back to the session.
  await page.getByRole("link", { name: "Write your answer" }).click();
  const points = page.getByLabel("Your key points");
  await expect(points).toHaveValue("Situation\nTask\nAction\nResult");
  found.push(...(await violations(page, "writing page")));
  await page.getByLabel("Your answer", { exact: true }).fill("At **Acme** our DBA and I disagreed about a risky migration.");
  await points.fill("Risky migration\nAsked for her reasons");
  await page.getByRole("button", { name: "Save answer" }).click();
  await expect(page.getByText("Write 3 to 5 key points, one per line (you have 2).")).toBeVisible();
  await points.fill("Risky migration\nAsked for her reasons\nDry run settled it");
  await page.getByRole("button", { name: "Save answer" }).click();

  // Studying it: my answer first, my points to tick, the deck's answer one click away.
  await expect(page.getByTestId("card-front")).toHaveText("Tell me about a time you disagreed with a teammate.");
  await page.getByRole("button", { name: /Show answer/ }).click();
  await expect(page.getByTestId("own-answer")).toContainText("our DBA and I disagreed");
  const checklist = page.getByRole("group", { name: /Key points: tick what you said/ });
  await expect(checklist.getByRole("checkbox")).toHaveCount(3);
  await checklist.getByText("Risky migration").click();
  await checklist.getByText("Dry run settled it").click();
  await expect(page.getByTestId("suggested-grade")).toContainText("Suggested: Good");
  await page.getByRole("button", { name: "Show the deck's answer" }).click();
  await expect(page.getByTestId("deck-answer")).toContainText("Names what the disagreement was about");
  found.push(...(await violations(page, "study, own answer revealed")));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("card-front")).not.toHaveText("Tell me about a time you disagreed with a teammate.");
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved");

  // My answers: found by a search, and downloaded as Markdown.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My answers" }).click();
  await page.getByLabel("Search your answers").fill("dba");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("own-answers").getByRole("listitem")).toHaveCount(1);
  await expect(page.getByTestId("own-answers")).toContainText("disagreed with a teammate");
  found.push(...(await violations(page, "my answers")));
  await page.getByLabel("Search your answers").fill("kubernetes");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No answer matches “kubernetes”.")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as Markdown" }).click();
  const file = readFileSync(await (await download).path(), "utf8");
  expect(file).toContain("## Tell me about a time you disagreed with a teammate.\nslug: disagreed-with-a-teammate");
  expect(file).toContain("- Dry run settled it");

  // A mock interview with own-answer cards: my answered card first, on the two-minute clock, my points.
  await page.goto("/interviews");
  await page.getByLabel("Interview", { exact: true }).fill("Acme, team lead");
  await page.getByLabel("Behavioural interview questions").check();
  await page.getByLabel("Date").fill(isoDate(14));
  await page.getByRole("button", { name: "Add interview" }).click();
  await page.getByRole("link", { name: "Mock interview" }).click();
  await page.getByLabel("Questions").fill("1");
  await page.getByLabel("Include own-answer cards").check();
  await page.getByRole("button", { name: "Start the mock interview" }).click();
  await expect(page.getByTestId("countdown")).toHaveText(/^(2:00|1:5\d)$/);
  await expect(page.getByTestId("card-front")).toHaveText("Tell me about a time you disagreed with a teammate.");
  await page.keyboard.press("Space");
  await expect(page.getByTestId("own-answer")).toContainText("our DBA and I disagreed");
  await expect(page.getByRole("group", { name: /Key points: tick what you said/ })).toContainText("Asked for her reasons");
  await page.getByRole("button", { name: /^Good \d/ }).click();
  await expect(page.getByTestId("mock-summary")).toContainText("Done: 1 of 1 answered");

  // On the card's page; deleted after a confirmation, the card offers to write one again.
  await page.goto(`${DECK}/cards/disagreed-with-a-teammate`);
  await expect(page.getByTestId("own-answer")).toContainText("Dry run settled it");
  await page.getByRole("link", { name: "Edit your answer" }).click();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete answer" }).click();
  await expect(page.getByRole("link", { name: "Write your own answer" })).toBeVisible();
  await page.goto("/answers");
  await expect(page.getByText("You haven't written an answer yet.")).toBeVisible();
  expect(found, found.join("\n")).toEqual([]);
});

test("an author marks a card 'Answer in your own words'", async ({ page }) => {
  await signUp(page, newEmail("author"));
  await page.goto("/decks/new");
  await page.getByLabel("Title").fill("My stories");
  await page.getByRole("button", { name: "Create deck" }).click();
  await page.getByRole("link", { name: "Add a card" }).click();
  await page.getByLabel("Question", { exact: true }).fill("Tell me about a tough deadline.");
  await page.getByLabel(/^Answer \(Markdown/).fill("Listen for how they cut scope.");
  await page.getByLabel("Answer in your own words").check();
  await page.getByRole("button", { name: "Add card" }).click();
  await expect(page.getByRole("heading", { name: "Edit deck" })).toBeVisible();
  await page.getByRole("link", { name: "Tell me about a tough deadline." }).click();
  await expect(page.getByLabel("Answer in your own words")).toBeChecked();
});
