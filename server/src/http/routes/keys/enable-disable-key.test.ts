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
import { auditOf, createKey, post } from "../../../../test/key-lifecycle.js";
import type { PublicKey } from "../../../domain/keys/key-object.js";

describe.each(backends)("POST /v1/keys/{id}/enable and /disable on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  it("disables and enables again, each with its audit event", async () => {
    const { rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey);
    const off = await post(service, rootKey, `/v1/keys/${key.id}/disable`);
    expect(off.statusCode).toBe(200);
    expect(json<PublicKey>(off)).toMatchObject({ enabled: false, status: "disabled" });
    const again = await post(service, rootKey, `/v1/keys/${key.id}/disable`);
    expect(json<PublicKey>(again).status).toBe("disabled");
    const on = await post(service, rootKey, `/v1/keys/${key.id}/enable`);
    expect(json<PublicKey>(on)).toMatchObject({ enabled: true, status: "active" });
    expect((await auditOf(service, key.id)).map((event) => event.action)).toEqual([
      "key.created",
      "key.disabled",
      "key.enabled",
    ]);
  });

  it("refuses a revoked key, developers, and other workspaces", async () => {
    const mine = await seedWorkspace(service);
    const theirs = await seedWorkspace(service);
    const key = await createKey(service, mine.rootKey, { environment: "staging" });
    const developer = await signInAs(service, mine.workspace.id, "developer");
    expectError(
      await post(service, developer.headers, `/v1/keys/${key.id}/disable`),
      403,
      "FORBIDDEN",
      "developers may not disable keys; ask an admin",
    );
    const other = await createKey(service, theirs.rootKey);
    expectError(await post(service, mine.rootKey, `/v1/keys/${other.id}/disable`), 404, "NOT_FOUND");
    await post(service, mine.rootKey, `/v1/keys/${key.id}/revoke`);
    expectError(
      await post(service, mine.rootKey, `/v1/keys/${key.id}/enable`),
      409,
      "CONFLICT",
      "the key is revoked for good; it cannot be enabled",
    );
    expectError(
      await post(service, mine.rootKey, `/v1/keys/${key.id}/disable`),
      409,
      "CONFLICT",
      "the key is revoked for good; it cannot be disabled",
    );
  });

  it("is secured", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey);
    for (const action of ["enable", "disable"]) {
      await expectSecured(
        service,
        workspace.id,
        { method: "POST", url: `/v1/keys/${key.id}/${action}` },
        "keys:write",
      );
    }
  });
});
