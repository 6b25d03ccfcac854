// The study session's hot reads in raw SQL, the same on both engines: the learner's card states
// that today's queue can take, in one query where the query API made three, and the session's card
// contents with their tags. On a study page each query through the query API cost more than the
// database's own work for it (bench/README.md, "The study page").
import "server-only";
import * as Prisma from "../server/sql";
import { State } from "../scheduling/fsrs";
import { db } from "../server/db";
import { memoryColumns, type MemoryRow } from "./memory";

/** A card state the queue may take, with its card's position (new cards come in deck order). */
export type AvailableState = MemoryRow & { cardId: string; version: number; position: number };

const STATE_COLUMNS = Prisma.sql`s."cardId", s."version", ${memoryColumns("s")}, c."position"`;

/**
 * The learner's states in `deckIds` that today's queue can take: not suspended, not buried (or
 * buried until before `now`), of live cards. Learning steps due before the day ends (all of them:
 * no daily limit applies, and they are few), reviews due before it ends (earliest first, at most
 * `reviewsPerDay`: a 100,000-card collection reads as many rows as a 1,000-card one), and new cards
 * the learner buried once (they keep a state row with state New; at most `newPerDay`).
 */
export async function availableStates(
  userId: string,
  deckIds: readonly string[],
  now: Date,
  dayEnd: Date,
  limits: { reviewsPerDay: number; newPerDay: number },
): Promise<{ learning: AvailableState[]; reviews: AvailableState[]; buriedNew: AvailableState[] }> {
  if (deckIds.length === 0) return { learning: [], reviews: [], buriedNew: [] };
  const available = Prisma.sql`s."userId" = ${userId} AND s."deckId" IN (${Prisma.join(deckIds)}) AND NOT s."suspended"
    AND (s."buriedUntil" IS NULL OR s."buriedUntil" <= ${now}) AND c."retiredAt" IS NULL`;
  const from = Prisma.sql`FROM "CardState" s JOIN "Card" c ON c."id" = s."cardId"`;
  const rows = await db.$queryRaw<AvailableState[]>`
    SELECT * FROM (SELECT ${STATE_COLUMNS} ${from}
      WHERE ${available} AND s."state" IN (${State.Learning}, ${State.Relearning}) AND s."due" < ${dayEnd}) AS learning
    UNION ALL
    SELECT * FROM (SELECT ${STATE_COLUMNS} ${from}
      WHERE ${available} AND s."state" = ${State.Review} AND s."due" < ${dayEnd} ORDER BY s."due" LIMIT ${limits.reviewsPerDay}) AS reviews
    UNION ALL
    SELECT * FROM (SELECT ${STATE_COLUMNS} ${from}
      WHERE ${available} AND s."state" = ${State.New} LIMIT ${limits.newPerDay}) AS buried_new`;
  return {
    learning: rows.filter((r) => r.state === State.Learning || r.state === State.Relearning),
    reviews: rows.filter((r) => r.state === State.Review),
    buriedNew: rows.filter((r) => r.state === State.New),
  };
}

/** A card's text and tags, as a session shows it. */
export interface CardContent {
  id: string;
  deckId: string;
  slug: string;
  front: string;
  lead: string;
  keyPoints: string;
  back: string;
  /** "Answer in your own words" (SQLite hands a boolean column back as 0/1: read it with Boolean()). */
  ownAnswer: boolean | number;
  /** Alphabetical. */
  tags: string[];
}

/** The cards among `ids` (any order; cards gone are left out), each with its tags. */
export async function cardContents(ids: readonly string[]): Promise<CardContent[]> {
  if (ids.length === 0) return [];
  const list = Prisma.join(ids);
  const [cards, tags] = await Promise.all([
    db.$queryRaw<Omit<CardContent, "tags">[]>`
      SELECT "id", "deckId", "slug", "front", "lead", "keyPoints", "back", "ownAnswer" FROM "Card" WHERE "id" IN (${list})`,
    db.$queryRaw<{ cardId: string; tag: string }[]>`
      SELECT "cardId", "tag" FROM "CardTag" WHERE "cardId" IN (${list}) ORDER BY "tag"`,
  ]);
  const tagsOf = new Map<string, string[]>();
  for (const { cardId, tag } of tags) tagsOf.set(cardId, [...(tagsOf.get(cardId) ?? []), tag]);
  return cards.map((card) => ({ ...card, tags: tagsOf.get(card.id) ?? [] }));
}
