// A learner's interviews: adding, editing, cancelling and marking them done, sharing them with a
// mentor, and the plan's own daily limits. Every read and write is scoped to the learner's own rows
// (userId in the where clause): another user's interview answers exactly like one that doesn't exist.
import "server-only";
import { liveCard, studiedDecks, type Viewer } from "../decks/access";
import { isKey } from "../query-params";
import { zonedInstant } from "../scheduling/study-day";
import { db } from "../server/db";
import { AppError, notFound } from "../server/errors";
import type { InterviewFormInput, InterviewStatus } from "./schema";

export interface Interview {
  id: string;
  label: string;
  at: Date;
  timeZone: string;
  target: number;
  tags: string[];
  decks: { id: string; slug: string | null; title: string }[];
  newPerDay: number | null;
  reviewsPerDay: number | null;
  sharedWithMentor: boolean;
  status: InterviewStatus;
  readinessOnDay: number | null;
}

export const interviewSelect = {
  id: true,
  label: true,
  at: true,
  timeZone: true,
  target: true,
  tags: true,
  newPerDay: true,
  reviewsPerDay: true,
  sharedWithMentor: true,
  status: true,
  readinessOnDay: true,
  decks: { select: { deck: { select: { id: true, slug: true, title: true } } }, orderBy: { deckId: "asc" } },
} as const;

type InterviewRow = {
  [K in Exclude<keyof typeof interviewSelect, "decks">]: K extends "tags" | "status" ? string : Interview[K];
} & { decks: { deck: Interview["decks"][number] }[] };

export function interviewOf(row: InterviewRow): Interview {
  const { decks, tags, status, ...rest } = row;
  return { ...rest, status: status as InterviewStatus, tags: tags ? tags.split("\n") : [], decks: decks.map((d) => d.deck) };
}

/** The learner's interviews: upcoming ones first (soonest first), then past, cancelled and done ones (latest first). */
export async function listInterviews(viewer: Viewer, now = new Date()): Promise<Interview[]> {
  const rows = await db.interview.findMany({ where: { userId: viewer.id }, orderBy: { at: "asc" }, select: interviewSelect });
  const all = rows.map(interviewOf);
  const upcoming = all.filter((i) => i.status === "open" && i.at > now);
  const past = all.filter((i) => !upcoming.includes(i)).reverse();
  return [...upcoming, ...past];
}

/** One of the viewer's interviews; null for anyone else's, and for an id that can't be one (from a URL). */
export async function getInterview(viewer: Viewer, id: string): Promise<Interview | null> {
  if (!isKey(id)) return null;
  const row = await db.interview.findFirst({ where: { id, userId: viewer.id }, select: interviewSelect });
  return row ? interviewOf(row) : null;
}

/**
 * The fields of an interview as stored, after checking what the schema can't: the moment is in the
 * future, every deck is one the learner studies, every tag is on a card of those decks.
 */
async function checked(viewer: Viewer, input: InterviewFormInput, now: Date) {
  const at = zonedInstant(input.date, input.time, input.timeZone);
  const fieldErrors: Record<string, string[]> = {};
  if (at <= now) fieldErrors.date = ["That moment has passed: choose a date and time still ahead."];
  const deckIds = [...new Set(input.deckIds)];
  const decks = await db.deck.findMany({ where: { id: { in: deckIds }, ...studiedDecks(viewer) }, select: { id: true } });
  if (decks.length !== deckIds.length) fieldErrors.deckIds = ["Choose among the decks you study."];
  const tags = [...new Set(input.tags.filter(Boolean))];
  if (tags.length && decks.length) {
    const known = await db.cardTag.findMany({
      where: { tag: { in: tags }, card: { deckId: { in: decks.map((d) => d.id) }, ...liveCard } },
      distinct: ["tag"],
      select: { tag: true },
    });
    const unknown = tags.filter((t) => !known.some((k) => k.tag === t));
    if (unknown.length) fieldErrors.tags = [`No card of these decks has the tag ${unknown.map((t) => `“${t}”`).join(", ")}.`];
  }
  if (Object.keys(fieldErrors).length) throw new AppError("invalid", "Check the highlighted fields.", fieldErrors);
  return { label: input.label, at, timeZone: input.timeZone, target: input.targetPercent / 100, tags: tags.join("\n"), deckIds };
}

export async function createInterview(viewer: Viewer, input: InterviewFormInput, now = new Date()): Promise<{ id: string }> {
  const { deckIds, ...data } = await checked(viewer, input, now);
  return db.interview.create({
    data: { ...data, userId: viewer.id, decks: { create: deckIds.map((deckId) => ({ deckId })) } },
    select: { id: true },
  });
}

export async function updateInterview(viewer: Viewer, id: string, input: InterviewFormInput, now = new Date()): Promise<void> {
  if (!(await getInterview(viewer, id))) throw notFound("That interview");
  const { deckIds, ...data } = await checked(viewer, input, now);
  await db.$transaction(async (tx) => {
    // Conditional on the owner: nothing is written to an interview that isn't the viewer's.
    const { count } = await tx.interview.updateMany({
      where: { id, userId: viewer.id },
      data: { ...data, status: "open", readinessOnDay: null },
    });
    if (count === 0) throw notFound("That interview");
    await tx.interviewDeck.deleteMany({ where: { interviewId: id } });
    await tx.interviewDeck.createMany({ data: deckIds.map((deckId) => ({ interviewId: id, deckId })) });
  });
}

async function updateOwn(viewer: Viewer, id: string, data: Parameters<typeof db.interview.updateMany>[0]["data"]): Promise<void> {
  const { count } = await db.interview.updateMany({ where: { id, userId: viewer.id }, data });
  if (count === 0) throw notFound("That interview");
}

/** Cancel, mark done, or open again (after a cancel or a mistaken "done"). */
export async function setInterviewStatus(viewer: Viewer, id: string, status: InterviewStatus): Promise<void> {
  await updateOwn(viewer, id, { status });
}

export async function setInterviewSharing(viewer: Viewer, id: string, shared: boolean): Promise<void> {
  await updateOwn(viewer, id, { sharedWithMentor: shared });
}

export async function setInterviewLimits(
  viewer: Viewer,
  id: string,
  limits: { newPerDay?: number | undefined; reviewsPerDay?: number | undefined },
): Promise<void> {
  await updateOwn(viewer, id, { newPerDay: limits.newPerDay ?? null, reviewsPerDay: limits.reviewsPerDay ?? null });
}

export async function deleteInterview(viewer: Viewer, id: string): Promise<void> {
  const { count } = await db.interview.deleteMany({ where: { id, userId: viewer.id } });
  if (count === 0) throw notFound("That interview");
}

export interface ScopeChoice {
  id: string;
  title: string;
  tags: string[];
}

/** What an interview's scope can be made of: the decks the learner studies, with their cards' tags. */
export async function scopeChoices(viewer: Viewer): Promise<ScopeChoice[]> {
  const decks = await db.deck.findMany({ where: studiedDecks(viewer), orderBy: { title: "asc" }, select: { id: true, title: true } });
  const tags = await db.cardTag.findMany({
    where: { card: { deckId: { in: decks.map((d) => d.id) }, ...liveCard } },
    select: { tag: true, card: { select: { deckId: true } } },
  });
  const byDeck = new Map<string, Set<string>>();
  for (const { tag, card } of tags) byDeck.set(card.deckId, (byDeck.get(card.deckId) ?? new Set()).add(tag));
  return decks.map((d) => ({ ...d, tags: [...(byDeck.get(d.id) ?? [])].sort() }));
}
