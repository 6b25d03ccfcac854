// A rating as a client sends it (the JSON route, the outbox): its schema and type, checked before
// anything is read.
import { z } from "zod";
import { KEY_POINTS_MAX } from "../../decks/schema";
import { RATINGS, type RatingValue } from "../../scheduling/fsrs";

/** Ids the client sends: what our ids and the outbox's client ids are made of, nothing else. */
const idSchema = z.string().regex(/^[A-Za-z0-9_-]+$/, "An id is letters, digits, - and _.");

const gradeSchema = z
  .number()
  .int()
  .refine((r): r is RatingValue => RATINGS.includes(r as RatingValue), "A rating is 1 (Again) to 4 (Easy).");

/** One rating as JSON sends it: exact types, no coercion (`"  "`, `true` or `null` are refused). */
export const ratingSchema = z.object({
  clientId: idSchema.min(8, "A rating needs its client id.").max(64),
  cardId: idSchema.min(1).max(64),
  rating: gradeSchema,
  /** The CardState version the learner saw (0 for a card never studied). */
  expectedVersion: z.number().int().min(0),
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 60_000),
  /**
   * The key-point checklist as the learner saw it: how many points the card showed, which (by
   * position) they didn't tick, and the grade Drill suggested from it. Sent only when the learner
   * used the checklist (ticked a point or pressed "None"); kept only when the count still matches
   * the card (an edit since makes the positions meaningless); the rating counts either way.
   */
  checklist: z
    .object({
      count: z.number().int().min(1).max(KEY_POINTS_MAX),
      missed: z
        .array(
          z
            .number()
            .int()
            .min(0)
            .max(KEY_POINTS_MAX - 1),
        )
        .max(KEY_POINTS_MAX),
      suggested: gradeSchema.optional(),
    })
    .optional(),
  /** When the learner rated, by their clock (ISO 8601): offline ratings are scheduled as of that moment. */
  reviewedAt: z.iso
    .datetime({ offset: true, error: "reviewedAt is an ISO 8601 time, like 2026-11-30T21:00:00Z." })
    .transform((text) => new Date(text))
    .optional(),
});
export type RatingInput = z.infer<typeof ratingSchema>;
