import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import {
  bearer,
  createTestService,
  expectError,
  json,
  type SeededWorkspace,
  type SignedIn,
  seedWorkspace,
  signInAs,
  TEST_PASSWORD,
  type TestService,
} from "../../../test/harness.js";

describe.each(backends)("CSRF protection of cookie sessions on $name", (backend) => {
  let service: TestService;
  let seed: SeededWorkspace;
  let owner: SignedIn;
  let otherOwner: SignedIn;
  let viewer: SignedIn;
  beforeAll(async () => {
    service = await createTestService({ backend });
    seed = await seedWorkspace(service, { name: "Acme" });
    owner = await signInAs(service, seed.workspace.id, "owner");
    otherOwner = await signInAs(service, seed.workspace.id, "owner");
    viewer = await signInAs(service, seed.workspace.id, "viewer");
  });
  afterAll(async () => service.close());

  const state = async () => ({
    workspace: await service.store.db
      .selectFrom("workspaces")
      .selectAll()
      .where("id", "=", seed.workspace.id)
      .executeTakeFirstOrThrow(),
    members: await service.store.db
      .selectFrom("memberships")
      .select(["user_id", "role"])
      .where("workspace_id", "=", seed.workspace.id)
      .orderBy("user_id")
      .execute(),
    events: (await service.store.db.selectFrom("audit_events").select("id").execute()).length,
  });

  const changes = (): { name: string; request: InjectOptions }[] => [
    {
      name: "PATCH /v1/workspace",
      request: { method: "PATCH", url: "/v1/workspace", payload: { name: "Hijacked" } },
    },
    {
      name: "POST /v1/members",
      request: {
        method: "POST",
        url: "/v1/members",
        payload: { email: "intruder@example.com", name: "Intruder", role: "owner", password: TEST_PASSWORD },
      },
    },
    {
      name: "DELETE /v1/members/{userId}",
      request: { method: "DELETE", url: `/v1/members/${viewer.userId}` },
    },
    {
      name: "PATCH /v1/members/{userId}",
      request: { method: "PATCH", url: `/v1/members/${viewer.userId}`, payload: { role: "owner" } },
    },
    { name: "POST /v1/auth/logout", request: { method: "POST", url: "/v1/auth/logout" } },
  ];

  it("refuses every cookie-authenticated change without x-csrf-token, and changes nothing", async () => {
    const before = await state();
    for (const { name, request } of changes()) {
      const res = await service.app.inject({ ...request, headers: { cookie: owner.headers.cookie } });
      expect(res.statusCode, name).toBe(403);
      expectError(res, 403, "CSRF_FAILED", "a signed-in change needs the x-csrf-token given at sign-in");
    }
    expect(await state()).toEqual(before);
  });

  it("refuses a wrong token, and another session's token, and changes nothing", async () => {
    const before = await state();
    for (const { name, request } of changes()) {
      for (const token of ["wrong", otherOwner.headers["x-csrf-token"], ""]) {
        const res = await service.app.inject({
          ...request,
          headers: { cookie: owner.headers.cookie, "x-csrf-token": token },
        });
        expect(res.statusCode, `${name} with ${token}`).toBe(403);
        expectError(res, 403, "CSRF_FAILED");
      }
    }
    expect(await state()).toEqual(before);
  });

  it("lets reads through without the token", async () => {
    for (const url of ["/v1/workspace", "/v1/members", "/v1/auth/me"]) {
      const res = await service.app.inject({ method: "GET", url, headers: { cookie: owner.headers.cookie } });
      expect(res.statusCode).toBe(200);
    }
  });

  it("accepts the change with the session's own token", async () => {
    const res = await service.app.inject({
      method: "PATCH",
      url: "/v1/workspace",
      headers: owner.headers,
      payload: { name: "Acme Corp" },
    });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ name: "Acme Corp" });
  });

  it("never asks a root key for a CSRF token", async () => {
    const res = await service.app.inject({
      method: "PATCH",
      url: "/v1/workspace",
      headers: bearer(seed.rootKey),
      payload: { name: "Acme Root" },
    });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ name: "Acme Root" });
    const removed = await service.app.inject({
      method: "DELETE",
      url: `/v1/members/${viewer.userId}`,
      headers: bearer(seed.rootKey),
    });
    expect(removed.statusCode).toBe(204);
  });
});
