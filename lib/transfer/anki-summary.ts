// What an Anki import did, in words for its result page, and the deck-title check its form makes. Pure,
// and free of the importer's modules, so the client form can use it.
import { plural } from "../format";

/** The parts of an import's result the summary tells. */
export interface ImportOutcome {
  cards: number;
  decks: number;
  skipped: number;
  schedule: { kept: number; overdue: number; rescheduled: number; suspended: number };
}

/** "Imported 13 cards. 12 cards keep Anki's dates; 1 is overdue." and the like, one sentence per fact. */
export function importSummary({ cards, decks, skipped, schedule }: ImportOutcome): string[] {
  const lines = [`Imported ${plural(cards, "card")}${decks > 1 ? ` into ${plural(decks, "deck")}` : ""}.`];
  if (skipped > 0) lines.push(`${plural(skipped, "card")} left out (imported before, or with an empty front, as Anki doesn't make those).`);
  if (schedule.kept > 0)
    lines.push(
      `${plural(schedule.kept, "card")} ${schedule.kept === 1 ? "keeps" : "keep"} Anki's dates` +
        (schedule.overdue > 0 ? `; ${schedule.overdue.toLocaleString("en")} ${schedule.overdue === 1 ? "is" : "are"} overdue.` : "."),
    );
  if (schedule.rescheduled > 0)
    lines.push(
      `${plural(schedule.rescheduled, "card")} rescheduled by FSRS from ${schedule.rescheduled === 1 ? "its" : "their"} Anki history.`,
    );
  if (schedule.suspended > 0)
    lines.push(`${plural(schedule.suspended, "card")} suspended in Anki ${schedule.suspended === 1 ? "stays" : "stay"} suspended.`);
  return lines;
}

/** Whether a title is already one of the learner's decks' (as they would read it: case and spaces aside). */
export function titleInUse(title: string, deckTitles: readonly string[]): boolean {
  const key = (t: string) => t.trim().replace(/\s+/g, " ").toLowerCase();
  return deckTitles.some((t) => key(t) === key(title));
}
