import { describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import { createTestService, expectError, json, type TestService } from "../../../test/harness.js";
import { bootstrap } from "./bootstrap.js";

const ADMIN = { KEYGATE_ADMIN_EMAIL: "Admin@Example.com", KEYGATE_ADMIN_PASSWORD: "the admin password" };

const run = (service: TestService) =>
  bootstrap({
    store: service.store,
    clock: service.clock,
    config: service.ctx.config,
    logger: service.ctx.logger,
  });

const count = async (service: TestService, table: "workspaces" | "memberships" | "users") =>
  (await service.store.db.selectFrom(table).selectAll().execute()).length;

const tokenOf = (setupUrl: string | undefined) => {
  const match = /^http:\/\/localhost:8080\/setup\?token=([A-Za-z0-9_-]{43})$/.exec(setupUrl ?? "");
  if (!match?.[1]) throw new Error(`not a setup link: ${setupUrl}`);
  return match[1];
};

const signUp = (service: TestService, token: string, email = "founder@example.com") =>
  service.app.inject({
    method: "POST",
    url: "/v1/setup",
    payload: { token, email, name: "Founder", password: "the founder password" },
  });

describe.each(backends)("bootstrap on $name", (backend) => {
  it("creates the first workspace and the configured owner, who can then sign in", async () => {
    const service = await createTestService({ backend, env: ADMIN });
    try {
      const result = await run(service);
      expect(result).toEqual({ workspaceId: expect.stringMatching(/^ws_/), created: true });

      const login = await service.app.inject({
        method: "POST",
        url: "/v1/auth/login",
        payload: { email: "admin@example.com", password: ADMIN.KEYGATE_ADMIN_PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      expect(json(login)).toMatchObject({
        user: { email: "admin@example.com", name: "admin" },
        workspace: { id: result.workspaceId, name: "Default workspace", plan: "enterprise", keyPrefix: "kg" },
        role: "owner",
      });
      const actions = await service.store.db
        .selectFrom("audit_events")
        .select(["action", "actor_type"])
        .where("workspace_id", "=", result.workspaceId)
        .orderBy("id")
        .execute();
      expect(actions).toEqual([
        { action: "workspace.created", actor_type: "system" },
        { action: "member.added", actor_type: "system" },
        { action: "user.signed_in", actor_type: "user" },
      ]);

      expect(await run(service)).toEqual({ workspaceId: result.workspaceId, created: false });
      expect(await count(service, "workspaces")).toBe(1);
      expect(await count(service, "memberships")).toBe(1);
      expect(await count(service, "users")).toBe(1);
    } finally {
      await service.close();
    }
  });

  it("without an admin, returns a setup link that works once, and is then a no-op", async () => {
    const service = await createTestService({ backend });
    try {
      const result = await run(service);
      expect(result).toEqual({
        workspaceId: expect.stringMatching(/^ws_/),
        setupUrl: expect.any(String),
        created: true,
      });
      expect(await count(service, "users")).toBe(0);
      const token = tokenOf(result.setupUrl);

      const first = await signUp(service, token);
      expect(first.statusCode).toBe(201);
      expect(json(first)).toMatchObject({ workspace: { id: result.workspaceId }, role: "owner" });
      expectError(
        await signUp(service, token, "other@example.com"),
        400,
        "VALIDATION_FAILED",
        "the setup link is not valid or was already used",
      );

      expect(await run(service)).toEqual({ workspaceId: result.workspaceId, created: false });
      expect(await count(service, "workspaces")).toBe(1);
      expect(await count(service, "memberships")).toBe(1);
    } finally {
      await service.close();
    }
  });

  it("issues a new link, retiring the old one, while nobody has signed up", async () => {
    const service = await createTestService({ backend });
    try {
      const first = await run(service);
      const second = await run(service);
      expect(second).toEqual({
        workspaceId: first.workspaceId,
        setupUrl: expect.any(String),
        created: false,
      });
      const oldToken = tokenOf(first.setupUrl);
      const newToken = tokenOf(second.setupUrl);
      expect(newToken).not.toBe(oldToken);

      expectError(await signUp(service, oldToken), 400, "VALIDATION_FAILED");
      expect((await signUp(service, newToken)).statusCode).toBe(201);
      expect(await count(service, "workspaces")).toBe(1);
    } finally {
      await service.close();
    }
  });
});
