// Builds the app the end-to-end tests run against, ahead of them: npm test (scripts/test.sh) runs this
// beside the integration tests, and Playwright's server (npm start's own path) then finds the build
// current. The same setup steps as that server: secret, migrations and seed on its throwaway database.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { e2eServerEnv } from "./server-env";

rmSync("var/e2e", { recursive: true, force: true });
const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts", "--prepare"], {
  env: { ...process.env, ...e2eServerEnv },
  stdio: "inherit",
});
process.exit(result.status ?? 1);
