/**
 * Authenticates `Authorization: Bearer <root key>` with no store round trip on a cache hit:
 * parse and checksum, SHA-256, then an LRU of hash -> root key (negative entries too). Deleting a
 * root key publishes an invalidation, so it stops working at once.
 */

import type { Kysely } from "kysely";
import { LRUCache } from "lru-cache";
import type { Database } from "../../store/schema.js";
import type { Invalidation } from "../../verifier/invalidation.js";
import { hashSecret, parseKey } from "../key-format.js";
import type { Grant } from "../principal.js";

/** A root key as the caller of a request: cached as is, so a cache hit allocates nothing. */
export interface RootKeyIdentity {
  type: "root_key";
  rootKeyId: string;
  workspaceId: string;
  permissions: readonly Grant[];
}

const MISSING = Symbol("missing");
type Entry = RootKeyIdentity | typeof MISSING;

export class RootKeyAuthenticator {
  private readonly cache: LRUCache<string, Entry>;

  constructor(
    private readonly db: Kysely<Database>,
    invalidation: Invalidation,
    options: { maxEntries?: number; ttlMs?: number; negativeTtlMs?: number } = {},
  ) {
    this.negativeTtlMs = options.negativeTtlMs ?? 10_000;
    this.cache = new LRUCache<string, Entry>({
      max: options.maxEntries ?? 10_000,
      ttl: options.ttlMs ?? 5 * 60_000,
    });
    invalidation.subscribe((message) => {
      if (message.kind !== "root_key") return;
      this.changes += 1;
      for (const hash of message.hashes) this.cache.delete(hash);
    });
  }

  private readonly negativeTtlMs: number;
  private changes = 0;

  /** Moves with every root key invalidation: whoever remembers an identity checks it again. */
  get generation(): number {
    return this.changes;
  }

  /**
   * The root key for this presented secret, or `undefined` when it is malformed or unknown.
   * Answers synchronously from the cache; only a miss returns a promise (one store read).
   */
  authenticate(secret: string): RootKeyIdentity | undefined | Promise<RootKeyIdentity | undefined> {
    const hash = hashSecret(secret);
    const cached = this.cache.get(hash);
    // A cached identity proves the secret well formed (only the real key has its hash).
    if (cached !== undefined) return cached === MISSING ? undefined : cached;
    if (parseKey(secret) === undefined) return undefined;
    return this.load(hash);
  }

  private async load(hash: string): Promise<RootKeyIdentity | undefined> {
    const row = await this.db
      .selectFrom("root_keys")
      .select(["id", "workspace_id", "permissions"])
      .where("secret_hash", "=", hash)
      .executeTakeFirst();
    if (!row) {
      this.cache.set(hash, MISSING, { ttl: this.negativeTtlMs });
      return undefined;
    }
    const identity: RootKeyIdentity = {
      type: "root_key",
      rootKeyId: row.id,
      workspaceId: row.workspace_id,
      permissions: row.permissions as Grant[],
    };
    this.cache.set(hash, identity);
    return identity;
  }
}
