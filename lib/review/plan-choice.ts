// The learner's answer for a study day when their interview plan wanted more new cards than their
// daily limit: kept per learner and per study day, so the question comes once a day and tomorrow
// starts from the limit again.
import "server-only";
import type { PlanChoice } from "../scheduling/day-queue";
import type { StudyDay } from "../scheduling/study-day";
import { db } from "../server/db";

export async function planChoiceFor(userId: string, day: Pick<StudyDay, "date">): Promise<PlanChoice | null> {
  return db.planDayChoice.findUnique({ where: { userId_day: { userId, day: day.date } }, select: { takePlan: true, newCards: true } });
}

/** Records the day's answer (a second answer the same day replaces the first). */
export async function savePlanChoice(userId: string, day: Pick<StudyDay, "date">, choice: PlanChoice): Promise<void> {
  await db.planDayChoice.upsert({
    where: { userId_day: { userId, day: day.date } },
    create: { userId, day: day.date, ...choice },
    update: choice,
  });
}
