// Driver adapters for the schema engine: the app's database, and an offline PostgreSQL stand-in for
// datamodel diffs. Must not import Next or `server-only`: it runs under plain tsx and Vitest.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

import { type DatabaseConfig, parsePostgresUrl } from "../../lib/server/database-url";

// ---------- database connections ----------

/**
 * node-postgres hands back columns of the internal type `"char"` (OID 18) untouched, and
 * @prisma/adapter-pg 7.10 refuses them ("Column type 'char' could not be deserialized"), yet the
 * engine's introspection queries select several (pg_constraint.contype, ...). The values are
 * one-character strings, so relabel them as text before the adapter sees them.
 */
class CharAsTextClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const original = this.query.bind(this) as (...args: unknown[]) => unknown;
    (this as { query: unknown }).query = (...args: unknown[]): unknown => {
      if ((args[0] as { submit?: unknown })?.submit) return original(...args);
      const callback = typeof args.at(-1) === "function" ? (args.pop() as (e: unknown, r?: unknown) => void) : null;
      const fixed = (original(...args) as Promise<pg.QueryResult>).then((result) => {
        for (const field of result.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
        return result;
      });
      if (!callback) return fixed;
      fixed.then(
        (r) => callback(null, r),
        (e: unknown) => callback(e),
      );
      return undefined;
    };
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * adapter-pg 7.10 runs a script by splitting it at every ";", so a migration with a semicolon in a
 * string (`DEFAULT 'a;b'`) or a function body breaks, and a failing statement leaves the ones
 * before it applied. Send the whole script as one simple-protocol query instead, as the native
 * engine does: PostgreSQL runs it as a single implicit transaction.
 */
function wholeScriptExecution(adapter: SqlDriverAdapter): void {
  const driver = (adapter as { underlyingDriver?: () => pg.Pool }).underlyingDriver?.();
  if (!driver) throw new Error("@prisma/adapter-pg no longer exposes its pool; review wholeScriptExecution()");
  adapter.executeScript = async (script: string) => {
    await driver.query(script);
  };
}

/**
 * A migration-aware adapter factory for one database, that never opens a shadow database. The
 * engine would create one for the "migrations" diff source, and adapter-pg 7.10 then runs the
 * migrations on the *main* database (it adds `database` to a config whose connectionString wins).
 * We apply migrations to scratch databases ourselves instead.
 */
export function adapterFactory(db: DatabaseConfig): {
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
} {
  const inner =
    db.provider === "sqlite"
      ? new PrismaBetterSqlite3({ url: db.url })
      : (() => {
          const { connectionString, schema } = parsePostgresUrl(db.url);
          const config: pg.PoolConfig & { Client: typeof pg.Client } = { connectionString, Client: CharAsTextClient };
          if (schema !== "public") config.options = `-c search_path=${quoteIdent(schema)}`;
          return new PrismaPg(config, { schema });
        })();
  const opened: SqlDriverAdapter[] = [];
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      const adapter = await inner.connect();
      opened.push(adapter);
      if (db.provider === "postgresql") wholeScriptExecution(adapter);
      return adapter;
    },
    connectToShadowDb: () => Promise.reject(new Error("drill's migration tooling never uses a shadow database")),
  };
  return {
    factory,
    close: async () => {
      await Promise.allSettled(opened.splice(0).map((a) => a.dispose()));
    },
  };
}

/**
 * A PostgreSQL "connection" that only answers the engine's version probe. Diffing two datamodels
 * needs no database, but the engine's PostgreSQL connector asks for the server version when it
 * starts; anything else it asks is refused, so nothing can silently depend on a fake database.
 */
export function offlinePostgresFactory(): SqlMigrationAwareDriverAdapterFactory {
  const refuse = (what: string) => () => Promise.reject(new Error(`no PostgreSQL database here (engine tried ${what})`));
  const adapter: SqlDriverAdapter = {
    provider: "postgres",
    adapterName: "drill-offline-postgres",
    queryRaw: async (query) => {
      if (!query.sql.includes("server_version_num")) return refuse(`a query: ${query.sql.slice(0, 60)}`)();
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, "PostgreSQL 15.0 (offline)", 150000]],
      };
    },
    executeRaw: refuse("executeRaw"),
    executeScript: refuse("executeScript"),
    startTransaction: refuse("a transaction"),
    dispose: () => Promise.resolve(),
  };
  return {
    provider: "postgres",
    adapterName: "drill-offline-postgres",
    connect: () => Promise.resolve(adapter),
    connectToShadowDb: refuse("a shadow database"),
  };
}
