import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import {
  createTestService,
  expectError,
  json,
  type SeededWorkspace,
  seedWorkspace,
  TEST_PASSWORD,
  type TestService,
} from "../../../test/harness.js";
import { SESSION_COOKIE } from "../../domain/auth/sessions.js";
import { issueSetupToken } from "../../domain/auth/setup-tokens.js";
import { createWorkspace, toPublicWorkspace } from "../../domain/workspaces/workspaces.js";
import type { WorkspaceRow } from "../../store/schema.js";

const INVALID = "the setup link is not valid or was already used";

describe("GET /setup", () => {
  const INDEX_HTML = "<!doctype html><title>Keygate</title><div id=root></div>";
  let dir: string;
  let service: TestService;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "keygate-setup-"));
    await writeFile(path.join(dir, "index.html"), INDEX_HTML);
    service = await createTestService({ env: { KEYGATE_DASHBOARD_DIR: dir } });
  });
  afterAll(async () => {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("is the dashboard's own setup screen: the app's index.html, which posts to /v1/setup", async () => {
    const res = await service.app.inject({ method: "GET", url: "/setup?token=abc" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self';");
    expect(res.body).toBe(INDEX_HTML);
  });

  it("needs no credential and is not in the API reference", async () => {
    expect((await service.app.inject({ method: "GET", url: "/setup" })).statusCode).toBe(200);
    const doc = json<{ paths: Record<string, unknown> }>(
      await service.app.inject({ method: "GET", url: "/openapi.json" }),
    );
    expect(doc.paths["/setup"]).toBeUndefined();
    expect(doc.paths["/v1/setup"]).toBeDefined();
  });
});

describe.each(backends)("POST /v1/setup on $name", (backend) => {
  let service: TestService;
  let fresh: WorkspaceRow;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  const setup = (payload: Record<string, unknown>) =>
    service.app.inject({ method: "POST", url: "/v1/setup", payload, remoteAddress: "192.0.2.10" });

  const newOwnerlessWorkspace = async () => {
    fresh = await createWorkspace(service.store.db, {
      name: "Fresh",
      plan: "enterprise",
      keyPrefix: "kg",
      at: service.clock.now(),
    });
    return issueSetupToken(service.store.db, service.clock, fresh.id);
  };

  it("creates the owner once, signs them in, and audits member.added", async () => {
    const token = await newOwnerlessWorkspace();
    const payload = {
      token,
      email: "Founder@Example.com",
      name: "Founder",
      password: "a long enough password",
    };
    const res = await setup(payload);
    expect(res.statusCode).toBe(201);
    const body = json<{ user: { id: string }; csrfToken: string }>(res);
    expect(body).toEqual({
      user: {
        id: expect.stringMatching(/^usr_/),
        email: "founder@example.com",
        name: "Founder",
        createdAt: service.clock.now().toISOString(),
      },
      workspace: toPublicWorkspace(fresh),
      role: "owner",
      csrfToken: expect.any(String),
    });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", maxAge: 604800 });

    const me = await service.app.inject({
      method: "GET",
      url: "/v1/auth/me",
      headers: { cookie: `${SESSION_COOKIE}=${cookie?.value}` },
    });
    expect(json(me)).toEqual(body);

    const events = await service.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("workspace_id", "=", fresh.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor_type: "user",
      actor_id: body.user.id,
      action: "member.added",
      target_type: "user",
      target_id: body.user.id,
      ip: "192.0.2.10",
      details: { email: "founder@example.com", role: "owner", source: "setup link" },
    });
    expect(JSON.stringify(events)).not.toContain(token);
    expect(JSON.stringify(events)).not.toContain(payload.password);

    expectError(await setup({ ...payload, email: "second@example.com" }), 400, "VALIDATION_FAILED", INVALID);
    const login = await service.app.inject({
      method: "POST",
      url: "/v1/auth/login",
      payload: { email: "founder@example.com", password: payload.password },
    });
    expect(login.statusCode).toBe(200);
  });

  it("refuses an unknown token and an expired one", async () => {
    const base = { email: "x@example.com", name: "X", password: TEST_PASSWORD };
    expectError(await setup({ ...base, token: "not-a-token" }), 400, "VALIDATION_FAILED", INVALID);
    const token = await newOwnerlessWorkspace();
    service.clock.advance(24 * 60 * 60 * 1000 + 1);
    expectError(await setup({ ...base, token }), 400, "VALIDATION_FAILED", INVALID);
    const members = await service.store.db
      .selectFrom("memberships")
      .select("user_id")
      .where("workspace_id", "=", fresh.id)
      .execute();
    expect(members).toEqual([]);
  });

  it("refuses bad input with 400 and keeps the link working", async () => {
    const token = await newOwnerlessWorkspace();
    const good = { token, email: "owner@fresh.example", name: "Owner", password: TEST_PASSWORD };
    expectError(
      await setup({ ...good, password: "short pass" }),
      400,
      "VALIDATION_FAILED",
      "password: must be at least 12 characters",
    );
    expectError(
      await setup({ ...good, email: "not an email" }),
      400,
      "VALIDATION_FAILED",
      "email: must be an email address",
    );
    expectError(await setup({ ...good, name: "  " }), 400, "VALIDATION_FAILED", "name: must not be empty");
    expectError(await setup({ ...good, role: "owner" }), 400, "VALIDATION_FAILED", "role: unknown field");
    const { token: _token, ...withoutToken } = good;
    expectError(await setup(withoutToken), 400, "VALIDATION_FAILED", "token: required");
    expect((await setup(good)).statusCode).toBe(201);
  });

  it("makes an existing account the owner only with that account's password", async () => {
    const other: SeededWorkspace = await seedWorkspace(service);
    const token = await newOwnerlessWorkspace();
    const taken = { token, email: other.ownerEmail, name: "Someone", password: "a guessed password" };
    expectError(
      await setup(taken),
      409,
      "CONFLICT",
      "an account with this email already exists; enter its password to make it the owner",
    );
    const res = await setup({ ...taken, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({
      user: { email: other.ownerEmail, name: "Owner" },
      workspace: { id: fresh.id },
      role: "owner",
    });
  });

  it("refuses a link for a workspace that already has an owner", async () => {
    const owned = await seedWorkspace(service);
    const token = await issueSetupToken(service.store.db, service.clock, owned.workspace.id);
    expectError(
      await setup({ token, email: "late@example.com", name: "Late", password: TEST_PASSWORD }),
      400,
      "VALIDATION_FAILED",
      INVALID,
    );
    const users = await service.store.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "late@example.com")
      .execute();
    expect(users).toEqual([]);
  });
});
