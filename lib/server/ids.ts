// Row ids made in the app instead of by Prisma's `@default(cuid())`: for rows written with raw SQL
// (the rating path, imports), which Prisma's defaults never see. Letters and digits, like a cuid.
import { randomUUID } from "node:crypto";

export function newRowId(prefix = "c"): string {
  return `${prefix}${randomUUID().replace(/-/g, "")}`;
}
