// Prisma CLI configuration. Drill applies migrations with its own scripts (scripts/db.ts) because the
// native schema engine can't be downloaded here; this file still lets a deployment with the native
// engine run `prisma migrate deploy` against the same folders.
import { defineConfig } from "prisma/config";
import { databaseConfig } from "./lib/server/database-url";

const db = databaseConfig();
const sqlite = db.provider === "sqlite";

export default defineConfig({
  schema: sqlite ? "prisma/schema.prisma" : "prisma/postgres/schema.prisma",
  migrations: { path: sqlite ? "prisma/sqlite/migrations" : "prisma/postgres/migrations" },
  datasource: { url: sqlite ? `file:${db.url}` : db.url },
});
