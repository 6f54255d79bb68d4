/**
 * Cache invalidation: a change to a key, root key or workspace must reach every verifier cache before the
 * management call returns. Single node: {@link LocalInvalidation} calls the handlers in process.
 * Cluster mode: the same interface over PostgreSQL LISTEN/NOTIFY or Redis pub/sub
 * (cluster/channel-invalidation.ts).
 */
import type { ForeignKeyFormat } from "../domain/workspaces/foreign-key-formats.js";
import type { Plan } from "../store/schema.js";

/**
 * Keys of one workspace that changed: their cached verification records are stale. The ids and
 * the workspace are what the event stream tells SDK caches (never the hashes).
 */
export interface KeyInvalidation {
  kind: "key";
  workspaceId: string;
  /** The changed keys. */
  keyIds: string[];
  /** SHA-256 (base64url) of each of their secrets (current and in grace) to drop. */
  hashes: string[];
}

/** Root keys that were deleted (or whose workspace was): their cached identities are stale. */
export interface RootKeyInvalidation {
  kind: "root_key";
  /** SHA-256 (base64url) of each root key's secret. */
  hashes: string[];
}

/**
 * A workspace's state as verification judges it, after a change of its plan, suspension or
 * deletion (deleted counts as suspended): every cached key of the workspace sees it at once.
 */
export interface WorkspaceInvalidation {
  kind: "workspace";
  workspace: { id: string; externalId: string | null; plan: Plan; suspended: boolean };
}

/**
 * A workspace's foreign key formats after a change (PATCH /v1/workspace): every verifier compiles
 * them once and from then on looks up the keys they admit (foreign-formats.ts).
 */
export interface ForeignFormatsInvalidation {
  kind: "foreign_formats";
  workspaceId: string;
  /** The whole new list (at most 10 formats, each at most ~240 characters). */
  formats: ForeignKeyFormat[];
}

/**
 * The channel between the nodes went down or came back, told to this node's handlers only (never
 * sent over a channel). `live: false`: changes made on other nodes no longer reach this one, so
 * every cache drops everything and stops caching; `live: true`: they do again, so every cache drops
 * what it may have loaded meanwhile and caches again. A node therefore never serves an entry older
 * than its disconnection.
 */
export interface ChannelInvalidation {
  kind: "channel";
  live: boolean;
}

/** What a channel carries between nodes. */
export type ClusterInvalidationMessage =
  | KeyInvalidation
  | RootKeyInvalidation
  | WorkspaceInvalidation
  | ForeignFormatsInvalidation;

export type InvalidationMessage = ClusterInvalidationMessage | ChannelInvalidation;

export type InvalidationHandler = (message: InvalidationMessage) => void;

export interface Invalidation {
  /** Drops the entries here and, in a cluster, on every other node; resolves once sent. */
  publish(message: ClusterInvalidationMessage): Promise<void>;
  subscribe(handler: InvalidationHandler): void;
  close(): Promise<void>;
}

export class LocalInvalidation implements Invalidation {
  private readonly handlers: InvalidationHandler[] = [];

  async publish(message: ClusterInvalidationMessage): Promise<void> {
    for (const handler of this.handlers) handler(message);
  }

  subscribe(handler: InvalidationHandler): void {
    this.handlers.push(handler);
  }

  async close(): Promise<void> {
    this.handlers.length = 0;
  }
}
