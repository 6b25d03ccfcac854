// Bounded retries for a reminder's delivery: a failing SMTP server or push service is tried a few
// times, then given up on and logged. Logs name the channel and the error's message only (never a
// token, an address's link or a card's text).
export interface RetryPolicy {
  attempts: number;
  /** Waits before the 2nd, 3rd, ... attempt (ms); the last is reused when there are more attempts. */
  delaysMs: number[];
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, delaysMs: [2_000, 10_000] };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `send` until it succeeds or `policy.attempts` are spent; `permanent` errors stop at once. */
export async function withRetries(
  label: string,
  send: () => Promise<void>,
  policy: RetryPolicy = DEFAULT_RETRY,
  permanent: (error: unknown) => boolean = () => false,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      await send();
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message.slice(0, 200) : "unknown error";
      const last = attempt >= policy.attempts || permanent(error);
      console.error(`[reminders] ${label}: attempt ${attempt} of ${policy.attempts} failed${last ? ", giving up" : ""}: ${message}`);
      if (last) return false;
      await sleep(policy.delaysMs[Math.min(attempt - 1, policy.delaysMs.length - 1)] ?? 0);
    }
  }
}
