// Where the optimizer's native build can't load (another CPU or libc), fitting says so and the rest
// of personal scheduling (and everything else) keeps working.
import { describe, expect, it, vi } from "vitest";
import { applyParameterSet, fitStatus, startFit, restoreDefaultParameters } from "@/lib/optimizer/jobs";
import { recordRating } from "@/lib/review/rating/record";
import { getStudySettings } from "@/lib/review/settings";
import { startStudying } from "@/lib/review/studying";
import { db } from "@/lib/server/db";
import { makeDeck, makeUser } from "./helpers";

// The loader's own require, as it fails where npm skipped the optional native package.
vi.mock("node:module", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:module")>();
  const createRequire = (from: string) => {
    const real = actual.createRequire(from);
    return Object.assign((id: string) => {
      if (id === "@open-spaced-repetition/binding-linux-x64-gnu") throw new Error(`Cannot find module '${id}'`);
      return real(id) as unknown;
    }, real);
  };
  return { ...actual, default: { ...actual, createRequire }, createRequire };
});

describe("without the optimizer", () => {
  it("reports it as not available, refuses to fit, and lets everything else work", async () => {
    const user = await makeUser("elsewhere");
    const status = await fitStatus(user);
    expect(status.available).toBe(false);
    await expect(startFit(user, () => {})).rejects.toThrow("not available on this server");
    expect(await db.fitJob.count({ where: { userId: user.id } })).toBe(0);

    // A set fitted elsewhere (say, before a move to this server) still applies; ratings still save.
    const weights = JSON.stringify([
      0.2172, 1.1771, 3.2602, 16.1507, 7.0114, 0.57, 2.0966, 0.0069, 1.5261, 0.112, 1.0178, 1.849, 0.1133, 0.3127, 2.2934, 0.2191, 3.0004,
      0.7536, 0.3332, 0.1437, 0.2,
    ]);
    const set = await db.fsrsParameterSet.create({
      data: {
        userId: user.id,
        weights,
        reviewCount: 500,
        logLoss: 0.3,
        rmseBins: 0.05,
        defaultLogLoss: 0.32,
        defaultRmseBins: 0.06,
        workloadRatio: 0.9,
      },
    });
    await applyParameterSet(user, set.id, { reschedule: false });
    expect((await getStudySettings(user.id)).scheduler.weights).toHaveLength(21);
    const deck = await makeDeck(user.id, { cards: 1 });
    await startStudying(user, deck.id);
    const [card] = await db.card.findMany({ where: { deckId: deck.id } });
    const result = await recordRating(user, {
      clientId: "no-optimizer-1",
      cardId: card!.id,
      rating: 3,
      expectedVersion: 0,
      durationMs: 2000,
    });
    expect(result.status).toBe("saved");
    await restoreDefaultParameters(user);
    expect((await getStudySettings(user.id)).parameterSetId).toBeNull();
  });
});
