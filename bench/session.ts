// Benchmark: what checking the session version costs each request. The signed-in user was already
// read from the database on every request; the version rides on that same read (one more column),
// so a revoked session is refused on its next request with no extra query. This times that read as
// it was (id, email, name) and as it is now (with sessionVersion), alternating, in one run.
//
//   node --conditions=react-server --import tsx bench/session.ts [--n 5000]
import { performance } from "node:perf_hooks";
import { freshDatabase, installQueryCapture, summarize, formatSummary } from "./common";

const N = Number(process.argv[process.argv.indexOf("--n") + 1] || 0) || 5000;

async function main() {
  const file = await freshDatabase("session");
  await installQueryCapture(file);
  const { db } = await import("../lib/server/db");
  const users = await Promise.all(Array.from({ length: 100 }, (_, i) => db.user.create({ data: { email: `bench-${i}@example.test` } })));
  const before: number[] = [];
  const now: number[] = [];
  for (let i = 0; i < N; i++) {
    const id = users[i % users.length]!.id;
    let start = performance.now();
    await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
    before.push(performance.now() - start);
    start = performance.now();
    await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, sessionVersion: true } });
    now.push(performance.now() - start);
  }
  const a = summarize(before);
  const b = summarize(now);
  console.log(`session user read, ${N} each, alternating (same run):`);
  console.log(`  before (no version)   ${formatSummary(a)}`);
  console.log(`  now (with version)    ${formatSummary(b)}`);
  console.log(`  ratio now/before      p50 ${(b.p50 / a.p50).toFixed(2)}x  p95 ${(b.p95 / a.p95).toFixed(2)}x`);
  await db.$disconnect();
}

void main();
