/**
 * Slows down password guessing without letting anyone lock an owner out (OWASP's authentication
 * guidance: throttle per account and source, with growing delays, rather than lock an account):
 *
 * - per email and client address: the first {@link PAIR_RULE}.freeFailures failures within its
 *   window are free; after them each attempt waits a delay that doubles with every further failure
 *   (15 s, 30 s, 60 s, ... at most 15 minutes);
 * - per email from all addresses: a much higher ceiling ({@link EMAIL_RULE}) against guessing
 *   spread over many addresses;
 * - per address across emails: {@link ADDRESS_RULE}, against one source trying many accounts.
 *
 * An attempt is counted as a failure when it starts, before the password is checked, so a burst
 * of parallel attempts gets no more checks than sequential ones; a successful sign-in takes its
 * attempt back and clears the pair's failures. Refusals are 429 with `retry-after`. In memory,
 * per node.
 */
import type { Clock } from "../../clock.js";
import { ApiError } from "../../errors.js";

export interface CeilingRule {
  maxFailures: number;
  windowMs: number;
}

export interface PairRule {
  /** Failures within the window before delays start. */
  freeFailures: number;
  windowMs: number;
  /** The wait after the first failure past the free ones; doubled for each failure after it. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export interface ThrottleRules {
  pair: PairRule;
  email: CeilingRule;
  address: CeilingRule;
}

export const PAIR_RULE: PairRule = {
  freeFailures: 5,
  windowMs: 15 * 60_000,
  firstDelayMs: 15_000,
  maxDelayMs: 15 * 60_000,
};
export const EMAIL_RULE: CeilingRule = { maxFailures: 100, windowMs: 60 * 60_000 };
export const ADDRESS_RULE: CeilingRule = { maxFailures: 20, windowMs: 15 * 60_000 };
export const DEFAULT_RULES: ThrottleRules = { pair: PAIR_RULE, email: EMAIL_RULE, address: ADDRESS_RULE };

const MAX_TRACKED = 100_000;

/** One sign-in attempt, counted when it began; report how it ended. */
export interface LoginAttempt {
  /** The password was right: the attempt is taken back and the pair's failures forgotten. */
  succeeded(): void;
}

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly rules: ThrottleRules = DEFAULT_RULES,
  ) {}

  /**
   * Starts an attempt: throws `RATE_LIMITED` when this email and address must wait, else counts
   * the attempt as a failure right away (until it reports success).
   */
  begin(email: string, address: string): LoginAttempt {
    const keys = { pair: `pair:${address}:${email}`, email: `email:${email}`, address: `ip:${address}` };
    const wait = Math.max(
      this.pairWaitMs(keys.pair),
      this.ceilingWaitMs(keys.email, this.rules.email),
      this.ceilingWaitMs(keys.address, this.rules.address),
    );
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new ApiError("RATE_LIMITED", `too many failed sign-ins; try again in ${seconds} s`, {
        "retry-after": String(seconds),
      });
    }
    const at = this.clock.nowMs();
    this.push(keys.pair, this.rules.pair.windowMs, at);
    this.push(keys.email, this.rules.email.windowMs, at);
    this.push(keys.address, this.rules.address.windowMs, at);
    return {
      succeeded: () => {
        this.failures.delete(keys.pair);
        this.takeBack(keys.email, at);
        this.takeBack(keys.address, at);
      },
    };
  }

  private recent(key: string, windowMs: number): number[] {
    const since = this.clock.nowMs() - windowMs;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  private pairWaitMs(key: string): number {
    const rule = this.rules.pair;
    const recent = this.recent(key, rule.windowMs);
    const past = recent.length - rule.freeFailures;
    const latest = recent.at(-1);
    if (past < 0 || latest === undefined) return 0;
    const delay = Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** past);
    return latest + delay - this.clock.nowMs();
  }

  private ceilingWaitMs(key: string, rule: CeilingRule): number {
    const recent = this.recent(key, rule.windowMs);
    if (recent.length < rule.maxFailures) return 0;
    const oldestCounted = recent[recent.length - rule.maxFailures] ?? this.clock.nowMs();
    return oldestCounted + rule.windowMs - this.clock.nowMs();
  }

  private push(key: string, windowMs: number, at: number): void {
    if (this.failures.size >= MAX_TRACKED && !this.failures.has(key)) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
    this.failures.set(key, [...this.recent(key, windowMs), at]);
  }

  private takeBack(key: string, at: number): void {
    const stamps = this.failures.get(key);
    const index = stamps?.lastIndexOf(at) ?? -1;
    if (stamps === undefined || index < 0) return;
    stamps.splice(index, 1);
    if (stamps.length === 0) this.failures.delete(key);
  }
}
