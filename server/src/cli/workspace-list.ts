/**
 * `keygate workspace list`: every live workspace (the operator's and its tenants; deleted tenants
 * are gone) with its kind, customer id, plan, status, members and live keys.
 */
import type { Config } from "../config/config.js";
import { type PublicWorkspace, toPublicWorkspace } from "../domain/workspaces/workspaces.js";
import { type CommandIo, processIo } from "./command-io.js";
import { withStore } from "./with-store.js";

export interface WorkspaceSummary extends PublicWorkspace {
  members: number;
  keys: number;
}

function table(rows: string[][]): string[] {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd(),
  );
}

export async function listWorkspaces(
  config: Config,
  args: { json?: boolean } = {},
  io: CommandIo = processIo,
): Promise<WorkspaceSummary[]> {
  const summaries = await withStore(config, { mustExist: true, store: io.store }, async (store) => {
    const rows = await store.db
      .selectFrom("workspaces as w")
      .selectAll("w")
      .where("w.deleted_at", "is", null)
      .select((eb) => [
        eb
          .selectFrom("memberships as m")
          .select(eb.fn.countAll<number>().as("n"))
          .whereRef("m.workspace_id", "=", "w.id")
          .as("members"),
      ])
      .orderBy("w.created_at")
      .orderBy("w.id")
      .execute();
    // live_keys is the workspace's own count of keys not deleted, kept with every change.
    return rows.map(({ members, ...row }) => ({
      ...toPublicWorkspace(row),
      members: Number(members ?? 0),
      keys: row.live_keys,
    }));
  });
  if (args.json) {
    io.print(JSON.stringify(summaries, null, 2));
  } else if (summaries.length === 0) {
    io.print("No workspaces yet.");
  } else {
    const header = ["ID", "NAME", "KIND", "EXTERNAL ID", "PLAN", "STATUS", "MEMBERS", "KEYS", "CREATED"];
    const body = summaries.map((w) => [
      w.id,
      w.name,
      w.kind,
      w.externalId ?? "-",
      w.plan,
      w.suspended ? "suspended" : "active",
      String(w.members),
      String(w.keys),
      w.createdAt,
    ]);
    for (const line of table([header, ...body])) io.print(line);
  }
  return summaries;
}
