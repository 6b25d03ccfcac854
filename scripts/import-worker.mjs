// The entry of an import's worker thread (lib/transfer/off-thread.ts starts it): TypeScript is compiled
// by tsx here, as for the scripts, so the same sources run in tests, `next dev` and `next start`
// alike, without a bundle of their own. The job itself is lib/transfer/import-worker.ts.
import { register } from "tsx/esm/api";

register();
await import("../lib/transfer/import-worker.ts");
