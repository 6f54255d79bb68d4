import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../test/backends.js";
import { type CliTarget, cliTarget } from "../../test/cli-target.js";
import { keyRow } from "../../test/store-fixtures.js";
import { hashPassword } from "../domain/users/passwords.js";
import { addMember, createUser } from "../domain/users/users.js";
import { createWorkspace } from "../domain/workspaces/workspaces.js";
import type { WorkspaceRow } from "../store/schema.js";
import { runCli } from "./program.js";
import { listWorkspaces } from "./workspace-list.js";

const AT = new Date("2026-01-01T00:00:00.000Z");

describe.each(backends)("keygate workspace list on $name", (backend) => {
  let target: CliTarget;
  let acme: WorkspaceRow;
  let globex: WorkspaceRow;
  beforeAll(async () => {
    target = await cliTarget(backend);
  });
  afterAll(async () => target.remove());

  it("says so when there is no workspace", async () => {
    const io = target.io();
    expect(await listWorkspaces(target.config, {}, io)).toEqual([]);
    expect(io.out).toEqual(["No workspaces yet."]);
  });

  it("lists every workspace, oldest first, with its members and live keys", async () => {
    [acme, globex] = await target.withDb(async (store) => {
      const a = await createWorkspace(store.db, {
        name: "Acme",
        plan: "enterprise",
        keyPrefix: "acme",
        at: AT,
      });
      const g = await createWorkspace(store.db, {
        name: "Globex Corporation",
        plan: "free",
        keyPrefix: "globex",
        at: new Date("2026-02-01T00:00:00.000Z"),
      });
      for (const email of ["one@example.com", "two@example.com"]) {
        const user = await createUser(store.db, {
          email,
          name: "x",
          passwordHash: await hashPassword("correct horse battery"),
          at: AT,
        });
        await addMember(store.db, { workspaceId: a.id, userId: user.id, role: "admin", at: AT });
      }
      await store.db
        .insertInto("keys")
        .values([keyRow(a.id), keyRow(a.id), keyRow(a.id, { deleted_at: AT })])
        .execute();
      return [a, g];
    });
    const io = target.io();
    const list = await listWorkspaces(target.config, {}, io);
    expect(list.map((w) => [w.id, w.name, w.plan, w.members, w.keys])).toEqual([
      [acme.id, "Acme", "enterprise", 2, 2],
      [globex.id, "Globex Corporation", "free", 0, 0],
    ]);
    expect(io.out).toEqual([
      `${"ID".padEnd(acme.id.length)}  NAME                KIND    EXTERNAL ID  PLAN        STATUS  MEMBERS  KEYS  CREATED`,
      `${acme.id}  Acme                tenant  -            enterprise  active  2        2     2026-01-01T00:00:00.000Z`,
      `${globex.id}  Globex Corporation  tenant  -            free        active  0        0     2026-02-01T00:00:00.000Z`,
    ]);
  });

  it("prints JSON with --json", async () => {
    const io = target.io();
    expect(await runCli(["workspace", "list", "--json"], io)).toBe(0);
    const printed = JSON.parse(io.out.join("\n")) as Array<Record<string, unknown>>;
    expect(printed.map((w) => [w.id, w.plan, w.members, w.keys, w.keyPrefix])).toEqual([
      [acme.id, "enterprise", 2, 2, "acme"],
      [globex.id, "free", 0, 0, "globex"],
    ]);
  });

  it("shows the operator and its tenants with their customer ids and suspension, and no deleted tenant", async () => {
    const [operator, suspended] = await target.withDb(async (store) => {
      const op = await createWorkspace(store.db, {
        name: "Platform",
        plan: "enterprise",
        keyPrefix: "plat",
        kind: "operator",
        at: new Date("2026-03-01T00:00:00.000Z"),
      });
      const s = await createWorkspace(store.db, {
        name: "Hooli",
        plan: "pro",
        keyPrefix: "hooli",
        externalId: "cus_hooli",
        at: new Date("2026-04-01T00:00:00.000Z"),
      });
      await store.db.updateTable("workspaces").set({ suspended_at: AT }).where("id", "=", s.id).execute();
      const gone = await createWorkspace(store.db, {
        name: "Gone",
        plan: "pro",
        keyPrefix: "gone",
        at: new Date("2026-05-01T00:00:00.000Z"),
      });
      await store.db.updateTable("workspaces").set({ deleted_at: AT }).where("id", "=", gone.id).execute();
      return [op, s];
    });
    const io = target.io();
    const list = await listWorkspaces(target.config, {}, io);
    expect(list.map((w) => [w.name, w.kind, w.externalId, w.suspended])).toEqual([
      ["Acme", "tenant", null, false],
      ["Globex Corporation", "tenant", null, false],
      ["Platform", "operator", null, false],
      ["Hooli", "tenant", "cus_hooli", true],
    ]);
    expect(io.out.slice(3)).toEqual([
      `${operator.id}  Platform            operator  -            enterprise  active     0        0     2026-03-01T00:00:00.000Z`,
      `${suspended.id}  Hooli               tenant    cus_hooli    pro         suspended  0        0     2026-04-01T00:00:00.000Z`,
    ]);
  });
});
