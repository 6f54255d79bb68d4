/**
 * The workspaces as this process last read them, for key creation: a create checks its input
 * against a remembered workspace instead of reading it first, and the statement that stores the
 * key inserts it only while the workspace still has the terms those checks read (see
 * keys/insert-key.ts). A remembered workspace can therefore be stale but never lets through a key
 * its current plan or policy forbids; when the statement finds other terms, or a check refuses
 * on remembered terms, the create reads the workspace again (and remembers that).
 */
import type { Kysely } from "kysely";
import { LRUCache } from "lru-cache";
import type { Database, WorkspaceRow } from "../../store/schema.js";
import { getWorkspace } from "./workspaces.js";

/** Most workspaces remembered; the least recently used are forgotten first. */
const MAX_WORKSPACES = 10_000;

export interface WorkspaceSnapshot {
  row: WorkspaceRow;
  /** True when read from the store just now, false when remembered from an earlier read. */
  fresh: boolean;
}

export class WorkspaceSnapshots {
  private readonly rows = new LRUCache<string, WorkspaceRow>({ max: MAX_WORKSPACES });

  constructor(private readonly db: Kysely<Database>) {}

  /** The remembered workspace, or the store's when none is; `NOT_FOUND` when there is none. */
  async get(id: string): Promise<WorkspaceSnapshot> {
    const remembered = this.rows.get(id);
    if (remembered !== undefined) return { row: remembered, fresh: false };
    return { row: await this.read(id), fresh: true };
  }

  /**
   * Forgets the remembered workspace, so the next create reads it again: called after a committed
   * change of its plan, suspension or deletion, which must hold from the very next request.
   */
  forget(id: string): void {
    this.rows.delete(id);
  }

  /** Reads the workspace from the store now and remembers it; `NOT_FOUND` when there is none. */
  async read(id: string): Promise<WorkspaceRow> {
    try {
      const row = await getWorkspace(this.db, id);
      this.rows.set(id, row);
      return row;
    } catch (error) {
      this.rows.delete(id);
      throw error;
    }
  }
}
