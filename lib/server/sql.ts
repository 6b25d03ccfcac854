// Raw SQL for either engine: Prisma's tagged template and its helpers, from Prisma's runtime rather
// than a generated client, so a module that writes SQL loads nothing of the engine not in use
// (both generated clients re-export these same functions). Import it as a namespace:
// `import * as Prisma from "../server/sql"`, then `Prisma.sql`, `Prisma.join`, `Prisma.Sql`.
export { empty, join, raw, Sql, sqltag as sql } from "@prisma/client/runtime/client";
// Row shapes for createMany (types only: nothing is loaded for them).
export type { CardCreateManyInput, CardStateCreateManyInput, ReviewLogCreateManyInput } from "../generated/sqlite/models";
