// The FSRS optimizer (@open-spaced-repetition/binding, Rust compiled natively for this platform). It
// ships for a list of CPUs and libcs; where it can't load, fitting is "not available on this server"
// and everything else works.
import "server-only";

type Binding = typeof import("@open-spaced-repetition/binding");

let loading: Promise<Binding | null> | null = null;

export function loadOptimizer(): Promise<Binding | null> {
  loading ??= import("@open-spaced-repetition/binding").then(
    (binding) => (typeof binding.computeParameters === "function" ? binding : null),
    () => null,
  );
  return loading;
}

export async function optimizerAvailable(): Promise<boolean> {
  return (await loadOptimizer()) !== null;
}
