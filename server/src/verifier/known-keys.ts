/**
 * Which workspace a key id belongs to, as far as this node has seen: the record a verification
 * with `record: true` answered (an SDK asks so before it judges a key locally) and the keys a usage
 * report read from the store. Usage reports check reach against it without a store read for the
 * keys an SDK can report; what is not here is read in one batched query. A key's workspace never
 * changes; a deleted key is forgotten at its invalidation, and the TTL bounds the rest.
 */
import { LRUCache } from "lru-cache";

export interface KnownKeysOptions {
  /** Most remembered keys (default 100,000). */
  maxEntries?: number;
  /** How long a key is remembered (default 5 minutes). */
  ttlMs?: number;
}

export class KnownKeys {
  private readonly workspaces: LRUCache<string, string>;

  constructor(options: KnownKeysOptions = {}) {
    this.workspaces = new LRUCache({ max: options.maxEntries ?? 100_000, ttl: options.ttlMs ?? 5 * 60_000 });
  }

  remember(keyId: string, workspaceId: string): void {
    this.workspaces.set(keyId, workspaceId);
  }

  /** The key's workspace, or undefined when this node has not seen the key lately. */
  workspaceOf(keyId: string): string | undefined {
    return this.workspaces.get(keyId);
  }

  /** Forgets every key (the node may have missed deletions while its channel was down). */
  clear(): void {
    this.workspaces.clear();
  }

  forget(keyIds: readonly string[]): void {
    for (const keyId of keyIds) this.workspaces.delete(keyId);
  }
}
