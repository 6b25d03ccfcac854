// A learner's own answers: reading, writing (every earlier wording kept as a revision), deleting,
// listing and searching them. Only ever the viewer's own rows (`userId: viewer.id` in every where),
// and writing only on a card of a deck they may study: anyone else's answer looks like none at all.
import "server-only";
import { decksWhere, liveCard, type Viewer } from "../decks/access";
import { byDeckKey } from "../decks/browse";
import { splitKeyPoints } from "../decks/schema";
import { isKey } from "../query-params";
import { db } from "../server/db";
import { AppError, isUniqueViolation, notFound } from "../server/errors";
import { answerChanged, answerMatches, answerPreview, answersToMarkdown, defaultOwnPoints, splitOwnPoints } from "./core";
import type { OwnAnswerInput } from "./schema";

const answerSelect = { id: true, body: true, keyPoints: true, revisedAt: true, createdAt: true, sharedAt: true } as const;

export interface OwnAnswer {
  id: string;
  body: string;
  /** One per line, as typed. */
  keyPoints: string;
  revisedAt: Date;
  createdAt: Date;
  sharedAt: Date | null;
}

/** A card the viewer may study, as the writing page shows it. */
export interface AnswerableCard {
  id: string;
  slug: string;
  front: string;
  lead: string;
  keyPoints: string[];
  back: string;
  ownAnswer: boolean;
  deck: { id: string; slug: string | null; title: string };
}

const cardSelect = {
  id: true,
  slug: true,
  front: true,
  lead: true,
  keyPoints: true,
  back: true,
  ownAnswer: true,
  deck: { select: { id: true, slug: true, title: true } },
} as const;

/** The live cards on which the viewer may write an answer: those of the decks they may study. */
function answerableCards(viewer: Viewer) {
  return { ...liveCard, deck: decksWhere(viewer, "study") };
}

/** A card by its deck key and slug, with the viewer's answer to it, if they may study the deck. */
export async function getAnswerPage(
  deckKey: string,
  cardSlug: string,
  viewer: Viewer,
): Promise<{ card: AnswerableCard; answer: OwnAnswer | null; defaultPoints: string[] } | null> {
  const found = await db.card.findFirst({
    where: {
      ...liveCard,
      slug: isKey(cardSlug) ? cardSlug : { in: [] },
      deck: { AND: [byDeckKey(deckKey), decksWhere(viewer, "study")] },
    },
    select: { ...cardSelect, ownAnswers: { where: { userId: viewer.id }, select: answerSelect } },
  });
  if (!found) return null;
  const { ownAnswers, keyPoints, ...card } = found;
  const answerable = { ...card, keyPoints: splitKeyPoints(keyPoints) };
  return { card: answerable, answer: ownAnswers[0] ?? null, defaultPoints: defaultOwnPoints(answerable) };
}

/** The viewer's answer to one card (null: none written, or not a card they may study). */
export async function getOwnAnswer(viewer: Viewer, cardId: string): Promise<OwnAnswer | null> {
  return db.ownAnswer.findFirst({
    where: { userId: viewer.id, cardId, card: answerableCards(viewer) },
    select: answerSelect,
  });
}

/** The cards of a deck the viewer wrote an answer to (the deck page marks them). */
export async function answeredCardIds(viewer: Viewer, deckId: string): Promise<Set<string>> {
  const rows = await db.ownAnswer.findMany({ where: { userId: viewer.id, deckId }, select: { cardId: true } });
  return new Set(rows.map((r) => r.cardId));
}

/** The viewer's answers to some cards (a study session's), by card id. */
export async function ownAnswersFor(viewer: Viewer, cardIds: string[]): Promise<Map<string, { body: string; keyPoints: string }>> {
  if (cardIds.length === 0) return new Map();
  const rows = await db.ownAnswer.findMany({
    where: { userId: viewer.id, cardId: { in: cardIds } },
    select: { cardId: true, body: true, keyPoints: true },
  });
  return new Map(rows.map(({ cardId, ...answer }) => [cardId, answer]));
}

/**
 * Writes the viewer's answer to a card they may study. A change of text or key points keeps the
 * wording it replaces as a revision and moves revisedAt; saving the same text again changes nothing.
 * The card's schedule (CardState) and history (ReviewLog) are never touched: it is the same question.
 */
export async function saveOwnAnswer(
  viewer: Viewer,
  cardId: string,
  input: OwnAnswerInput,
  now = new Date(),
): Promise<{ changed: boolean }> {
  const card = await db.card.findFirst({ where: { id: cardId, ...answerableCards(viewer) }, select: { id: true, deckId: true } });
  if (!card) throw notFound("That card");
  try {
    return await writeAnswer(viewer, card, input, now);
  } catch (error) {
    // The first save of the same answer from two tabs at once: one wins, the other is told, not a 500.
    if (isUniqueViolation(error))
      throw new AppError("conflict", "Your answer was just saved from somewhere else. Reload the page and try again.");
    throw error;
  }
}

/** The write itself, in one transaction: the answer as read is the one kept as a revision. */
async function writeAnswer(
  viewer: Viewer,
  card: { id: string; deckId: string },
  input: OwnAnswerInput,
  now: Date,
): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const before = await tx.ownAnswer.findUnique({
      where: { userId_cardId: { userId: viewer.id, cardId: card.id } },
      select: { id: true, body: true, keyPoints: true, revisedAt: true },
    });
    if (!before) {
      await tx.ownAnswer.create({
        data: {
          userId: viewer.id,
          cardId: card.id,
          deckId: card.deckId,
          body: input.body,
          keyPoints: input.keyPoints,
          revisedAt: now,
          createdAt: now,
        },
      });
      return { changed: true };
    }
    if (!answerChanged(before, input)) return { changed: false };
    await tx.ownAnswerRevision.create({
      data: { answerId: before.id, body: before.body, keyPoints: before.keyPoints, writtenAt: before.revisedAt },
    });
    await tx.ownAnswer.update({ where: { id: before.id }, data: { body: input.body, keyPoints: input.keyPoints, revisedAt: now } });
    return { changed: true };
  });
}

/** Deletes the viewer's answer to a card, with its revisions (the learner asked, and confirmed). */
export async function deleteOwnAnswer(viewer: Viewer, cardId: string): Promise<void> {
  const { count } = await db.ownAnswer.deleteMany({ where: { userId: viewer.id, cardId } });
  if (count === 0) throw notFound("That answer");
}

/** Earlier wordings of the viewer's answer to a card, newest first. */
export async function ownAnswerRevisions(viewer: Viewer, cardId: string) {
  return db.ownAnswerRevision.findMany({
    where: { answer: { userId: viewer.id, cardId } },
    orderBy: { writtenAt: "desc" },
    select: { body: true, keyPoints: true, writtenAt: true },
  });
}

export interface OwnAnswerListItem {
  deck: { id: string; slug: string | null; title: string };
  card: { slug: string; front: string };
  preview: string;
  revisedAt: Date;
}

/**
 * All the viewer's own answers, most recently revised first, optionally only those whose question
 * or text contains `q` (matched here, not in SQL, so it ignores case the same way on both engines).
 */
export async function listOwnAnswers(viewer: Viewer, q = ""): Promise<OwnAnswerListItem[]> {
  const rows = await db.ownAnswer.findMany({
    where: { userId: viewer.id },
    orderBy: [{ revisedAt: "desc" }, { id: "asc" }],
    select: {
      body: true,
      keyPoints: true,
      revisedAt: true,
      card: { select: { slug: true, front: true } },
      deck: { select: { id: true, slug: true, title: true } },
    },
  });
  return rows
    .filter((row) => answerMatches(q, { question: row.card.front, body: row.body, keyPoints: row.keyPoints }))
    .map((row) => ({ deck: row.deck, card: row.card, preview: answerPreview(row.body), revisedAt: row.revisedAt }));
}

export interface ExportedOwnAnswer {
  deck: string;
  deckSlug: string | null;
  cardSlug: string;
  question: string;
  answer: string;
  keyPoints: string[];
  revisedAt: string;
  createdAt: string;
  revisions: { answer: string; keyPoints: string[]; writtenAt: string }[];
  /** When the learner shared it with the deck's mentor (null: private). */
  sharedAt: string | null;
  /** What mentors said about it (their comment, suggested points and verdict), as the learner sees it. */
  feedback: { mentor: string | null; comment: string; suggestedPoints: string[]; verdict: string | null; givenAt: string }[];
}

/** Everything the viewer wrote, earlier wordings included, for their full export. */
export async function exportOwnAnswers(viewer: Viewer): Promise<ExportedOwnAnswer[]> {
  const rows = await db.ownAnswer.findMany({
    where: { userId: viewer.id },
    orderBy: [{ deckId: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      body: true,
      keyPoints: true,
      revisedAt: true,
      createdAt: true,
      card: { select: { slug: true, front: true } },
      deck: { select: { slug: true, title: true } },
      revisions: { orderBy: { writtenAt: "asc" }, select: { body: true, keyPoints: true, writtenAt: true } },
      sharedAt: true,
      feedback: {
        orderBy: { updatedAt: "asc" },
        select: { comment: true, suggestedPoints: true, verdict: true, updatedAt: true, mentor: { select: { name: true } } },
      },
    },
  });
  return rows.map((row) => ({
    deck: row.deck.title,
    deckSlug: row.deck.slug,
    cardSlug: row.card.slug,
    question: row.card.front,
    answer: row.body,
    keyPoints: splitOwnPoints(row.keyPoints),
    revisedAt: row.revisedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    revisions: row.revisions.map((r) => ({ answer: r.body, keyPoints: splitOwnPoints(r.keyPoints), writtenAt: r.writtenAt.toISOString() })),
    sharedAt: row.sharedAt?.toISOString() ?? null,
    feedback: row.feedback.map((f) => ({
      mentor: f.mentor.name?.trim() || null,
      comment: f.comment,
      suggestedPoints: splitOwnPoints(f.suggestedPoints),
      verdict: f.verdict,
      givenAt: f.updatedAt.toISOString(),
    })),
  }));
}

/** The viewer's answers as a Markdown file (answers only, no earlier wordings: the JSON export keeps those). */
export async function ownAnswersMarkdown(viewer: Viewer): Promise<string> {
  const answers = await exportOwnAnswers(viewer);
  return answersToMarkdown(
    answers.map((a) => ({ deck: a.deck, cardSlug: a.cardSlug, question: a.question, body: a.answer, keyPoints: a.keyPoints })),
  );
}
