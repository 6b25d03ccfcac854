// The entry of an import's worker thread (lib/transfer/off-thread.ts starts it): TypeScript is compiled
// by tsx here, as for the scripts, so the same sources run in tests, `next dev` and `next start`
// alike, without a bundle of their own. The job itself is lib/transfer/import-worker.ts.
import { getPriority, setPriority } from "node:os";
import { register } from "tsx/esm/api";

// Linux keeps a nice value per thread: this lowers this worker thread's alone (10 steps below the
// server's), so while it reads a package the server's request thread comes first for the CPU
// (bench/import-load.ts measures it).
try {
  setPriority(Math.min(19, getPriority() + 10));
} catch {
  // Not permitted here: the import runs at the server's priority, as before.
}
register();
await import("../lib/transfer/import-worker.ts");
