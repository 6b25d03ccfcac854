// Prometheus metrics (prom-client), served at /api/metrics to a holder of METRICS_TOKEN. Kept on
// globalThis: the server script (request latency) and the app's bundles (ratings, the pool) load
// this module separately but must fill one registry.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export interface Metrics {
  registry: Registry;
  ratingsSaved: Counter;
  ratingSeconds: Histogram;
  requestSeconds: Histogram<"route" | "method" | "status">;
}

const store = globalThis as unknown as { drillMetrics?: Metrics };

function create(): Metrics {
  const registry = new Registry();
  // Process memory (resident, heap), CPU, event loop lag, open handles.
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    ratingsSaved: new Counter({
      name: "drill_ratings_saved_total",
      help: "Ratings stored (duplicates and stale ones not counted)",
      registers: [registry],
    }),
    ratingSeconds: new Histogram({
      name: "drill_rating_duration_seconds",
      help: "Time to record one batch of ratings (read, decide, write)",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    requestSeconds: new Histogram({
      name: "drill_http_request_duration_seconds",
      help: "HTTP request time by route (ids collapsed to :id), method and status",
      labelNames: ["route", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

export function metrics(): Metrics {
  store.drillMetrics ??= create();
  return store.drillMetrics;
}

/**
 * A gauge read when Prometheus scrapes: `read` returns a value per label value, e.g. the database
 * pool's connections by state, or the job engine's jobs by state (`drill_jobs{state}`). Registering
 * a name again replaces the earlier one (the dev server reloads modules).
 */
export function addGaugeCollector(spec: {
  name: string;
  help: string;
  label: string;
  read: () => Record<string, number> | Promise<Record<string, number>>;
}): void {
  const { registry } = metrics();
  registry.removeSingleMetric(spec.name);
  new Gauge({
    name: spec.name,
    help: spec.help,
    labelNames: [spec.label],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [value, count] of Object.entries(await spec.read())) this.set({ [spec.label]: value }, count);
    },
  });
}
