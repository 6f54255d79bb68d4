/**
 * Cache invalidation: a change to a key, root key or workspace must reach every verifier cache before the
 * management call returns. Single node: {@link LocalInvalidation} calls the handlers in process.
 * Cluster mode adds implementations over PostgreSQL LISTEN/NOTIFY and Redis pub/sub.
 */
import type { Plan } from "../store/schema.js";

/** Secret hashes whose cached verification records (or root keys) are stale. */
export interface SecretsInvalidation {
  kind: "key" | "root_key";
  /** SHA-256 (base64url) of each secret to drop. */
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

export type InvalidationMessage = SecretsInvalidation | WorkspaceInvalidation;

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
