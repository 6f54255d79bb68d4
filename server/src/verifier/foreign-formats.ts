/**
 * The verifier's copy of every workspace's foreign key formats (domain/workspaces/
 * foreign-key-formats.ts), compiled once: loaded from the store at start and replaced, per
 * workspace, by each `foreign_formats` invalidation message. Verification asks it only about a
 * key that failed Keygate's format check, so a Keygate key never reaches it, and a malformed key
 * costs one check of an empty map while no workspace has formats.
 *
 * A caller of reach `own` is admitted only by its workspace's formats; a caller of reach `any`
 * (`keys:verify:any`) by any workspace's. A suspended or deleted workspace keeps its formats, so
 * its imported keys answer WORKSPACE_SUSPENDED as its Keygate keys do, before and after a restart.
 *
 * A store that cannot be reached at start does not stop the start (the service answers /readyz
 * 503 meanwhile): {@link loadInBackground} logs it and tries again, every second up to every 30 s,
 * until the formats are read; until then only the messages' formats are known.
 */
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import {
  type CompiledKeyFormat,
  compileForeignKeyFormats,
  type ForeignKeyFormat,
  matchingFormat,
  readForeignKeyFormats,
} from "../domain/workspaces/foreign-key-formats.js";
import type { Database } from "../store/schema.js";
import type { VerifyReach } from "./verify-reach.js";

const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 30_000;

export class ForeignFormats {
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  private readonly byWorkspace = new Map<string, CompiledKeyFormat[]>();
  /** Every workspace's formats, for callers of reach `any`. */
  private all: CompiledKeyFormat[] = [];
  /** Workspaces changed by a message while the start's load ran: the load must not undo them. */
  private changedWhileLoading: Set<string> | undefined;

  /** Reads every workspace's formats from the store (at start, and when the channel comes back). */
  async load(db: Kysely<Database>): Promise<void> {
    this.changedWhileLoading = new Set();
    try {
      const rows = await db
        .selectFrom("workspaces")
        .select(["id", "foreign_key_formats"])
        .where(({ eb, fn }) => eb(fn("jsonb_array_length", ["foreign_key_formats"]), ">", 0))
        .execute();
      const changed = this.changedWhileLoading;
      const loaded = new Set<string>();
      for (const row of rows) {
        loaded.add(row.id);
        if (!changed.has(row.id)) this.put(row.id, readForeignKeyFormats(row.foreign_key_formats));
      }
      // A reload (after the node's channel came back) also forgets formats removed meanwhile.
      for (const workspaceId of [...this.byWorkspace.keys()]) {
        if (!loaded.has(workspaceId) && !changed.has(workspaceId)) this.byWorkspace.delete(workspaceId);
      }
    } finally {
      this.changedWhileLoading = undefined;
      this.rebuildAll();
    }
  }

  /**
   * Loads now; when the store fails, logs it and tries again later, until it works or
   * {@link stop}. Resolves after the first try, whatever its outcome.
   */
  async loadInBackground(db: Kysely<Database>, logger: Logger, waitMs = FIRST_RETRY_MS): Promise<void> {
    if (this.stopped) return;
    try {
      await this.load(db);
    } catch (error) {
      if (this.stopped) return;
      logger.warn(
        { err: error, retryInMs: waitMs },
        "foreign key formats not loaded: the store did not answer; trying again",
      );
      this.retry = setTimeout(() => {
        this.retry = undefined;
        void this.loadInBackground(db, logger, Math.min(waitMs * 2, LONGEST_RETRY_MS));
      }, waitMs);
      this.retry.unref();
    }
  }

  /** Ends the retries of {@link loadInBackground} (at close). */
  stop(): void {
    this.stopped = true;
    if (this.retry !== undefined) clearTimeout(this.retry);
    this.retry = undefined;
  }

  /** Replaces a workspace's formats (an invalidation message). */
  apply(workspaceId: string, formats: readonly ForeignKeyFormat[]): void {
    this.changedWhileLoading?.add(workspaceId);
    this.put(workspaceId, formats);
    this.rebuildAll();
  }

  /**
   * Whether a key that is not in Keygate's format may still be looked up: it starts with a
   * foreign prefix of the caller's workspace (of any workspace for reach `any`) and matches its
   * pattern.
   */
  admits(key: string, workspaceId: string, reach: VerifyReach): boolean {
    if (this.byWorkspace.size === 0) return false;
    const formats = reach === "any" ? this.all : this.byWorkspace.get(workspaceId);
    return formats !== undefined && matchingFormat(formats, key) !== undefined;
  }

  private put(workspaceId: string, formats: readonly ForeignKeyFormat[]): void {
    const compiled = compileForeignKeyFormats(formats);
    if (compiled.length === 0) this.byWorkspace.delete(workspaceId);
    else this.byWorkspace.set(workspaceId, compiled);
  }

  private rebuildAll(): void {
    this.all = [...this.byWorkspace.values()].flat();
  }
}
