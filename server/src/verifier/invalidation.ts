/**
 * Cache invalidation: a change to a key, root key or workspace must reach every verifier cache before the
 * management call returns. Single node: {@link LocalInvalidation} calls the handlers in process.
 * Cluster mode adds implementations over PostgreSQL LISTEN/NOTIFY and Redis pub/sub.
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

export type InvalidationMessage =
  | KeyInvalidation
  | RootKeyInvalidation
  | WorkspaceInvalidation
  | ForeignFormatsInvalidation;

export type InvalidationHandler = (message: InvalidationMessage) => void;

export interface Invalidation {
  /** Drops the entries here and, in a cluster, on every other node; resolves once sent. */
  publish(message: InvalidationMessage): Promise<void>;
  subscribe(handler: InvalidationHandler): void;
  close(): Promise<void>;
}

export class LocalInvalidation implements Invalidation {
  private readonly handlers: InvalidationHandler[] = [];

  async publish(message: InvalidationMessage): Promise<void> {
    for (const handler of this.handlers) handler(message);
  }

  subscribe(handler: InvalidationHandler): void {
    this.handlers.push(handler);
  }

  async close(): Promise<void> {
    this.handlers.length = 0;
  }
}
