/**
 * When a failed webhook delivery is tried again: exponential backoff with jitter, eleven attempts
 * spread over about 24 hours (5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h, 8 h between
 * them, each stretched or shrunk by up to 20 % so that receivers coming back from an outage are
 * not hit by every retry at once). After the last one the delivery has failed and its endpoint is
 * marked failing.
 */

/** The wait after attempt n (1-based) failed, before jitter; its length is the number of retries. */
export const RETRY_DELAYS_MS: readonly number[] = [
  5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000, 28_800_000,
];

/** Attempts in all: the first and every retry. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** The share by which a delay may be shorter or longer. */
export const JITTER = 0.2;

/**
 * The wait after the `attempt`-th attempt failed, or null when it was the last.
 * `random` in [0, 1) picks the jitter (tests pass a fixed one).
 * @example retryDelayMs(1, () => 0.5) === 5_000
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number | null {
  const base = RETRY_DELAYS_MS[attempt - 1];
  if (base === undefined) return null;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}
