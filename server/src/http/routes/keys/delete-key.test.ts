import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import {
  createTestService,
  expectError,
  expectSecured,
  json,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../../test/harness.js";
import { auditOf, createKey, del, get, post } from "../../../../test/key-lifecycle.js";

describe.each(backends)("DELETE /v1/keys/{id} on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  it("removes the key from lists and lookups; the row and the audit trail remain", async () => {
    const { rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey, { name: "doomed" });
    const kept = await createKey(service, rootKey, { name: "kept" });
    const response = await del(service, rootKey, `/v1/keys/${key.id}`);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe("");
    expectError(await get(service, rootKey, `/v1/keys/${key.id}`), 404, "NOT_FOUND", "key not found");
    const listed = json<{ data: { id: string }[] }>(await get(service, rootKey, "/v1/keys"));
    expect(listed.data.map((item) => item.id)).toEqual([kept.id]);
    const search = json<{ data: unknown[] }>(await get(service, rootKey, `/v1/keys?search=${key.key}`));
    expect(search.data).toEqual([]);
    const row = await service.store.db
      .selectFrom("keys")
      .select(["deleted_at", "name"])
      .where("id", "=", key.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ deleted_at: service.clock.now(), name: "doomed" });
    const events = await auditOf(service, key.id);
    expect(events.map((event) => [event.action, event.details])).toEqual([
      ["key.created", expect.anything()],
      ["key.deleted", { name: "doomed", start: key.start, appId: null }],
    ]);
    expectError(await del(service, rootKey, `/v1/keys/${key.id}`), 404, "NOT_FOUND", "key not found");
  });

  it("deletes a revoked key too", async () => {
    const { rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey);
    await post(service, rootKey, `/v1/keys/${key.id}/revoke`);
    expect((await del(service, rootKey, `/v1/keys/${key.id}`)).statusCode).toBe(204);
  });

  it("refuses developers, viewers and other workspaces' keys", async () => {
    const mine = await seedWorkspace(service);
    const theirs = await seedWorkspace(service);
    const key = await createKey(service, mine.rootKey, { environment: "development" });
    const developer = await signInAs(service, mine.workspace.id, "developer");
    const viewer = await signInAs(service, mine.workspace.id, "viewer");
    expectError(
      await del(service, developer.headers, `/v1/keys/${key.id}`),
      403,
      "FORBIDDEN",
      "developers may not delete keys; ask an admin",
    );
    expectError(await del(service, viewer.headers, `/v1/keys/${key.id}`), 403, "FORBIDDEN");
    const other = await createKey(service, theirs.rootKey);
    expectError(await del(service, mine.rootKey, `/v1/keys/${other.id}`), 404, "NOT_FOUND");
    expect((await get(service, theirs.rootKey, `/v1/keys/${other.id}`)).statusCode).toBe(200);
    const owner = await signInAs(service, mine.workspace.id, "owner");
    expect((await del(service, owner.headers, `/v1/keys/${key.id}`)).statusCode).toBe(204);
  });

  it("is secured", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey);
    await expectSecured(service, workspace.id, { method: "DELETE", url: `/v1/keys/${key.id}` }, "keys:write");
  });
});
