#!/usr/bin/env bash
# npm test: every check, cheapest first, with independent steps side by side (CI has two cores and
# 30 minutes): the integration tests run beside the production build that the end-to-end tests then
# run against. Exits non-zero when any step fails.
set -uo pipefail
cd "$(dirname "$0")/.."

# Runs each command at once; waits for all; fails when any failed.
together() {
  local pids=() failed=0
  for command in "$@"; do
    bash -c "$command" &
    pids+=("$!")
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  return "$failed"
}

mkdir -p var
npm run format:check || exit 1
npm run lint || exit 1
npm run typecheck || exit 1
npm run test:unit || exit 1
# The build's output is long: shown only when it fails, so the integration tests' report stays readable.
together "npm run test:integration" \
  "npm run test:e2e:build > var/e2e-build.log 2>&1 || { cat var/e2e-build.log; exit 1; }" || exit 1
npm run test:e2e
