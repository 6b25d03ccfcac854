// The FSRS optimizer: fsrs-rs compiled natively, from @open-spaced-repetition/binding's x64 glibc
// build. We depend on that build directly, as an optional dependency, and load it here: the umbrella
// package names eleven platform builds, and ten of them are not published at 0.5.0, which leaves any
// lock file out of sync for `npm ci`. Where the build can't install or load (another CPU or libc),
// fitting is "not available on this server" and everything else works.
import "server-only";
import { createRequire } from "node:module";
import path from "node:path";

export const OPTIMIZER_PACKAGE = "@open-spaced-repetition/binding-linux-x64-gnu";

/** The part of the binding's API that Drill uses (its own .d.ts, trimmed to what we call). */
export interface OptimizerBinding {
  FSRSBindingReview: new (rating: number, deltaT: number) => OptimizerReview;
  FSRSBindingItem: new (reviews: OptimizerReview[]) => OptimizerItem;
  FSRSBinding: new (parameters?: number[]) => { evaluate(trainSet: OptimizerItem[]): { logLoss: number; rmseBins: number } };
  computeParameters(
    trainSet: OptimizerItem[],
    options: {
      enableShortTerm: boolean;
      /** How often, in ms, the call polls the Rust thread; the default 500 is added to every call. */
      timeout?: number;
      progress?: (current: number, total: number) => boolean | undefined;
    },
  ): Promise<number[]>;
}
declare const reviewBrand: unique symbol;
declare const itemBrand: unique symbol;
export interface OptimizerReview {
  readonly [reviewBrand]: true;
}
export interface OptimizerItem {
  readonly [itemBrand]: true;
}

function isOptimizer(value: unknown): value is OptimizerBinding {
  const binding = value as Partial<Record<keyof OptimizerBinding, unknown>> | null;
  return (
    typeof binding?.computeParameters === "function" &&
    typeof binding.FSRSBinding === "function" &&
    typeof binding.FSRSBindingItem === "function" &&
    typeof binding.FSRSBindingReview === "function"
  );
}

let loading: Promise<OptimizerBinding | null> | null = null;

export function loadOptimizer(): Promise<OptimizerBinding | null> {
  // Resolved from the app's own node_modules at run time (the app runs from its root), so neither
  // bundler tries to pack a .node file.
  const nativeRequire = createRequire(path.join(process.cwd(), "package.json"));
  loading ??= Promise.resolve()
    .then(() => nativeRequire(OPTIMIZER_PACKAGE) as unknown)
    .then(
      (binding) => (isOptimizer(binding) ? binding : null),
      () => null,
    );
  return loading;
}

export async function optimizerAvailable(): Promise<boolean> {
  return (await loadOptimizer()) !== null;
}
