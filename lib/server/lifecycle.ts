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

/** Runs every hook, each at most once; a failing hook doesn't stop the others. Returns the failures. */
export async function runShutdownHooks(): Promise<Error[]> {
  const hooks = [...lifecycle().shutdownHooks.values()];
  lifecycle().shutdownHooks.clear();
  const results = await Promise.allSettled(hooks.map((close) => close()));
  return results.flatMap((r) => (r.status === "rejected" ? [r.reason as Error] : []));
}
