import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import { createTestService, seedWorkspace, type TestService } from "../../../test/harness.js";
import { listAuditEvents, openAuditExport } from "./list-audit-events.js";
import { recordAudit } from "./record-audit.js";

describe.each(backends)("the audit export on $name", (backend) => {
  let service: TestService;
  let workspaceId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    service = await createTestService({ backend });
    workspaceId = (await seedWorkspace(service)).workspace.id;
    await service.store.db.deleteFrom("audit_events").where("workspace_id", "=", workspaceId).execute();
    for (let i = 0; i < 7; i += 1) {
      ids.unshift(
        await recordAudit(service.store.db, {
          workspaceId,
          actor: { type: "system", id: null, ip: null },
          action: "test.event",
          at: service.clock.now(),
        }),
      );
    }
  });
  afterAll(async () => service.close());

  async function collect(options: { pageSize?: number; max?: number }) {
    const rows = await openAuditExport(service.store.db, { workspaceId }, options);
    const seen: string[] = [];
    for await (const row of rows) seen.push(row.id);
    return seen;
  }

  it("walks every page, newest first, with no duplicate or gap", async () => {
    expect(await collect({ pageSize: 2 })).toEqual(ids);
    expect(await collect({ pageSize: 7 })).toEqual(ids);
    expect(await collect({ pageSize: 1000 })).toEqual(ids);
  });

  it("stops at the cap", async () => {
    expect(await collect({ pageSize: 2, max: 5 })).toEqual(ids.slice(0, 5));
    expect(await collect({ pageSize: 3, max: 3 })).toEqual(ids.slice(0, 3));
  });

  it("reads a page below a cursor", async () => {
    const rows = await listAuditEvents(service.store.db, { workspaceId, before: ids[2] }, 2);
    expect(rows.map((row) => row.id)).toEqual(ids.slice(3, 5));
  });
});
