// The SQLite client (the embedded default). Loaded by db.ts only when DATABASE_URL is a file: URL.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/sqlite/client";
import { serializeTransactions } from "./serialized-sqlite";

/** A client on the SQLite file at `file` (an absolute path). */
export function createSqliteClient(file: string): PrismaClient {
  // WAL is set once by the migration script (it persists in the file); the busy timeout is per
  // connection, so concurrent writers wait instead of failing with SQLITE_BUSY. The adapter runs
  // on one connection per process: serializeTransactions makes every other query wait while a
  // transaction is open, so a rollback can only ever undo that transaction's own writes.
  return new PrismaClient({ adapter: serializeTransactions(new PrismaBetterSqlite3({ url: file, timeout: 5000 })) });
}
