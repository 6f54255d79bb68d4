/**
 * Authenticates `Authorization: Bearer <root key>` with no store round trip on a cache hit:
 * parse and checksum, SHA-256, then a {@link FencedCache} of hash -> root key (the verifier's
 * mechanism: LRU, negative entries, shared reads in flight, generation fence). Deleting a root key
 * publishes an invalidation, so it stops working at once, even for a read that was in flight when
 * the delete landed: that read answers its own request but is not cached.
 */

import type { Kysely } from "kysely";
import { storeUnavailable } from "../../errors.js";
import type { Database } from "../../store/schema.js";
import { FencedCache, MISSING, type StoreRead } from "../../verifier/fenced-cache.js";
import type { Invalidation } from "../../verifier/invalidation.js";
import { hashSecret, parseKey } from "../key-format.js";
import type { Grant } from "../principal.js";

/** A root key as the caller of a request: cached as is, so a cache hit allocates nothing. */
export interface RootKeyIdentity {
  type: "root_key";
  rootKeyId: string;
  workspaceId: string;
  /** Whether the key belongs to the operator's workspace (platform mode). */
  operator: boolean;
  permissions: readonly Grant[];
}

/** Reads the root key of a secret hash from the store. */
export type RootKeyRead = StoreRead<RootKeyIdentity>;

/**
 * The read over this store: one indexed lookup by secret hash, joined with its workspace. A root
 * key of a deleted workspace is no key at all (deleting a tenant invalidates its root keys).
 */
export function storeRootKeyRead(db: Kysely<Database>): RootKeyRead {
  return async (hash) => {
    const row = await db
      .selectFrom("root_keys")
      .innerJoin("workspaces", "workspaces.id", "root_keys.workspace_id")
      .select(["root_keys.id", "root_keys.workspace_id", "root_keys.permissions", "workspaces.kind"])
      .where("root_keys.secret_hash", "=", hash)
      .where("workspaces.deleted_at", "is", null)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      type: "root_key",
      rootKeyId: row.id,
      workspaceId: row.workspace_id,
      operator: row.kind === "operator",
      permissions: row.permissions as Grant[],
    };
  };
}

export interface RootKeyAuthenticatorOptions {
  /** Most cached root keys (default 10,000). */
  maxEntries?: number;
  /** Safety-net lifetime of a cached root key (default 5 minutes). */
  ttlMs?: number;
  /** Most remembered unknown secrets (default 10,000). */
  maxMissingEntries?: number;
  /** Lifetime of a negative entry (default 10 s). */
  negativeTtlMs?: number;
  /** Milliseconds now, for the lifetimes; `performance.now()` by default. */
  now?: () => number;
}

export class RootKeyAuthenticator {
  private readonly cache: FencedCache<RootKeyIdentity>;

  constructor(read: RootKeyRead, invalidation: Invalidation, options: RootKeyAuthenticatorOptions = {}) {
    this.cache = new FencedCache(read, {
      maxEntries: options.maxEntries ?? 10_000,
      ttlMs: options.ttlMs ?? 5 * 60_000,
      maxMissingEntries: options.maxMissingEntries ?? 10_000,
      missingTtlMs: options.negativeTtlMs ?? 10_000,
      now: options.now,
    });
    invalidation.subscribe((message) => {
      if (message.kind === "root_key") this.cache.invalidate(message.hashes);
      else if (message.kind === "channel") this.cache.reset(message.live);
    });
  }

  /** Moves with every root key invalidation: whoever remembers an identity checks it again. */
  get generation(): number {
    return this.cache.generation;
  }

  /**
   * The root key for this presented secret, or `undefined` when it is malformed or unknown.
   * Answers synchronously from the cache; only a miss returns a promise (one store read), which
   * rejects with `UNAVAILABLE` when the store cannot be read.
   */
  authenticate(secret: string): RootKeyIdentity | undefined | Promise<RootKeyIdentity | undefined> {
    const hash = hashSecret(secret);
    const cached = this.cache.peek(hash);
    // A cached identity proves the secret well formed (only the real key has its hash).
    if (cached !== undefined) return cached === MISSING ? undefined : cached;
    if (parseKey(secret) === undefined) return undefined;
    return this.cache.load(hash).catch(() => {
      throw storeUnavailable();
    });
  }
}
