// The end of a session in words: what is left today, when new cards unlock, cards still waiting for
// an answer, and the next review. Pure, so each sentence is tested against the case it must say.
import { formatWhen, plural } from "../format";
import type { AfterSession } from "./session";

/** What comes next after a session, in words that match the server's queue (`custom`: the session was review ahead or a drill). */
export function nextStepLines(after: AfterSession, custom: "ahead" | "tag" | null, now: Date, deckId?: string): string[] {
  const { left } = after;
  const lines: string[] = [];
  if (left.total > 0 && custom) lines.push(`Today's queue still has ${plural(left.total, "card")}.`);
  else if (left.total > 0) lines.push(`${plural(left.total, "more card")} ${left.total === 1 ? "is" : "are"} ready today.`);
  else if (after.unseen === 0 && after.cards > 0)
    lines.push(`You've now met all ${plural(after.cards, "card")} in ${deckId ? "this deck" : "your decks"}.`);
  else if (after.unseen > 0 && deckId && after.sharedLimit)
    // The daily limit is shared by the decks studied: how many of tomorrow's are this deck's isn't known yet.
    lines.push(`New cards unlock ${formatWhen(after.nextDay, now)}: ${after.newPerDay} a day across your decks.`);
  else if (after.unseen > 0)
    lines.push(`New cards: ${Math.min(after.newPerDay, after.unseen)} more unlock ${formatWhen(after.nextDay, now)}.`);
  if (after.unanswered > 0)
    lines.push(
      `${after.mentored ? "Your mentor hasn't" : "The deck's author hasn't"} answered ${after.unanswered === 1 ? "1 card" : `${after.unanswered} cards`} yet: ${after.unanswered === 1 ? "it comes" : "they come"} here once answered.`,
    );
  if (after.nextDue) lines.push(`Your next review is due ${formatWhen(after.nextDue, now)}.`);
  else if (after.unanswered === 0 || after.cards > 0) lines.push("No reviews are scheduled yet.");
  return lines;
}
