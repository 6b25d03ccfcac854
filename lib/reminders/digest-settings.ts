// A mentor's weekly digest of a deck: read and saved on the deck's dashboard, only by the deck's
// owner (the dashboard's own rule, lib/decks/access.ts ownedDecks, in every query's where), and
// turned off by the digest mail's signed link.
import "server-only";
import { z } from "zod";
import { ownedDecks, type Viewer } from "../decks/access";
import { db } from "../server/db";
import { notFound } from "../server/errors";

export interface DigestSettings {
  enabled: boolean;
  weekday: number;
  hour: number;
}

/** Off until turned on; Monday 08:00 is offered. */
export const DEFAULT_DIGEST_SETTINGS: DigestSettings = { enabled: false, weekday: 1, hour: 8 };

const checkbox = z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean());

export const digestSettingsSchema = z.object({
  deckId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "That deck was not found."),
  enabled: checkbox,
  weekday: z.coerce.number().int("Pick a day of the week.").min(0, "Pick a day of the week.").max(6, "Pick a day of the week."),
  hour: z.coerce.number().int("Pick a whole hour.").min(0, "Pick an hour from 0 to 23.").max(23, "Pick an hour from 0 to 23."),
});

export type DigestSettingsInput = z.infer<typeof digestSettingsSchema>;

const select = { enabled: true, weekday: true, hour: true } as const;

/** The viewer's digest of one of their own decks (defaults when never saved); null for a deck not theirs. */
export async function getDigestSettings(viewer: Viewer, deckId: string): Promise<DigestSettings | null> {
  const deck = await db.deck.findFirst({
    where: { AND: [{ id: deckId }, ownedDecks(viewer)] },
    select: { mentorDigests: { where: { userId: viewer.id }, select } },
  });
  if (!deck) return null;
  return deck.mentorDigests[0] ?? DEFAULT_DIGEST_SETTINGS;
}

export async function saveDigestSettings(viewer: Viewer, input: DigestSettingsInput): Promise<void> {
  const { deckId, ...data } = input;
  const owned = await db.deck.findFirst({ where: { AND: [{ id: deckId }, ownedDecks(viewer)] }, select: { id: true } });
  if (!owned) throw notFound("That deck");
  await db.mentorDigest.upsert({
    where: { userId_deckId: { userId: viewer.id, deckId } },
    create: { userId: viewer.id, deckId, ...data },
    update: data,
  });
}

/** Stops one deck's digest and nothing else (the digest mail's unsubscribe link). */
export async function turnDigestOff(userId: string, deckId: string): Promise<void> {
  await db.mentorDigest.updateMany({ where: { userId, deckId }, data: { enabled: false } });
}
