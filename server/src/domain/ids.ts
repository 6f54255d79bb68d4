/**
 * Prefixed, random, time-sortable ids (`key_01JD...`): logs and URLs say what they point at.
 */
import { randomBytes } from "node:crypto";
import { monotonicFactory } from "ulidx";

export const ID_PREFIXES = {
  workspace: "ws",
  user: "usr",
  api: "api",
  app: "app",
  key: "key",
  event: "evt",
  session: "ses",
  member: "mem",
  invitation: "inv",
  identity: "idn",
  request: "req",
  webhook: "whk",
  delivery: "whd",
  attempt: "wha",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

/**
 * ulidx's default PRNG asks the OS for each character (~50 µs for a new millisecond's id); the
 * same CSPRNG bytes drawn from a pool cost ~0.7 µs. Every request gets an id, so this matters.
 * A byte / 256 maps evenly onto the 32 ULID characters.
 */
let pool = randomBytes(4096);
let poolOffset = 0;
function pooledRandom(): number {
  if (poolOffset >= pool.length) {
    pool = randomBytes(4096);
    poolOffset = 0;
  }
  return (pool[poolOffset++] ?? 0) / 256;
}

const ulid = monotonicFactory(pooledRandom);

/**
 * A new id for an entity of this kind.
 * @example newId("key") // "key_01JDQ7Z8X9..."
 */
export function newId(kind: IdKind): string {
  return `${ID_PREFIXES[kind]}_${ulid()}`;
}

const ULID_PATTERN = "[0-9A-HJKMNP-TV-Z]{26}";

/** Whether `value` looks like an id of this kind (cheap shape check before a lookup). */
export function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${ID_PREFIXES[kind]}_${ULID_PATTERN}$`).test(value);
}
