/**
 * What key creation keeps between calls, built once per store at start: the workspaces as last
 * read (checks read them from memory; the insert re-checks them under the workspace's lock) and
 * the group commit that stores concurrent creates together.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../store/schema.js";
import { WorkspaceSnapshots } from "../workspaces/workspace-snapshots.js";
import { KeyInsertGroups } from "./key-insert-groups.js";

export interface KeyCreation {
  workspaces: WorkspaceSnapshots;
  inserts: KeyInsertGroups;
}

export function createKeyCreation(db: Kysely<Database>): KeyCreation {
  return { workspaces: new WorkspaceSnapshots(db), inserts: new KeyInsertGroups(db) };
}
