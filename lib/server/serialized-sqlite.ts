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

// ---------- prepared statements, once ----------

/** The parts of a better-sqlite3 statement the adapter uses. */
interface Statement {
  reader: boolean;
  columns(): unknown[];
  run(params: unknown[]): unknown;
  raw(toggle: boolean): { all(params: unknown[]): unknown[] };
}

const STATEMENTS_MAX = 500;

/**
 * A statement's result columns, asked once: better-sqlite3 builds them afresh on every call, and
 * the adapter asks on every query. They change only with the schema, and the app never migrates
 * while it runs.
 */
const columnsKept = new WeakMap<Statement, unknown[]>();
function columnsOf(statement: Statement): unknown[] {
  let columns = columnsKept.get(statement);
  if (!columns) columnsKept.set(statement, (columns = statement.columns()));
  return columns;
}

/**
 * The adapter prepares every query's SQL again and binds it for one use (`prepare(sql).bind(args)`),
 * which was a tenth of a rating's CPU. Here the connection keeps each statement it prepared (up to
 * 500, oldest out first) and hands the adapter a one-use binding over the kept statement, which
 * also knows its columns.
 */
function reusePreparedStatements(adapter: SqlDriverAdapter): void {
  const client = (adapter as unknown as { client?: { prepare(sql: string): Statement } }).client;
  if (!client || typeof client.prepare !== "function") return; // an adapter version without it: leave as is
  const prepare = client.prepare.bind(client);
  const kept = new Map<string, Statement>();
  client.prepare = (sql: string) => {
    let statement = kept.get(sql);
    if (!statement) {
      statement = prepare(sql);
      if (kept.size >= STATEMENTS_MAX) kept.delete(kept.keys().next().value!);
      kept.set(sql, statement);
    }
    const reused = statement;
    const bound = (params: unknown[]) => ({
      reader: reused.reader,
      columns: () => columnsOf(reused),
      run: () => reused.run(params),
      raw: () => ({ all: () => reused.raw(true).all(params) }),
    });
    // Used bound (queries) or directly (BEGIN, COMMIT): both run the kept statement.
    return { ...bound([]), bind: bound } as unknown as Statement;
  };
}

/**
 * Wraps an adapter factory so that every connection it makes serializes transactions as above, and
 * prepares each statement once.
 */
export function serializeTransactions<F extends SqlDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === "connect")
        return async () => {
          const adapter = await target.connect();
          reusePreparedStatements(adapter);
          return serializedAdapter(adapter);
        };
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
