// "Exactly once" for a reminder or a digest: a delivery row is inserted before sending (its primary
// key lets one of two ticking instances win), and a claim an instance left unsent (it stopped between
// claiming and sending) may be taken over by a later tick, once, after STALE_CLAIM_MS.
import "server-only";
import { isUniqueViolation } from "../server/errors";

/**
 * How long an unsent claim is left to its instance: far longer than a send takes, with its bounded
 * retries and the mail client's own timeouts, so a slow send is never doubled.
 */
export const STALE_CLAIM_MS = 30 * 60_000;

/** Claims older than this, still unsent at `now`, belong to a stopped instance. */
export const staleBefore = (now: Date) => new Date(now.getTime() - STALE_CLAIM_MS);

export const isStaleClaim = (row: { outcome: string; createdAt: Date }, now: Date) =>
  row.outcome === "claimed" && row.createdAt < staleBefore(now);

/**
 * Inserts the delivery row (`create`); when another tick has it, `takeOver` (one UPDATE of that row
 * while it is a stale claim, answering how many rows it changed) decides, so of two ticks one wins.
 */
export async function claimDelivery(create: () => Promise<unknown>, takeOver: () => Promise<{ count: number }>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return (await takeOver()).count === 1;
}
