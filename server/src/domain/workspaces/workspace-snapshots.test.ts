import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import { createTestService, seedWorkspace, type TestService } from "../../../test/harness.js";
import { WorkspaceSnapshots } from "./workspace-snapshots.js";

describe.each(backends)("workspace snapshots on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  it("remembers a workspace until told to forget it, then reads the store's current terms", async () => {
    const { workspace } = await seedWorkspace(service, { plan: "pro" });
    const snapshots = new WorkspaceSnapshots(service.store.db);
    expect(await snapshots.get(workspace.id)).toMatchObject({ fresh: true, row: { plan: "pro" } });
    await service.store.db
      .updateTable("workspaces")
      .set({ plan: "free" })
      .where("id", "=", workspace.id)
      .execute();
    expect(await snapshots.get(workspace.id)).toMatchObject({ fresh: false, row: { plan: "pro" } });

    snapshots.forget(workspace.id);
    expect(await snapshots.get(workspace.id)).toMatchObject({ fresh: true, row: { plan: "free" } });
    expect(await snapshots.get(workspace.id)).toMatchObject({ fresh: false, row: { plan: "free" } });
    // Forgetting one it never read is harmless.
    snapshots.forget("ws_01JD0000000000000000000000");
  });
});
