// A transaction's rollback undoes its own writes and nobody else's. On SQLite the adapter has one
// connection per process: a plain query that ran while another request's transaction was open ran
// inside it, and the rollback took its write too (the review lost 20 of 20 such writes).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("transactions and the writes around them", () => {
  it("keeps 20 plain writes made while another transaction is open and then rolls back", async () => {
    const run = randomUUID().slice(0, 8);
    const opened = deferred();
    const finish = deferred();
    const transaction = db
      .$transaction(async (tx) => {
        await tx.user.create({ data: { email: `rolled-back-${run}@example.test` } });
        opened.resolve();
        await finish.promise;
        throw new Error("roll back");
      })
      .catch((error: unknown) => error);

    await opened.promise;
    const plain = Promise.all(Array.from({ length: 20 }, (_, i) => db.user.create({ data: { email: `plain-${run}-${i}@example.test` } })));
    // Give the plain writes every chance to run while the transaction is still open.
    await new Promise((resolve) => setTimeout(resolve, 100));
    finish.resolve();

    expect(await transaction).toBeInstanceOf(Error);
    await plain;
    expect(await db.user.count({ where: { email: { startsWith: `plain-${run}-` } } })).toBe(20);
    expect(await db.user.count({ where: { email: `rolled-back-${run}@example.test` } })).toBe(0);
  });

  it("plain writes at once, with no transaction open, all land", async () => {
    const run = randomUUID().slice(0, 8);
    await Promise.all(Array.from({ length: 20 }, (_, i) => db.user.create({ data: { email: `parallel-${run}-${i}@example.test` } })));
    expect(await db.user.count({ where: { email: { startsWith: `parallel-${run}-` } } })).toBe(20);
  });
});
