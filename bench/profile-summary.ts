// Where the server's CPU time went: reads the largest .cpuprofile in var/bench/profile (written by
// `bench/http.ts --profile`) and sums self time by package (or Drill's own code, or "(garbage
// collector)" and friends), largest first.
//
//   node --import tsx bench/profile-summary.ts
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { BENCH_DIR } from "./common";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const dir = path.join(BENCH_DIR, "profile");
const largest = readdirSync(dir)
  .filter((f) => f.endsWith(".cpuprofile"))
  .map((f) => path.join(dir, f))
  .sort((a, b) => statSync(b).size - statSync(a).size)[0];
if (!largest) throw new Error(`no .cpuprofile in ${dir}: run bench/http.ts --profile first`);
const profile = JSON.parse(readFileSync(largest, "utf8")) as Profile;

function bucket(node: Node): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith("node:")) return "node (built-ins)";
  if (url.includes("/.next/")) return "Drill (compiled app code, incl. bundled packages)";
  return "other";
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const totals = new Map<string, number>();
let all = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  const name = bucket(byId.get(id)!);
  if (name === "(idle)") return;
  totals.set(name, (totals.get(name) ?? 0) + us);
  all += us;
});
console.log(`${path.basename(largest)}: ${(all / 1000).toFixed(0)} ms of CPU (idle excluded)\n`);
for (const [name, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${((100 * us) / all).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);
}
