// The learner's median answer time over recent ratings: "faster than usual" (the grade suggestion)
// and the minutes an interview plan estimates both use it. Read once per request.
import "server-only";
import { cache as perRequest } from "react";
import { db } from "../server/db";

/** How many recent ratings the median is taken over. */
const ANSWER_TIME_SAMPLE = 200;

export const medianAnswerMs = perRequest(async (userId: string): Promise<number | null> => {
  const rows = await db.reviewLog.findMany({
    where: { userId },
    orderBy: { reviewedAt: "desc" },
    take: ANSWER_TIME_SAMPLE,
    select: { durationMs: true },
  });
  if (rows.length === 0) return null;
  const sorted = rows.map((r) => r.durationMs).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
});
