import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import {
  bearer,
  createTestService,
  expectError,
  expectSecured,
  json,
  type SeededWorkspace,
  seedRootKey,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../test/harness.js";
import { seedOperator } from "../../../test/tenant-fixtures.js";
import { hashSecret } from "../../domain/key-format.js";
import { OPERATOR_PERMISSIONS, PERMISSIONS } from "../../domain/principal.js";

interface CreatedRootKey {
  id: string;
  key: string;
  name: string;
  start: string;
  permissions: string[];
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
}

describe.each(backends)("root keys on $name", (backend) => {
  let service: TestService;
  let seeded: SeededWorkspace;
  let other: SeededWorkspace;

  beforeAll(async () => {
    service = await createTestService({ backend });
    seeded = await seedWorkspace(service);
    other = await seedWorkspace(service);
  });
  afterAll(async () => service.close());

  const create = (key: string, payload: unknown) =>
    service.app.inject({
      method: "POST",
      url: "/v1/root-keys",
      headers: bearer(key),
      payload: payload as object,
    });
  const list = (key: string) =>
    service.app.inject({ method: "GET", url: "/v1/root-keys", headers: bearer(key) });
  const remove = (key: string, id: string) =>
    service.app.inject({ method: "DELETE", url: `/v1/root-keys/${id}`, headers: bearer(key) });

  async function rootKeyIdOf(key: string): Promise<string> {
    const row = await service.store.db
      .selectFrom("root_keys")
      .select("id")
      .where("secret_hash", "=", hashSecret(key))
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function counts(workspaceId: string) {
    const keys = await service.store.db
      .selectFrom("root_keys")
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .where("workspace_id", "=", workspaceId)
      .executeTakeFirstOrThrow();
    const events = await service.store.db
      .selectFrom("audit_events")
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .where("workspace_id", "=", workspaceId)
      .executeTakeFirstOrThrow();
    return { keys: Number(keys.n), events: Number(events.n) };
  }

  describe("POST /v1/root-keys", () => {
    it("creates a root key, shows its secret once, and the secret works", async () => {
      const response = await create(seeded.rootKey, {
        name: "  ci-deploy  ",
        permissions: ["root_keys:read", "audit:read"],
      });
      expect(response.statusCode).toBe(201);
      const body = json<CreatedRootKey>(response);
      expect(body).toEqual({
        id: expect.stringMatching(/^key_[0-9A-Z]{26}$/),
        key: expect.stringMatching(/^kg_root_[0-9A-Za-z]{38}$/),
        name: "ci-deploy",
        start: body.key.slice(0, body.start.length),
        permissions: ["audit:read", "root_keys:read"],
        createdAt: "2026-06-01T12:00:00.000Z",
        createdBy: await rootKeyIdOf(seeded.rootKey),
        lastUsedAt: null,
      });
      expect(body.start).toMatch(/^kg_root_/);
      expect(body.key.length).toBeGreaterThan(body.start.length);

      const listed = await list(body.key);
      expect(listed.statusCode).toBe(200);
      expectError(await create(body.key, { name: "x", permissions: ["audit:read"] }), 403, "FORBIDDEN");
    });

    it("records root_key.created with the name, permissions and start, never the secret", async () => {
      const body = json<CreatedRootKey>(
        await create(seeded.rootKey, { name: "audited", permissions: ["*"] }),
      );
      const events = await service.store.db
        .selectFrom("audit_events")
        .selectAll()
        .where("target_id", "=", body.id)
        .execute();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        workspace_id: seeded.workspace.id,
        action: "root_key.created",
        actor_type: "root_key",
        actor_id: await rootKeyIdOf(seeded.rootKey),
        target_type: "root_key",
        ip: "127.0.0.1",
        details: { name: "audited", permissions: ["*"], start: body.start },
      });
      const everything = JSON.stringify(
        await service.store.db.selectFrom("audit_events").selectAll().execute(),
      );
      expect(everything).not.toContain(body.key);
      expect(everything).not.toContain(hashSecret(body.key));
      const viaApi = await service.app.inject({
        method: "GET",
        url: "/v1/audit-events?limit=100",
        headers: bearer(seeded.rootKey),
      });
      expect(viaApi.statusCode).toBe(200);
      expect(viaApi.body).toContain(body.id);
      expect(viaApi.body).not.toContain(body.key);
      expect(viaApi.body).not.toContain(hashSecret(body.key));
    });

    it("lets an owner grant * and a user act through a session with its CSRF token", async () => {
      const owner = await signInAs(service, seeded.workspace.id, "owner");
      const response = await service.app.inject({
        method: "POST",
        url: "/v1/root-keys",
        headers: owner.headers,
        payload: { name: "from the dashboard", permissions: ["*"] },
      });
      expect(response.statusCode).toBe(201);
      const body = json<CreatedRootKey>(response);
      expect(body.permissions).toEqual(["*"]);
      expect(body.createdBy).toBe(owner.userId);

      expectError(
        await service.app.inject({
          method: "POST",
          url: "/v1/root-keys",
          headers: { cookie: owner.headers.cookie },
          payload: { name: "no csrf", permissions: ["keys:read"] },
        }),
        403,
        "CSRF_FAILED",
      );
    });

    it("refuses to grant a permission the caller does not hold", async () => {
      const before = await counts(seeded.workspace.id);
      const narrow = await seedRootKey(service, seeded.workspace.id, ["root_keys:write", "audit:read"]);
      expectError(
        await create(narrow, { name: "escalate", permissions: ["audit:read", "keys:write"] }),
        403,
        "FORBIDDEN",
        "you cannot grant the keys:write permission: you do not hold it yourself",
      );
      expectError(
        await create(narrow, { name: "escalate", permissions: ["*"] }),
        403,
        "FORBIDDEN",
        "you cannot grant *: you do not hold every permission yourself",
      );
      const everyPermission = await seedRootKey(service, seeded.workspace.id, [...PERMISSIONS]);
      expectError(
        await create(everyPermission, { name: "star", permissions: ["*"] }),
        403,
        "FORBIDDEN",
        "you cannot grant *: you do not hold every permission yourself",
      );
      const after = await counts(seeded.workspace.id);
      expect(after).toEqual({ keys: before.keys + 2, events: before.events + 2 });

      const allowed = await create(narrow, {
        name: "subset",
        permissions: ["audit:read", "root_keys:write"],
      });
      expect(allowed.statusCode).toBe(201);
      expect(json<CreatedRootKey>(allowed).permissions).toEqual(["audit:read", "root_keys:write"]);
    });

    it("gives a user the permissions of their role: an admin may not grant *, a developer may not create", async () => {
      const admin = await signInAs(service, seeded.workspace.id, "admin");
      const post = (headers: Record<string, string>, permissions: string[]) =>
        service.app.inject({
          method: "POST",
          url: "/v1/root-keys",
          headers,
          payload: { name: "by role", permissions },
        });
      expectError(
        await post(admin.headers, ["*"]),
        403,
        "FORBIDDEN",
        "you cannot grant *: you do not hold every permission yourself",
      );
      expectError(
        await post(admin.headers, ["workspace:write"]),
        403,
        "FORBIDDEN",
        "you cannot grant the workspace:write permission: you do not hold it yourself",
      );
      expect((await post(admin.headers, ["keys:write", "keys:read"])).statusCode).toBe(201);

      const developer = await signInAs(service, seeded.workspace.id, "developer");
      expectError(
        await post(developer.headers, ["keys:read"]),
        403,
        "FORBIDDEN",
        "this needs the root_keys:write permission",
      );
    });

    it("refuses an operator permission in a tenant's workspace with a 400 naming it, even from its * key", async () => {
      const before = await counts(seeded.workspace.id);
      const owner = await signInAs(service, seeded.workspace.id, "owner");
      for (const [index, permission] of OPERATOR_PERMISSIONS.entries()) {
        const message = `${permission} is an operator permission: only the operator's workspace can hold it`;
        const permissions = [...PERMISSIONS.filter((p) => p !== permission).slice(0, index), permission];
        const error = expectError(
          await create(seeded.rootKey, { name: "platform", permissions }),
          400,
          "VALIDATION_FAILED",
          `permissions.${index}: ${message}`,
        );
        expect(error).toMatchObject({ details: [{ path: `permissions.${index}`, message }] });
      }
      const bySession = await service.app.inject({
        method: "POST",
        url: "/v1/root-keys",
        headers: owner.headers,
        payload: { name: "platform", permissions: ["keys:verify:any"] },
      });
      expectError(
        bySession,
        400,
        "VALIDATION_FAILED",
        /^permissions\.0: keys:verify:any is an operator permission/,
      );
      expect(await counts(seeded.workspace.id)).toEqual(before);
    });

    it("refuses bad input with a 400 naming the field, and creates nothing", async () => {
      const before = await counts(seeded.workspace.id);
      const cases: [unknown, string][] = [
        [{ name: "", permissions: ["*"] }, "name: must not be empty"],
        [{ name: "   ", permissions: ["*"] }, "name: must not be empty"],
        [{ name: "a".repeat(201), permissions: ["*"] }, "name: must be at most 200 characters"],
        [{ permissions: ["*"] }, "name: required"],
        [{ name: "x" }, "permissions: required"],
        [{ name: "x", permissions: [] }, "permissions: must hold at least one permission"],
        [{ name: "x", permissions: ["keys:read", "keys:read"] }, "permissions: must not repeat a permission"],
        [
          { name: "x", permissions: ["keys:delete"] },
          `permissions.0: must be one of ${["*", ...PERMISSIONS].map((p) => `"${p}"`).join(", ")}`,
        ],
        [{ name: "x", permissions: ["*"], scopes: [] }, "scopes: unknown field"],
        [
          { name: 42, permissions: "*" },
          "name: Invalid input: expected string, received number; permissions: Invalid input: expected array, received string",
        ],
        [{ name: "x", permissions: [true] }, /^permissions\.0: must be one of/],
      ] as [unknown, string][];
      for (const [payload, message] of cases) {
        expectError(await create(seeded.rootKey, payload), 400, "VALIDATION_FAILED", message);
      }
      expectError(
        await create(seeded.rootKey, {
          name: "x",
          permissions: Array.from({ length: 21 }, () => "keys:read"),
        }),
        400,
        "VALIDATION_FAILED",
        /^permissions: must hold at most 20 permissions/,
      );
      expect(await counts(seeded.workspace.id)).toEqual(before);
    });

    it("is secured", async () => {
      await expectSecured(
        service,
        seeded.workspace.id,
        { method: "POST", url: "/v1/root-keys", payload: { name: "x", permissions: ["keys:read"] } },
        "root_keys:write",
      );
    });
  });

  describe("GET /v1/root-keys", () => {
    it("lists only this workspace's root keys, newest first, without secrets or hashes", async () => {
      const created = json<CreatedRootKey>(
        await create(other.rootKey, { name: "listed", permissions: ["*"] }),
      );
      const response = await list(other.rootKey);
      expect(response.statusCode).toBe(200);
      const body = json<{ data: Record<string, unknown>[] }>(response);
      expect(body.data.map((k) => k.name)).toEqual(["listed", "test root"]);
      expect(body.data[0]).toEqual({
        id: created.id,
        name: "listed",
        start: created.start,
        permissions: ["*"],
        createdAt: created.createdAt,
        createdBy: created.createdBy,
        lastUsedAt: null,
      });
      expect(response.body).not.toContain(created.key);
      expect(response.body).not.toContain(hashSecret(created.key));
      expect(response.body).not.toContain(hashSecret(other.rootKey));
      expect(response.body).not.toContain("secret");

      const mine = json<{ data: { id: string }[] }>(await list(seeded.rootKey));
      expect(mine.data.map((k) => k.id)).not.toContain(created.id);
    });

    it("lets an admin read them and refuses a viewer", async () => {
      const admin = await signInAs(service, other.workspace.id, "admin");
      const response = await service.app.inject({
        method: "GET",
        url: "/v1/root-keys",
        headers: admin.headers,
      });
      expect(response.statusCode).toBe(200);
      const viewer = await signInAs(service, other.workspace.id, "viewer");
      expectError(
        await service.app.inject({ method: "GET", url: "/v1/root-keys", headers: viewer.headers }),
        403,
        "FORBIDDEN",
        "this needs the root_keys:read permission",
      );
    });

    it("is secured", async () => {
      await expectSecured(
        service,
        seeded.workspace.id,
        { method: "GET", url: "/v1/root-keys" },
        "root_keys:read",
      );
    });
  });

  describe("DELETE /v1/root-keys/{id}", () => {
    it("deletes a root key, which is refused on the very next request", async () => {
      const created = json<CreatedRootKey>(
        await create(seeded.rootKey, { name: "short-lived", permissions: ["root_keys:read"] }),
      );
      expect((await list(created.key)).statusCode).toBe(200);

      const response = await remove(seeded.rootKey, created.id);
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe("");

      expectError(await list(created.key), 401, "UNAUTHENTICATED", "the root key is not valid");
      const events = await service.store.db
        .selectFrom("audit_events")
        .selectAll()
        .where("target_id", "=", created.id)
        .orderBy("id")
        .execute();
      expect(events.map((e) => e.action)).toEqual(["root_key.created", "root_key.deleted"]);
      expect(events[1]?.details).toEqual({ name: "short-lived", start: created.start });
      expect(JSON.stringify(events)).not.toContain(created.key);
      expect(JSON.stringify(events)).not.toContain(hashSecret(created.key));

      expectError(await remove(seeded.rootKey, created.id), 404, "NOT_FOUND", "root key not found");
    });

    it("answers 404 for another workspace's root key and leaves it working", async () => {
      const theirs = json<CreatedRootKey>(
        await create(other.rootKey, { name: "theirs", permissions: ["root_keys:read"] }),
      );
      const before = await counts(seeded.workspace.id);
      expectError(await remove(seeded.rootKey, theirs.id), 404, "NOT_FOUND", "root key not found");
      expect((await list(theirs.key)).statusCode).toBe(200);
      expect(await counts(seeded.workspace.id)).toEqual(before);
    });

    it("answers 404 for an unknown id and 400 for a malformed one", async () => {
      expectError(
        await remove(seeded.rootKey, "key_01JD0000000000000000000000"),
        404,
        "NOT_FOUND",
        "root key not found",
      );
      expectError(
        await remove(seeded.rootKey, "app_01JD0000000000000000000000"),
        400,
        "VALIDATION_FAILED",
        "params.id: must be an id starting with key_",
      );
    });

    it("is secured", async () => {
      const victim = json<CreatedRootKey>(
        await create(seeded.rootKey, { name: "victim", permissions: ["*"] }),
      );
      await expectSecured(
        service,
        seeded.workspace.id,
        { method: "DELETE", url: `/v1/root-keys/${victim.id}` },
        "root_keys:write",
      );
      expect((await list(victim.key)).statusCode).toBe(200);
    });
  });
});

describe.each(backends)("root keys of the operator's workspace on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  it("may hold the operator permissions, granted by its * key or its owner", async () => {
    const operator = await seedOperator(service);
    const owner = await signInAs(service, operator.workspace.id, "owner");
    const byKey = await service.app.inject({
      method: "POST",
      url: "/v1/root-keys",
      headers: bearer(operator.rootKey),
      payload: { name: "billing", permissions: ["workspaces:write", "workspaces:read", "root_keys:write"] },
    });
    expect(byKey.statusCode).toBe(201);
    const billing = json<CreatedRootKey>(byKey);
    expect(billing.permissions).toEqual(["root_keys:write", "workspaces:read", "workspaces:write"]);
    const tenants = await service.app.inject({
      method: "GET",
      url: "/v1/workspaces",
      headers: bearer(billing.key),
    });
    expect(tenants.statusCode).toBe(200);
    const bySession = await service.app.inject({
      method: "POST",
      url: "/v1/root-keys",
      headers: owner.headers,
      payload: { name: "verify", permissions: ["keys:verify:any", "portal:write"] },
    });
    expect(bySession.statusCode).toBe(201);
    // An operator key may grant only what it holds itself.
    expectError(
      await service.app.inject({
        method: "POST",
        url: "/v1/root-keys",
        headers: bearer(billing.key),
        payload: { name: "escalate", permissions: ["portal:write"] },
      }),
      403,
      "FORBIDDEN",
      "you cannot grant the portal:write permission: you do not hold it yourself",
    );
  });
});
