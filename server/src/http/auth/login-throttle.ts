/**
 * Slows down password guessing: after too many failed sign-ins for one email, or from one IP,
 * within a window, further attempts are refused with 429 and `retry-after` until the window
 * passes. A successful sign-in clears the email's count. In memory, per node.
 */
import type { Clock } from "../../clock.js";
import { ApiError } from "../../errors.js";

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
}

export const EMAIL_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000 };
export const IP_RULE: ThrottleRule = { maxFailures: 20, windowMs: 15 * 60_000 };
const MAX_TRACKED = 100_000;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly emailRule: ThrottleRule = EMAIL_RULE,
    private readonly ipRule: ThrottleRule = IP_RULE,
  ) {}

  /** Throws `RATE_LIMITED` when this email or IP has failed too often lately. */
  check(email: string, ip: string): void {
    const wait = Math.max(
      this.waitMs(`email:${email}`, this.emailRule),
      this.waitMs(`ip:${ip}`, this.ipRule),
    );
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new ApiError("RATE_LIMITED", `too many failed sign-ins; try again in ${seconds} s`, {
        "retry-after": String(seconds),
      });
    }
  }

  recordFailure(email: string, ip: string): void {
    this.push(`email:${email}`, this.emailRule);
    this.push(`ip:${ip}`, this.ipRule);
  }

  recordSuccess(email: string): void {
    this.failures.delete(`email:${email}`);
  }

  private recent(key: string, rule: ThrottleRule): number[] {
    const since = this.clock.nowMs() - rule.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  private waitMs(key: string, rule: ThrottleRule): number {
    const recent = this.recent(key, rule);
    if (recent.length < rule.maxFailures) return 0;
    const oldestCounted = recent[recent.length - rule.maxFailures] ?? this.clock.nowMs();
    return oldestCounted + rule.windowMs - this.clock.nowMs();
  }

  private push(key: string, rule: ThrottleRule): void {
    if (this.failures.size >= MAX_TRACKED && !this.failures.has(key)) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
    this.failures.set(key, [...this.recent(key, rule), this.clock.nowMs()]);
  }
}
