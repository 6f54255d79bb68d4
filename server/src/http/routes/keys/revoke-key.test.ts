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
import { auditOf, createKey, get, post } from "../../../../test/key-lifecycle.js";

describe.each(backends)("POST /v1/keys/{id}/revoke on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  it("revokes for good with a reason; the key stays listed as revoked", async () => {
    const { rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey, { name: "leaky" });
    service.clock.advance(1000);
    const response = await post(service, rootKey, `/v1/keys/${key.id}/revoke`, {
      reason: " leaked in a log ",
    });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({
      ...key,
      key: undefined,
      status: "revoked",
      attention: [],
      revokedAt: "2026-06-01T12:00:01.000Z",
      revokedReason: "leaked in a log",
      updatedAt: "2026-06-01T12:00:01.000Z",
    });
    const listed = json<{ data: { id: string; status: string }[] }>(await get(service, rootKey, "/v1/keys"));
    expect(listed.data.map((item) => [item.id, item.status])).toEqual([[key.id, "revoked"]]);
    const events = await auditOf(service, key.id);
    expect(events.map((event) => [event.action, event.details])).toEqual([
      ["key.created", expect.anything()],
      ["key.revoked", { name: "leaky", start: key.start, reason: "leaked in a log" }],
    ]);
    expectError(
      await post(service, rootKey, `/v1/keys/${key.id}/revoke`, { reason: "again" }),
      409,
      "CONFLICT",
      "the key is already revoked",
    );
    expect(await auditOf(service, key.id)).toHaveLength(2);
  });

  it("revokes without a body", async () => {
    const { rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey);
    const response = await post(service, rootKey, `/v1/keys/${key.id}/revoke`);
    expect(json(response)).toMatchObject({ status: "revoked", revokedReason: null });
  });

  it("refuses bad input, developers, and other workspaces' keys", async () => {
    const mine = await seedWorkspace(service);
    const theirs = await seedWorkspace(service);
    const key = await createKey(service, mine.rootKey, { environment: "development" });
    expectError(
      await post(service, mine.rootKey, `/v1/keys/${key.id}/revoke`, { reason: "x".repeat(501) }),
      400,
      "VALIDATION_FAILED",
      "reason: must be at most 500 characters",
    );
    expectError(
      await post(service, mine.rootKey, `/v1/keys/${key.id}/revoke`, { why: "x" }),
      400,
      "VALIDATION_FAILED",
      "why: unknown field",
    );
    const developer = await signInAs(service, mine.workspace.id, "developer");
    expectError(
      await post(service, developer.headers, `/v1/keys/${key.id}/revoke`),
      403,
      "FORBIDDEN",
      "developers may not revoke keys; ask an admin",
    );
    const other = await createKey(service, theirs.rootKey);
    expectError(await post(service, mine.rootKey, `/v1/keys/${other.id}/revoke`), 404, "NOT_FOUND");
    expect(json(await get(service, theirs.rootKey, `/v1/keys/${other.id}`))).toMatchObject({
      status: "active",
    });
    expect(json(await get(service, mine.rootKey, `/v1/keys/${key.id}`))).toMatchObject({ status: "active" });
  });

  it("is secured", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey);
    await expectSecured(
      service,
      workspace.id,
      { method: "POST", url: `/v1/keys/${key.id}/revoke` },
      "keys:write",
    );
  });
});
