import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { backends } from "../../test/backends.js";
import { type CapturedIo, type CliTarget, cliTarget } from "../../test/cli-target.js";
import { createWorkspace } from "../domain/workspaces/workspaces.js";
import type { Store } from "../store/database.js";
import type { WorkspaceRow } from "../store/schema.js";
import { CliError } from "./cli-error.js";
import { runCli } from "./program.js";
import { setWorkspacePlan } from "./workspace-plan.js";

const CREATED = new Date("2026-01-01T00:00:00.000Z");

async function planChanges(store: Store, workspaceId: string) {
  return store.db
    .selectFrom("audit_events")
    .select(["actor_type", "actor_id", "action", "target_type", "target_id", "ip", "details", "created_at"])
    .where("workspace_id", "=", workspaceId)
    .where("action", "=", "workspace.plan_changed")
    .execute();
}

describe.each(backends)("keygate workspace plan on $name", (backend) => {
  let target: CliTarget;
  let io: CapturedIo;
  let free: WorkspaceRow;
  let other: WorkspaceRow;
  let acme: string;
  let globex: string;
  let round = 0;
  /** Six pairs of workspaces, one per test, seeded with one open of the store. */
  let pairs: Array<[WorkspaceRow, WorkspaceRow]> = [];
  beforeAll(async () => {
    target = await cliTarget(backend);
    pairs = await target.withDb(async (store) => {
      const seeded: Array<[WorkspaceRow, WorkspaceRow]> = [];
      for (let n = 1; n <= 6; n++) {
        seeded.push([
          await createWorkspace(store.db, {
            name: `Acme ${n}`,
            plan: "free",
            keyPrefix: "acme",
            at: CREATED,
          }),
          await createWorkspace(store.db, {
            name: `Globex ${n}`,
            plan: "pro",
            keyPrefix: "globex",
            at: CREATED,
          }),
        ]);
      }
      return seeded;
    });
  });
  afterAll(async () => target.remove());
  beforeEach(() => {
    io = target.io();
    const pair = pairs[round];
    round += 1;
    if (!pair) throw new Error("seed a pair of workspaces per test");
    [free, other] = pair;
    acme = free.name;
    globex = other.name;
  });

  it("sets the plan of a workspace named by id, with its audit event, in one go", async () => {
    const change = await setWorkspacePlan(target.config, { workspace: free.id, plan: "pro" }, io);
    expect(change).toMatchObject({ previousPlan: "free", changed: true });
    expect(change.workspace).toMatchObject({
      id: free.id,
      plan: "pro",
      updatedAt: "2026-06-01T12:00:00.000Z",
    });
    expect(change.workspace.entitlements.apiAccess).toBe(true);
    expect(io.out).toEqual([`Workspace "${acme}" (${free.id}) is now on the pro plan (was free).`]);
    await target.withDb(async (store) => {
      const row = await store.db
        .selectFrom("workspaces")
        .selectAll()
        .where("id", "=", free.id)
        .executeTakeFirst();
      expect(row).toMatchObject({ plan: "pro", updated_at: io.clock.now() });
      expect(await planChanges(store, free.id)).toEqual([
        {
          actor_type: "system",
          actor_id: null,
          action: "workspace.plan_changed",
          target_type: "workspace",
          target_id: free.id,
          ip: null,
          details: { from: "free", to: "pro", source: "cli" },
          created_at: io.clock.now(),
        },
      ]);
      const untouched = await store.db
        .selectFrom("workspaces")
        .select("plan")
        .where("id", "=", other.id)
        .executeTakeFirst();
      expect(untouched).toEqual({ plan: "pro" });
    });
  });

  it("finds a workspace by its exact name through the command line", async () => {
    expect(await runCli(["workspace", "plan", globex, "enterprise"], io)).toBe(0);
    expect(io.out).toEqual([`Workspace "${globex}" (${other.id}) is now on the enterprise plan (was pro).`]);
    expect(io.errors).toEqual([]);
  });

  it("changes nothing and writes no event when the plan is already set", async () => {
    const change = await setWorkspacePlan(target.config, { workspace: globex, plan: "pro" }, io);
    expect(change.changed).toBe(false);
    expect(io.out).toEqual([
      `Workspace "${globex}" (${other.id}) is already on the pro plan; nothing changed.`,
    ]);
    await target.withDb(async (store) => expect(await planChanges(store, other.id)).toEqual([]));
  });

  it("refuses an unknown workspace, an ambiguous name and an unknown plan", async () => {
    await expect(setWorkspacePlan(target.config, { workspace: "Initech", plan: "pro" }, io)).rejects.toThrow(
      new CliError('no workspace has the id, name or externalId "Initech" (see: keygate workspace list)'),
    );
    await expect(
      setWorkspacePlan(target.config, { workspace: "ws_01JD0000000000000000000000", plan: "pro" }, io),
    ).rejects.toThrow(/no workspace has the id, name or externalId "ws_01JD0000000000000000000000"/);
    const twin = await target.withDb((store) =>
      createWorkspace(store.db, { name: acme, plan: "free", keyPrefix: "acme", at: CREATED }),
    );
    await expect(setWorkspacePlan(target.config, { workspace: acme, plan: "pro" }, io)).rejects.toThrow(
      `2 workspaces are named or have the externalId "${acme}" (${free.id}, ${twin.id}); give the id instead`,
    );
    await expect(setWorkspacePlan(target.config, { workspace: free.id, plan: "gold" }, io)).rejects.toThrow(
      'the plan must be one of free, pro, enterprise (got "gold")',
    );
    await target.withDb(async (store) => {
      const plans = await store.db
        .selectFrom("workspaces")
        .select("plan")
        .where("id", "in", [free.id, other.id, twin.id])
        .orderBy("id")
        .execute();
      expect(plans).toEqual([{ plan: "free" }, { plan: "pro" }, { plan: "free" }]);
      expect(await planChanges(store, free.id)).toEqual([]);
    });
    expect(io.out).toEqual([]);
  });

  it("answers an unknown plan on the command line with the choices and exit code 2 (a usage error)", async () => {
    expect(await runCli(["workspace", "plan", acme, "gold"], io)).toBe(2);
    expect(io.errors[0]).toBe(
      "error: command-argument value 'gold' is invalid for argument 'plan'. Allowed choices are free, pro, enterprise.",
    );
  });

  it("finds a tenant by its externalId, audits it in the operator's trail too, and refuses a deleted one", async () => {
    const { operator, tenant, deleted } = await target.withDb(async (store) => {
      const op = await createWorkspace(store.db, {
        name: "Platform",
        plan: "enterprise",
        keyPrefix: "plat",
        kind: "operator",
        at: CREATED,
      });
      const made = await store.db
        .updateTable("workspaces")
        .set({ external_id: "cus_cli_42" })
        .where("id", "=", free.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const gone = await store.db
        .updateTable("workspaces")
        .set({ deleted_at: CREATED, external_id: null })
        .where("id", "=", other.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { operator: op, tenant: made, deleted: gone };
    });
    expect(await runCli(["workspace", "plan", "cus_cli_42", "enterprise"], io)).toBe(0);
    expect(io.out).toEqual([
      `Workspace "${tenant.name}" (${tenant.id}) is now on the enterprise plan (was free).`,
    ]);
    await target.withDb(async (store) => {
      const details = { from: "free", to: "enterprise", source: "cli" };
      expect(await planChanges(store, tenant.id)).toMatchObject([{ target_id: tenant.id, details }]);
      expect(await planChanges(store, operator.id)).toMatchObject([
        {
          actor_type: "system",
          target_id: tenant.id,
          details: { ...details, tenant: { id: tenant.id, name: tenant.name, externalId: "cus_cli_42" } },
        },
      ]);
    });
    await expect(
      setWorkspacePlan(target.config, { workspace: deleted.id, plan: "free" }, io),
    ).rejects.toThrow(
      new CliError(
        `no workspace has the id, name or externalId "${deleted.id}" (see: keygate workspace list)`,
      ),
    );
  });
});
