// Writing cards: add, edit, reorder and retire them (pasting a list of questions, which builds on
// this, is in lib/transfer/paste-questions.ts). Editing a card keeps every learner's schedule and
// history, unless the editor marks the edit as a new question, which restarts progress on that card only.
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import * as Prisma from "../server/sql";
import { db } from "../server/db";
import { notFound } from "../server/errors";
import { editableDecks, liveCard, type Viewer } from "./access";
import { requireEditable } from "./authoring";
import { newCardData, tagNames, tagsByCard, tagSelect, withTags } from "./card-rows";
import { rewindNewCursors } from "./new-cards";
import {
  answerSchema,
  joinKeyPoints,
  keyPointsSchema,
  leadSchema,
  questionSchema,
  requireLeadWithPoints,
  slugify,
  splitKeyPoints,
  tagSchema,
  type Tag,
} from "./schema";

/** The card form: tags arrive as a list (checkboxes) or a comma-separated string. */
export const cardFormSchema = z
  .object({
    front: questionSchema("Write the question."),
    lead: leadSchema.default(""),
    // One field per point; blank rows (an added point left empty) are dropped.
    keyPoints: z.preprocess(
      (v) => (typeof v === "string" ? [v] : (v ?? [])),
      z
        .array(z.string())
        .max(20, "Use at most 6 key points.")
        .transform((points) => points.map((p) => p.trim()).filter(Boolean))
        .pipe(keyPointsSchema),
    ),
    back: answerSchema,
    tags: z
      .preprocess(
        (v) =>
          typeof v === "string"
            ? v
                .split(",")
                .map((t) => t.trim())
                .filter(Boolean)
            : (v ?? []),
        z.array(tagSchema).max(6, "Use at most 6 tags."),
      )
      .transform((tags) => [...new Set(tags)] as Tag[]),
    /** "Answer in your own words": a checkbox, so absent means unticked. */
    ownAnswer: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()),
  })
  .superRefine(requireLeadWithPoints);
/** A card as written; without lead and key points (callers other than the form), they stay as they are. */
export type CardFormInput = Omit<z.infer<typeof cardFormSchema>, "lead" | "keyPoints" | "ownAnswer"> &
  Partial<Pick<z.infer<typeof cardFormSchema>, "lead" | "keyPoints" | "ownAnswer">>;

export interface EditableCard {
  id: string;
  slug: string;
  front: string;
  lead: string;
  keyPoints: string[];
  back: string;
  tags: Tag[];
  position: number;
}

export async function listEditableCards(viewer: Viewer, deckId: string): Promise<EditableCard[]> {
  await requireEditable(viewer, deckId);
  const where = { deckId, ...liveCard };
  const [cards, tags] = await Promise.all([
    db.card.findMany({
      where,
      orderBy: { position: "asc" },
      select: { id: true, slug: true, front: true, lead: true, keyPoints: true, back: true, position: true },
    }),
    tagsByCard(db, where),
  ]);
  return cards.map((c) => ({ ...c, keyPoints: splitKeyPoints(c.keyPoints), tags: tags.get(c.id) ?? [] }));
}

/** A live card of a deck the viewer may edit, with its learners count (for the reset warning). */
export async function getEditableCard(viewer: Viewer, cardId: string) {
  const card = await db.card.findFirst({
    where: { id: cardId, ...liveCard, deck: editableDecks(viewer) },
    select: {
      id: true,
      slug: true,
      front: true,
      lead: true,
      keyPoints: true,
      back: true,
      ownAnswer: true,
      deckId: true,
      ...tagSelect,
      _count: { select: { cardStates: true } },
    },
  });
  if (!card) return null;
  const { _count, tags, keyPoints, ...rest } = card;
  return { ...rest, keyPoints: splitKeyPoints(keyPoints), tags: tagNames(tags), learners: _count.cardStates };
}

/** A slug for a new card that no card of the deck (live or retired) already uses. */
export async function freeSlug(deckId: string, text: string, taken?: Set<string>): Promise<string> {
  const used = taken ?? new Set((await db.card.findMany({ where: { deckId }, select: { slug: true } })).map((c) => c.slug));
  let slug = slugify(text);
  for (let n = 2; used.has(slug); n++) slug = `${slugify(text, 55)}-${n}`;
  if (used.has(slug)) slug = `${slugify(text, 50)}-${randomBytes(3).toString("hex")}`;
  used.add(slug);
  return slug;
}

/** The position after the deck's last card (live or retired). */
export async function nextPosition(deckId: string): Promise<number> {
  const last = await db.card.aggregate({ where: { deckId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

export async function addCard(viewer: Viewer, deckId: string, input: CardFormInput): Promise<{ id: string; slug: string }> {
  await requireEditable(viewer, deckId);
  const slug = await freeSlug(deckId, input.front);
  const card = await db.card.create({
    data: newCardData(deckId, await nextPosition(deckId), { ...input, slug }),
    select: { id: true, slug: true },
  });
  await db.deck.update({ where: { id: deckId }, data: { updatedAt: new Date() } });
  return card;
}

/**
 * Saves an edit. Learners keep their schedules and histories: they see the new wording at their
 * next review. With `newQuestion`, the card counts as a different question: every learner's progress
 * on it (their CardState) restarts; their past ratings stay in their history.
 */
export async function updateCard(
  viewer: Viewer,
  cardId: string,
  input: CardFormInput & { newQuestion?: boolean },
  now = new Date(),
): Promise<{ reset: number }> {
  const card = await db.card.findFirst({
    where: { id: cardId, ...liveCard, deck: editableDecks(viewer) },
    select: { id: true, deckId: true, position: true },
  });
  if (!card) throw notFound("That card");
  return db.$transaction(async (tx) => {
    await tx.card.update({
      where: { id: card.id },
      data: {
        front: input.front,
        ...(input.lead !== undefined && { lead: input.lead }),
        ...(input.keyPoints !== undefined && { keyPoints: joinKeyPoints(input.keyPoints) }),
        back: input.back,
        ...(input.ownAnswer !== undefined && { ownAnswer: input.ownAnswer }),
        tags: withTags(input.tags, true),
        ...(input.newQuestion && { resetAt: now }),
      },
    });
    if (!input.newQuestion) return { reset: 0 };
    const { count } = await tx.cardState.deleteMany({ where: { cardId: card.id } });
    // The card is unseen again for everyone: their new-card search must reach it.
    await rewindNewCursors(card.deckId, card.position, tx);
    return { reset: count };
  });
}

/** Retires the card: gone from study and browsing, kept for learners' history. */
export async function retireCard(viewer: Viewer, cardId: string, now = new Date()): Promise<void> {
  const { count } = await db.card.updateMany({ where: { id: cardId, ...liveCard, deck: editableDecks(viewer) }, data: { retiredAt: now } });
  if (count === 0) throw notFound("That card");
}

/** Moves a card one place up or down among the deck's live cards. */
export async function moveCard(viewer: Viewer, cardId: string, direction: "up" | "down"): Promise<void> {
  const card = await db.card.findFirst({
    where: { id: cardId, ...liveCard, deck: editableDecks(viewer) },
    select: { id: true, deckId: true, position: true },
  });
  if (!card) throw notFound("That card");
  const neighbour = await db.card.findFirst({
    where: { deckId: card.deckId, ...liveCard, position: direction === "up" ? { lt: card.position } : { gt: card.position } },
    orderBy: { position: direction === "up" ? "desc" : "asc" },
    select: { id: true, position: true },
  });
  if (!neighbour) return;
  await db.$transaction([
    db.card.update({ where: { id: card.id }, data: { position: neighbour.position } }),
    db.card.update({ where: { id: neighbour.id }, data: { position: card.position } }),
  ]);
  // An unseen card may now sit before a learner's new-card cursor.
  await rewindNewCursors(card.deckId, Math.min(card.position, neighbour.position));
}

/**
 * Moves a card to `index` in the deck's order (0 = first), as a drag and drop does: the cards in
 * between shift by one; every other card keeps its position.
 */
export async function moveCardTo(viewer: Viewer, cardId: string, index: number): Promise<void> {
  const card = await db.card.findFirst({ where: { id: cardId, ...liveCard, deck: editableDecks(viewer) }, select: { deckId: true } });
  if (!card) throw notFound("That card");
  const cards = await db.card.findMany({
    where: { deckId: card.deckId, ...liveCard },
    orderBy: { position: "asc" },
    select: { id: true, position: true },
  });
  const from = cards.findIndex((c) => c.id === cardId);
  const to = Math.max(0, Math.min(cards.length - 1, index));
  if (from === to) return;
  const order = cards.map((c) => c.id);
  order.splice(to, 0, ...order.splice(from, 1));
  // The same positions, handed out in the new order: only the cards between from and to change.
  const positions = cards.map((c) => c.position);
  const changed = order.flatMap((id, i) => (cards[i]!.id === id ? [] : [{ id, position: positions[i]! }]));
  await db.$transaction(positionUpdates(changed).map((sql) => db.$executeRaw(sql)));
  await rewindNewCursors(card.deckId, positions[Math.min(from, to)]!);
}

/** Cards whose positions one statement sets: 3 variables each, well inside SQLite's limit. */
const POSITIONS_PER_STATEMENT = 200;

/**
 * New positions for many cards in a few statements (a drag to the top of a 5,000-card deck changes
 * them all; one update per card took seconds and outlasted PostgreSQL's transaction timeout).
 */
function positionUpdates(changed: { id: string; position: number }[]): Prisma.Sql[] {
  const statements: Prisma.Sql[] = [];
  for (let i = 0; i < changed.length; i += POSITIONS_PER_STATEMENT) {
    const chunk = changed.slice(i, i + POSITIONS_PER_STATEMENT);
    const cases = Prisma.join(
      chunk.map((c) => Prisma.sql`WHEN ${c.id} THEN CAST(${c.position} AS INTEGER)`),
      " ",
    );
    const ids = Prisma.join(chunk.map((c) => c.id));
    statements.push(Prisma.sql`UPDATE "Card" SET "position" = CASE "id" ${cases} END WHERE "id" IN (${ids})`);
  }
  return statements;
}
