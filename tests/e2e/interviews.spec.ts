// The interview plan from the learner's side: adding an interview (and the messages for bad input),
// readiness and the plan's charts, the plan's cards first on the study page, raised limits, the .ics,
// a mock interview against the clock, and marking it done, opening it again, cancelling, deleting.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { newEmail, signUp } from "./fixtures";

async function studyPythonDeck(page: Page) {
  await page.goto("/decks/python-interview-questions");
  await page.getByRole("button", { name: "Start studying" }).click();
  await expect(page.getByRole("link", { name: "Study now" })).toBeVisible();
}

const isoDate = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

test("a learner plans an interview two weeks out, studies the plan, takes a mock interview and downloads the .ics", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page, newEmail("candidate"));
  await studyPythonDeck(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Interviews" }).click();
  await expect(page.getByRole("heading", { name: "Interviews", exact: true })).toBeVisible();

  // Bad input gets a message beside its field, and nothing is added.
  await page.getByLabel("Interview", { exact: true }).fill("Initech, Python developer");
  await page.getByLabel("Python Interview Questions").uncheck();
  await page.getByLabel("Date").fill(isoDate(-2));
  await page.getByLabel(/^Target/).fill("120");
  await page.getByRole("button", { name: "Add interview" }).click();
  await expect(page.getByText("Choose at least one deck to be ready on.")).toBeVisible();
  await expect(page.getByText("Aim for at most 99%: nobody recalls everything.")).toBeVisible();
  await page.getByLabel("Python Interview Questions").check();
  await page.getByLabel(/^Target/).fill("90");
  await page.getByRole("button", { name: "Add interview" }).click();
  await expect(page.getByText("That moment has passed: choose a date and time still ahead.")).toBeVisible();

  await page.getByLabel("Date").fill(isoDate(14));
  await page.getByLabel("concurrency").check();
  await page.getByLabel("concurrency").uncheck();
  await page.getByRole("button", { name: "Add interview" }).click();
  await expect(page.getByRole("heading", { name: "Initech, Python developer" })).toBeVisible();
  const detail = page.url();

  const readiness = page.getByTestId("readiness");
  await expect(readiness).toContainText("Ready now");
  await expect(readiness.getByText("0%", { exact: true })).toBeVisible();
  await expect(readiness).toContainText("The plan gets you there.");
  // One bar per study day up to the interview's: 15, or 16 when today's study day began yesterday (before 04:00).
  expect([15, 16]).toContain(await page.getByTestId("readiness-chart").getByRole("listitem").count());
  await expect(page.getByTestId("workload-chart")).toContainText(/new card/);
  await expect(page.getByTestId("weakest-cards").getByText("not seen").first()).toBeVisible();

  // The plan's daily limits: a bad value is refused beside the field, a good one saved.
  await page.getByLabel("New cards a day for this interview").fill("-1");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.getByText("Use 0 or more.")).toBeVisible();
  await page.getByLabel("New cards a day for this interview").fill("12");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.getByText("Saved: the plan uses these limits.")).toBeVisible();

  // The calendar file: the interview and one event per study day of the plan.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Add to calendar" }).click();
  const ics = readFileSync(await (await download).path(), "utf8");
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain("SUMMARY:Interview: Initech\\, Python developer");
  expect(ics.match(/BEGIN:VEVENT/g)!.length).toBeGreaterThan(5);

  // The study page says where the learner stands and serves the plan's cards first.
  await page.getByRole("link", { name: "Study today's plan" }).click();
  await expect(page.getByTestId("interview-line")).toContainText("0% ready now");
  await expect(page.getByTestId("interview-line")).toContainText(/Today's plan comes first: [4-6] new cards/);
  await expect(page.getByLabel("Cards left")).toContainText("10 new");

  // A mock interview: two questions, the countdown running, each answer a real rating.
  await page.goto(detail);
  await page.getByRole("link", { name: "Mock interview" }).click();
  await page.getByLabel("Questions").fill("2");
  await page.getByLabel("Seconds per question").fill("60");
  await page.getByRole("button", { name: "Start the mock interview" }).click();
  const timer = page.getByTestId("countdown");
  await expect(timer).toHaveText(/^(1:00|0:5\d)$/);
  await expect(timer).not.toHaveText("1:00");
  await page.keyboard.press("Space");
  // The study screen's card: key points to tick, the grades with their intervals.
  await expect(page.getByRole("group", { name: /Key points: tick what you said/ })).toBeVisible();
  await page.getByRole("button", { name: /^Again \d/ }).click();
  await page.getByRole("button", { name: /Show answer/ }).click();
  await page.keyboard.press("3");
  const summary = page.getByTestId("mock-summary");
  await expect(summary).toContainText("Done: 1 of 2 answered");
  await expect(summary).toContainText("Missed, by tag");
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved");
  await page.goto("/history");
  await expect(page.getByTestId("history-rows").locator("tr")).toHaveCount(2);

  // Done, open again, cancelled, deleted.
  await page.goto(detail);
  await page.getByRole("button", { name: "Mark done" }).click();
  await expect(page.getByText("Ready on the day")).toBeVisible();
  await page.getByRole("button", { name: "Open again" }).click();
  await expect(page.getByTestId("readiness")).toBeVisible();
  await page.getByRole("button", { name: "Cancel interview" }).click();
  await expect(page.getByRole("button", { name: "Open again" })).toBeVisible();
  await page.goto("/interviews");
  await expect(page.getByTestId("past-interviews")).toContainText("Cancelled");
  await page.goto(detail);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/interviews$/);
  await expect(page.getByText("No interview planned.")).toBeVisible();
});

test("an interview that can't be reached says so, with what is reachable, and editing it keeps the plan honest", async ({ page }) => {
  await signUp(page, newEmail("cramming"));
  await studyPythonDeck(page);
  await page.goto("/interviews");
  await page.getByLabel("Interview", { exact: true }).fill("Hooli, tomorrow");
  await page.getByLabel("Date").fill(isoDate(1));
  await page.getByRole("button", { name: "Add interview" }).click();
  const message = page.getByTestId("unreachable");
  await expect(message).toContainText("90% isn't reachable by then at 10 new cards a day: following the plan gets you to about");
  await expect(message).toContainText(/new cards a day would reach it/);

  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("basics").check();
  await page.getByLabel(/^Target/).fill("60");
  await page.getByRole("button", { name: "Save interview" }).click();
  await expect(page.getByText(/tags: basics/)).toBeVisible();
  await expect(page.getByTestId("readiness")).toContainText("60%");

  // Another learner can't open it.
  const id = new URL(page.url()).pathname.split("/").at(-1)!;
  const other = await page.context().browser()!.newContext();
  const stranger = await other.newPage();
  await signUp(stranger, newEmail("stranger"));
  for (const path of [`/interviews/${id}`, `/interviews/${id}/edit`, `/interviews/${id}/mock`])
    expect((await stranger.goto(path))!.status(), path).toBe(404);
  expect((await stranger.request.get(`/interviews/${id}/calendar`)).status()).toBe(404);
});

// A zone where it is mid-morning now, so "later today" always has hours left whatever the hour in
// UTC; the browser runs in it too, so the learner's day and the interview's day are the same day.
function zoneInTheMorning(now: Date): { zone: string; today: string } {
  const shift = ((((9 - now.getUTCHours()) % 24) + 24 + 12) % 24) - 12; // -12 .. +11 hours from UTC
  const zone = shift === 0 ? "UTC" : `Etc/GMT${shift > 0 ? "-" : "+"}${Math.abs(shift)}`; // Etc/ signs are inverted
  return { zone, today: new Date(now.getTime() + shift * 3_600_000).toISOString().slice(0, 10) };
}

test.describe("an interview later today", () => {
  const morning = zoneInTheMorning(new Date());
  test.use({ timezoneId: morning.zone });

  test("the page says plainly that the whole plan falls on the interview's day", async ({ page }) => {
    await signUp(page, newEmail("crammed"));
    await studyPythonDeck(page);
    await page.goto("/interviews");
    await page.getByLabel("Interview", { exact: true }).fill("Same-day screen");
    await page.getByLabel("Date").fill(morning.today);
    await page.getByLabel("Time", { exact: true }).fill("23:59");
    await page.getByLabel("Time zone").fill(morning.zone);
    await page.getByRole("button", { name: "Add interview" }).click();
    await expect(page.getByRole("heading", { name: "Same-day screen" })).toBeVisible();
    await expect(page.getByTestId("crammed")).toContainText("Most of this plan (100% of its answers) falls on the interview's own day");
  });
});
