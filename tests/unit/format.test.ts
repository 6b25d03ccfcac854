// How waits read: within the hour as a countdown, later as a day and time.
import { describe, expect, it } from "vitest";
import { formatCountdown, formatWhen } from "@/lib/format";

describe("waits", () => {
  it("counts down within the hour", () => {
    expect(formatCountdown(41_200)).toBe("42 s");
    expect(formatCountdown(185_000)).toBe("3 min 05 s");
    expect(formatCountdown(120_000)).toBe("2 min");
    expect(formatCountdown(12 * 60_000 + 1)).toBe("13 min");
    const now = new Date("2026-12-01T12:00:00Z");
    expect(formatWhen(new Date(now.getTime() + 59_000), now)).toBe("in 59 s");
    expect(formatWhen(new Date(now.getTime() - 1), now)).toBe("now");
    expect(formatWhen(new Date(now.getTime() + 3 * 3_600_000), now)).toMatch(/^today at|^tomorrow at/);
  });
});
