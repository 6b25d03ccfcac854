// An interview and its plan as an iCalendar file: the interview itself, and one all-day event per
// study day saying what the plan asks of it. Written by the `ics` library; UIDs are stable, so
// importing the file again updates the events instead of adding copies.
import "server-only";
import { createEvents, type EventAttributes } from "ics";
import type { PlanDay } from "../scheduling/interview-plan";
import type { Interview } from "./interviews";

const pct = (x: number) => `${Math.round(100 * x)}%`;

function dateParts(date: string): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return [y, m, d];
}

export function interviewCalendar(interview: Interview, days: PlanDay[], origin: string, path: string): string {
  const url = `${origin}${path}`;
  const events: EventAttributes[] = [
    {
      uid: `${interview.id}@drill`,
      title: `Interview: ${interview.label}`,
      start: interview.at.getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      duration: { hours: 1 },
      description: `Aim: recall ${pct(interview.target)} of your cards. Readiness and plan: ${url}`,
      url,
    },
    ...days
      .filter((d) => d.newCards + d.reviews > 0)
      .map((d): EventAttributes => {
        const [y, m, day] = dateParts(d.date);
        const next = new Date(Date.UTC(y, m - 1, day + 1));
        return {
          uid: `${interview.id}-${d.date}@drill`,
          title: `Drill for ${interview.label}: ${d.newCards} new, ${d.reviews} reviews (about ${Math.max(1, d.minutes)} min)`,
          start: [y, m, day],
          end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()],
          description: `Following the plan, you'd recall about ${pct(d.readiness)} by the end of this day. ${url}`,
          url,
        };
      }),
  ];
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error("The calendar could not be written.");
  return value;
}
