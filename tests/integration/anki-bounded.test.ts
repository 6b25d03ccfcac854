// Imports off the request thread, bounded (issue 26.1-26.3): the probe's hostile shapes, built by the
// project's own fixtures, go through the same worker pool as the route, and each is refused with its
// message, without the server's memory growing past the budget, while this thread keeps answering (a
// timer keeps firing while the worker reads). A stopped or refused import leaves nothing behind, and
// the pool refuses what it can't queue.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError, statusOf } from "@/lib/server/errors";
import { db } from "@/lib/server/db";
import type { AnkiImportResult, AnkiPreview } from "@/lib/transfer/anki-import";
import { IMPORT_POOL, runOffThread, type ImportJob } from "@/lib/transfer/off-thread";
import { ankiPackage, storedZip, zstdBomb } from "../fixtures/anki-build";
import { makeUser } from "./helpers";

const OPTIONS = { title: "Bounded", choices: {}, withHistory: true };
const GB = 1_000_000_000;
/** What the server may grow by while refusing a hostile package (the unpack budget's floor is 64 MB). */
const MEMORY_BUDGET = 400_000_000;

async function leftBehind(userId: string) {
  const decks = await db.deck.findMany({ where: { ownerId: userId }, select: { id: true } });
  const deckIds = decks.map((d) => d.id);
  return {
    decks: decks.length,
    cards: await db.card.count({ where: { deckId: { in: deckIds } } }),
    media: await db.media.count({ where: { deckId: { in: deckIds } } }),
    ratings: await db.reviewLog.count({ where: { userId } }),
  };
}

/** The job's refusal, with how far memory grew and how many times this thread's timer fired meanwhile. */
async function refusal(job: ImportJob) {
  const before = process.memoryUsage().rss;
  let peak = before;
  let ticks = 0;
  const timer = setInterval(() => {
    ticks++;
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const error = await runOffThread(job).then(
      () => null,
      (e: unknown) => e,
    );
    return { error: error as AppError, growth: peak - before, ticks };
  } finally {
    clearInterval(timer);
  }
}

const anki = async (bytes: Uint8Array): Promise<Extract<ImportJob, { kind: "anki-import" }>> => ({
  kind: "anki-import",
  viewer: { id: (await makeUser("bounded")).id },
  bytes,
  options: OPTIONS,
  now: Date.now(),
});

// Worker start-up (tsx compiling the sources) takes seconds on a busy machine: the limits here are the pool's, not the test's.
describe("hostile Anki packages, off the request thread", { timeout: 240_000 }, () => {
  it.each([
    [
      "3 × 1 GB of media in stored zstd streams",
      () => ankiPackage({ stored: true, media: { "a.png": zstdBomb(GB), "b.png": zstdBomb(GB), "c.png": zstdBomb(GB) } }),
      /zip bomb/,
    ],
    ["a 1.5 GB collection in a stored zstd stream", () => storedZip({ "collection.anki21b": zstdBomb(1.5 * GB) }), /zip bomb/],
    ["60,000 reviews of one card", () => ankiPackage({ reviews: 60_000 }), /60,000 reviews of one card/],
    ["5,000 note types", () => ankiPackage({ extraNoteTypes: 4_999 }), /5000 note types/],
    [
      "a recursive view for col",
      () => new Uint8Array(readFileSync("tests/fixtures/anki/recursive-view.apkg")),
      /a view where Anki keeps its "col" table/,
    ],
  ])("refuses %s with its reason, memory within budget, this thread answering meanwhile", async (_shape, build, message) => {
    const bytes = build();
    expect(bytes.length).toBeLessThan(2_000_000); // small files, as the probe's were
    for (const job of [{ kind: "anki-preview", bytes } as const, await anki(bytes)]) {
      const { error, growth, ticks } = await refusal(job);
      expect(error).toBeInstanceOf(AppError);
      expect(statusOf[error.code]).toBe(400);
      expect(error.message).toMatch(message);
      expect(growth).toBeLessThan(MEMORY_BUDGET);
      expect(ticks).toBeGreaterThan(0);
      if (job.kind === "anki-import") expect(await leftBehind(job.viewer.id)).toEqual({ decks: 0, cards: 0, media: 0, ratings: 0 });
    }
  });

  it("imports a real package in the worker, and previews it", async () => {
    const bytes = new Uint8Array(readFileSync("tests/fixtures/anki/anki21b.apkg"));
    const preview = await runOffThread<AnkiPreview>({ kind: "anki-preview", bytes });
    expect(preview.cards).toBe(3);
    const job = await anki(bytes);
    const result = await runOffThread<AnkiImportResult>(job);
    expect(result).toMatchObject({ cards: 3, ratings: 6 });
    expect(await db.card.count({ where: { deckId: result.deckId } })).toBe(3);
  });

  it("stops an import past its time limit and leaves nothing behind", async () => {
    const job = await anki(ankiPackage({ notes: 2_000, reviews: 1_500 }));
    const error = (await runOffThread(job, { limits: { timeoutMs: 50, heapMb: IMPORT_POOL.heapMb } }).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.message).toMatch(/took longer than 0 seconds, so it was stopped and nothing was imported/);
    expect(await leftBehind(job.viewer.id)).toEqual({ decks: 0, cards: 0, media: 0, ratings: 0 });
  });

  it("runs two at once, queues a few, and refuses beyond with a clear 429", async () => {
    const bytes = ankiPackage();
    const jobs = Array.from({ length: IMPORT_POOL.running + IMPORT_POOL.waiting + 1 }, () =>
      runOffThread<AnkiPreview>({ kind: "anki-preview", bytes }).then(
        () => "read",
        (e: unknown) => e,
      ),
    );
    const outcomes = await Promise.all(jobs);
    expect(outcomes.filter((o) => o === "read")).toHaveLength(IMPORT_POOL.running + IMPORT_POOL.waiting);
    const refused = outcomes.find((o) => o !== "read") as AppError;
    expect(statusOf[refused.code]).toBe(429);
    expect(refused.message).toMatch(/busy with other imports right now.*Try again in a minute/);
  });
});
