/**
 * When an idempotent call is tried again: after a network failure, a 5xx, or a 429 that says when
 * to come back (`retry-after`), with exponential backoff and full jitter (a random wait between 0
 * and `base * 2^attempt`, capped), so many clients that failed together do not return together.
 */

export const RETRY_BASE_MS = 100;
export const RETRY_CAP_MS = 2_000;
/** A `retry-after` longer than this is not waited for: the call fails with the server's 429. */
export const MAX_RETRY_AFTER_MS = 30_000;

/** The wait before retry number `attempt` (0 for the first retry). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** attempt));
}

/** `retry-after` in milliseconds (seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * How long to wait before trying an answered call again, or undefined when its answer is final:
 * any 5xx, and a 429 with a `retry-after` of at most {@link MAX_RETRY_AFTER_MS}.
 */
export function retryDelayForAnswer(
  status: number,
  retryAfter: string | null,
  attempt: number,
): number | undefined {
  if (status >= 500) return backoffDelay(attempt);
  if (status !== 429) return undefined;
  const after = retryAfterMs(retryAfter);
  if (after === undefined || after > MAX_RETRY_AFTER_MS) return undefined;
  return Math.max(after, backoffDelay(attempt));
}
