// Next.js runs register() once when a server process starts.
export async function register() {
  // The job engine's workers (pg-boss, child processes) exist only in Node.js, not in the Edge runtime.
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./jobs")).startJobs();
}
