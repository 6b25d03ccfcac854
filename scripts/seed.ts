// Seeds the decks in data/decks/ into the database (run by npm start; safe to run any time).
import { db } from "../lib/server/db";
import { DeckFileError, seedAll } from "../lib/transfer/seed";

async function main(): Promise<void> {
  try {
    for (const r of await seedAll()) {
      console.log(`  ${r.deck}: ${r.created} new, ${r.updated} updated, ${r.retired} retired, ${r.unchanged} unchanged`);
      // A merge moves learners' progress: say so, and who kept two histories (never silently).
      if (r.carried || r.keptApart)
        console.log(`    merged cards: progress of ${r.carried} learner(s) moved to the replacing card; ${r.keptApart} kept both`);
    }
  } catch (error) {
    console.error(error instanceof DeckFileError ? error.message : error);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

void main();
