// The SQLite adapter with one rule added: while a transaction is open, every other query waits.
//
// @prisma/adapter-better-sqlite3 runs on one connection per process. Its own lock only keeps
// transactions from overlapping each other, so a plain query from another request that arrives
// while a transaction is open runs on the same connection, inside that transaction, and a
// rollback undoes its write too. Here a transaction holds the lock from BEGIN to COMMIT/ROLLBACK,
// and a plain query takes the lock for its own duration. better-sqlite3 is synchronous, so the
// lock costs a queued promise, not a thread.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

/** A FIFO async lock. */
class Lock {
  #tail: Promise<void> = Promise.resolve();

  /** Waits for the lock; the returned function releases it (once). */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => {
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release();
      };
    });
    this.#tail = this.#tail.then(() => held);
    return ready;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

function serializedTransaction(tx: Transaction, release: () => void): Transaction {
  return new Proxy(tx, {
    get(target, property, receiver) {
      if (property === "commit" || property === "rollback") {
        return async () => {
          try {
            await target[property]();
          } finally {
            release();
          }
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function serializedAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new Lock();
  return new Proxy(adapter, {
    get(target, property, receiver) {
      switch (property) {
        case "queryRaw":
        case "executeRaw":
        case "executeScript":
          return (arg: never) => lock.run(() => (target[property] as (a: never) => Promise<unknown>)(arg));
        case "startTransaction":
          return async (isolationLevel?: Parameters<SqlDriverAdapter["startTransaction"]>[0]) => {
            const release = await lock.acquire();
            try {
              return serializedTransaction(await target.startTransaction(isolationLevel), release);
            } catch (error) {
              release();
              throw error;
            }
          };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Wraps an adapter factory so that every connection it makes serializes transactions as above. */
export function serializeTransactions<F extends SqlDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === "connect") return async () => serializedAdapter(await target.connect());
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
