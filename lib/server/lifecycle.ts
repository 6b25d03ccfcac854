// The process's life as the production server (scripts/serve.ts) sees it: whether it is draining
// before a stop, and what to close when it stops (the database pool). Kept on globalThis because
// the server script and the app's bundles load this module separately, yet must share one state.
export interface Lifecycle {
  /** Set on SIGTERM: /api/ready answers 503 so a load balancer sends new work elsewhere. */
  draining: boolean;
  /** Run once, after the last request finished: close pools and the like. */
  shutdownHooks: Map<string, () => Promise<void>>;
}

const store = globalThis as unknown as { drillLifecycle?: Lifecycle };

export function lifecycle(): Lifecycle {
  store.drillLifecycle ??= { draining: false, shutdownHooks: new Map() };
  return store.drillLifecycle;
}

/** Registers `close` under `name` (a second registration under the same name replaces the first). */
export function onShutdown(name: string, close: () => Promise<void>): void {
  lifecycle().shutdownHooks.set(name, close);
}

/**
 * Runs every hook, each at most once, last registered first (the database pool, registered when db.ts
 * loads, closes after the job engine that still writes through it); a failing hook doesn't stop the
 * others. Returns the failures.
 */
export async function runShutdownHooks(): Promise<Error[]> {
  const hooks = [...lifecycle().shutdownHooks.values()].reverse();
  lifecycle().shutdownHooks.clear();
  const failures: Error[] = [];
  for (const close of hooks) {
    await close().catch((error: unknown) => failures.push(error instanceof Error ? error : new Error(String(error))));
  }
  return failures;
}
