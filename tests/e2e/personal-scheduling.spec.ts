// Personal scheduling from the settings page: a learner with a week of history fits FSRS to it (on
// the job engine), cancels a fit, sees the fitted parameters checked against the defaults, is told
// what a reschedule does to today, applies them with a reschedule, goes back to the defaults with a
// reschedule too, and restores the set; one status line says what the last choice did.
import { expect, test, type Page } from "@playwright/test";
import { newEmail, signUp } from "./fixtures";

const DAY = 86_400_000;

/** A week of history on all 60 Python cards: first seen six days ago, then reviewed on later days. */
async function weekOfHistory(page: Page) {
  await page.goto("/settings");
  await page.getByLabel("New cards per day").fill("60");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/^Saved\./)).toBeVisible();
  await page.goto("/decks/python-interview-questions");
  await page.getByRole("button", { name: "Start studying" }).click();

  // The first sight of each card, six days ago by the browser's clock (the outbox sends that time).
  const start = Date.now() - 6 * DAY;
  await page.clock.install({ time: new Date(start) });
  await page.goto("/study");
  const ids: string[] = [];
  for (let i = 0; i < 60; i++) {
    const card = page.getByTestId("card");
    const id = (await card.getAttribute("data-card-id"))!;
    ids.push(id);
    await page.keyboard.press("Space");
    await page.keyboard.press("3");
    if (i < 59) await expect(card).not.toHaveAttribute("data-card-id", id);
  }
  await expect(page.getByTestId("save-status")).toHaveText("All ratings saved", { timeout: 20_000 });

  // Then, through the same endpoint the outbox uses: the learning step that day, and reviews on
  // three later days (a few forgotten), each naming the version it was made against.
  const ratings = ids.flatMap((cardId, c) =>
    [10 * 60_000, 2 * DAY, 4 * DAY, 5 * DAY].map((offset, k) => ({
      clientId: `hist-${c}-${k}-${cardId.slice(-6)}`,
      cardId,
      rating: k > 0 && (c + k) % 7 === 0 ? 1 : 3,
      expectedVersion: k + 1,
      durationMs: 5000,
      reviewedAt: new Date(start + offset + c * 1000).toISOString(),
    })),
  );
  const statuses = await page.evaluate(async (all) => {
    const results: string[] = [];
    for (let i = 0; i < all.length; i += 80) {
      const res = await fetch("/api/reviews", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ratings: all.slice(i, i + 80) }),
      });
      const body = (await res.json()) as { results: { status: string }[] };
      results.push(...body.results.map((r) => r.status));
    }
    return results;
  }, ratings);
  expect(statuses.filter((s) => s === "saved")).toHaveLength(240);
}

test("a learner fits FSRS to their own history, checks it, applies it with a reschedule, and goes back and forth", async ({ page }) => {
  test.setTimeout(150_000);
  await signUp(page, newEmail("fitter"));
  await weekOfHistory(page);
  await page.clock.install({ time: new Date() });

  await page.goto("/settings");
  await expect(page.getByTestId("fit-history")).toContainText("You have 300 ratings");
  await expect(page.getByTestId("fit-history")).toContainText("That is enough to fit.");
  await expect(page.getByTestId("fit-history")).toContainText("Now scheduling with: FSRS's defaults");

  // A fit cancelled at once (queued, or just started) stops, and stores nothing.
  await page.getByRole("button", { name: "Fit my parameters" }).click();
  await expect(page.getByTestId("fit-queued").or(page.getByTestId("fit-progress"))).toBeVisible();
  await page.getByRole("button", { name: "Cancel the fit" }).click();
  await expect(page.getByText("Last fit: Cancelled.")).toBeVisible({ timeout: 20_000 });

  // A fit that runs: progress, then the result, checked against the defaults, in plain words.
  await page.getByRole("button", { name: "Fit my parameters" }).click();
  const result = page.getByTestId("fit-result");
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result).toContainText("Log loss");
  await expect(result).toContainText("RMSE (bins)");
  await expect(result).toContainText(/In plain words: about (\d+% (fewer|more)|the same number of) reviews a day at 90% retention/);
  await expect(page.getByTestId("reschedule-preview")).toContainText("Next 30 days:");
  await expect(page.getByTestId("retention-advice")).toContainText("cheapest per card remembered");
  // The retention field says what a change costs, from the learner's own cards, as they type.
  await expect(page.getByTestId("workload")).toContainText(/^At 90% you'll see about \d+ reviews? a day/);
  await page.getByLabel("Remember (%)").fill("80");
  await expect(page.getByTestId("workload")).toContainText(/^At 80% you'll see about \d+ reviews? a day/);
  await page.getByLabel("Remember (%)").fill("90");

  // "Keep the defaults" leaves scheduling as it was.
  const notice = page.getByTestId("scheduling-notice");
  await page.getByRole("button", { name: "Keep the defaults" }).click();
  await expect(notice).toHaveText("Kept FSRS's defaults.");

  // Before applying, the page says what a reschedule does to today; after, one status line.
  await expect(page.getByTestId("due-today-note")).toContainText(/^Rescheduling makes \d+ cards? due today \(\d+ as your cards stand\)\.$/);
  await page.getByLabel("Also reschedule my cards now").check();
  await page.getByRole("button", { name: "Apply my parameters" }).click();
  await expect(notice).toHaveText("Applied; 60 cards rescheduled.");
  await expect(page.getByText("Kept FSRS's defaults.")).toHaveCount(0);
  // Applied: no second way back on the result, and no button to apply what is already in use.
  await expect(page.getByRole("button", { name: "Keep the defaults" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Apply my parameters" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("fit-history")).toContainText("Now scheduling with: your parameters from");
  await expect(page.getByTestId("parameter-sets")).toContainText("In use");

  // Back to the defaults, rescheduling under them too (a reschedule can be taken back), then the set
  // restored from the list.
  await expect(page.getByTestId("due-today-note")).toContainText("Rescheduling makes");
  await page.getByLabel("Also reschedule my cards under the defaults").check();
  await page.getByRole("button", { name: "Use FSRS's defaults" }).click();
  await expect(notice).toHaveText("Back to FSRS's defaults; 60 cards rescheduled.");
  await expect(page.getByTestId("fit-history")).toContainText("Now scheduling with: FSRS's defaults");
  await page.reload();
  await expect(page.getByTestId("fit-history")).toContainText("Now scheduling with: FSRS's defaults");
  await page.getByTestId("parameter-sets").getByRole("button", { name: "Restore" }).click();
  await expect(page.getByTestId("parameter-sets")).toContainText("In use");
  await expect(notice).toContainText("Restored your parameters from");

  // The grade buttons' intervals come from the same parameters the server schedules with.
  await page.goto("/study");
  await expect(page.getByTestId("card")).toBeVisible();
});
