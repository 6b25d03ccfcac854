// The mentors' weekly digest tick, run every few minutes by the job engine: each mentor whose digest
// hour has come this week gets one mail per deck, made from the deck's mentor dashboard (the same
// read model, so nothing the mentor can't already see). Exactly once as for daily reminders: a
// delivery row keyed (mentor, deck, ISO week) is inserted before sending, so of two instances
// ticking at once one claims and sends, and a tick after a restart finds the week's row.
import "server-only";
import { sendMail } from "../accounts/mail";
import { DEFAULT_STUDY_SETTINGS } from "../review/settings";
import { paths, type DeckRef } from "../routes";
import { db } from "../server/db";
import { siteOriginOf } from "../server/env";
import { notFound } from "../server/errors";
import { getMentorDashboard } from "../views/mentor-dashboard";
import { digestMessage, digestTiming, type DigestMessage } from "./digest-plan";
import { claimDelivery, isStaleClaim, staleBefore } from "./claim";
import { deliverSoon } from "./deliver";
import { DEFAULT_RETRY, withRetries, type RetryPolicy } from "./retry";
import { digestOneClickPath, digestUnsubscribePath, digestUnsubscribeToken } from "./unsubscribe";

export interface DigestTickReport {
  sent: number;
  /** Claimed weeks with nothing to send: no mentees, or the deck is no longer the mentor's. */
  nothingToSend: number;
  failed: number;
}

/** The digest as a mail: the week's lines, the dashboard's link, and how to stop this deck's digest. */
export function digestMail(mentor: { userId: string; email: string }, deck: DeckRef, message: DigestMessage, origin = siteOriginOf()) {
  const token = digestUnsubscribeToken(mentor.userId, deck.id);
  return {
    to: mentor.email,
    subject: message.subject,
    text: [
      ...message.lines,
      "",
      `Open the dashboard: ${origin}${paths.deckDashboard(deck)}`,
      "",
      "You get this mail because you turned on the weekly digest on this deck's dashboard, which changes its day and hour.",
      `Stop this deck's weekly digest: ${origin}${digestUnsubscribePath(token)}`,
    ].join("\n"),
    headers: {
      "List-Unsubscribe": `<${origin}${digestOneClickPath(token)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

type Week = { userId: string; deckId: string; week: string };

/** Claims the mentor's week for one deck (lib/reminders/claim.ts); false when another tick has it. */
const claim = (week: Week, now: Date) =>
  claimDelivery(
    () => db.mentorDigestDelivery.create({ data: { ...week, createdAt: now } }),
    () =>
      db.mentorDigestDelivery.updateMany({
        where: { ...week, outcome: "claimed", createdAt: { lt: staleBefore(now) } },
        data: { createdAt: now },
      }),
  );

/** The week's digest of one deck, once claimed: "sent", "nothing" (no mentees, not their deck) or "failed". */
async function sendDigest(mentor: { userId: string; email: string }, deckId: string, now: Date, retry: RetryPolicy) {
  const dashboard = await getMentorDashboard({ id: mentor.userId }, deckId, now);
  const message = dashboard && digestMessage(dashboard, now);
  if (!dashboard || !message) return "nothing";
  return (await withRetries("digest mail", () => sendMail(digestMail(mentor, dashboard.deck, message)), retry)) ? "sent" : "failed";
}

export async function runDigestTick(now = new Date(), options: { retry?: RetryPolicy } = {}): Promise<DigestTickReport> {
  const report: DigestTickReport = { sent: 0, nothingToSend: 0, failed: 0 };
  const digests = await db.mentorDigest.findMany({
    where: { enabled: true },
    select: {
      userId: true,
      deckId: true,
      weekday: true,
      hour: true,
      user: { select: { email: true, studySettings: { select: { timeZone: true } } } },
    },
  });
  for (const digest of digests) {
    const { timeZone } = digest.user.studySettings ?? DEFAULT_STUDY_SETTINGS;
    const timing = digestTiming({ enabled: true, weekday: digest.weekday, hour: digest.hour, timeZone }, now);
    if (!timing.due) continue;
    const week = { userId: digest.userId, deckId: digest.deckId, week: timing.week };
    const delivery = await db.mentorDigestDelivery.findUnique({
      where: { userId_deckId_week: week },
      select: { outcome: true, createdAt: true },
    });
    if (delivery && !isStaleClaim(delivery, now)) continue;
    if (!(await claim(week, now))) continue;
    // One mentor's failure (a dashboard that can't be read) doesn't stop the others' digests.
    const outcome = await sendDigest(
      { userId: digest.userId, email: digest.user.email },
      digest.deckId,
      now,
      options.retry ?? DEFAULT_RETRY,
    ).catch((error: unknown) => {
      console.error(`[reminders] digest: ${error instanceof Error ? error.message.slice(0, 200) : "unknown error"}`);
      return "failed" as const;
    });
    report[outcome === "sent" ? "sent" : outcome === "nothing" ? "nothingToSend" : "failed"]++;
    await db.mentorDigestDelivery.update({ where: { userId_deckId_week: week }, data: { outcome } });
  }
  return report;
}

/**
 * The dashboard's "Send a test digest": this week's digest of one of the viewer's decks now (or a
 * sample when it has no mentees), by mail, off the request path; not counted as the week's one.
 */
export async function sendTestDigest(viewer: { id: string }, deckId: string, now = new Date()): Promise<void> {
  const [dashboard, mentor] = await Promise.all([
    getMentorDashboard(viewer, deckId, now),
    db.user.findUnique({ where: { id: viewer.id }, select: { email: true } }),
  ]);
  if (!dashboard || !mentor) throw notFound("That deck");
  const message = digestMessage(dashboard, now) ?? {
    subject: `Drill: a test digest of ${dashboard.deck.title}`,
    lines: [`This is a test digest. ${dashboard.deck.title} has no mentees yet: a week like this sends no digest.`],
  };
  const mail = digestMail({ userId: viewer.id, email: mentor.email }, dashboard.deck, message);
  deliverSoon(() => withRetries("digest mail", () => sendMail(mail)));
}
