import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import {
  bearer,
  createTestService,
  expectError,
  json,
  type SeededWorkspace,
  seedWorkspace,
  signInAs,
  TEST_PASSWORD,
  type TestService,
} from "../../../test/harness.js";
import { SESSION_COOKIE } from "../../domain/auth/sessions.js";
import { addMember } from "../../domain/users/users.js";
import { toPublicWorkspace } from "../../domain/workspaces/workspaces.js";
import type { Role } from "../../store/schema.js";

describe.each(backends)("the signed-in person's workspaces on $name", (backend) => {
  let service: TestService;
  let acme: SeededWorkspace;
  let globex: SeededWorkspace;
  let initech: SeededWorkspace;
  let stranger: SeededWorkspace;
  beforeAll(async () => {
    service = await createTestService({ backend });
    acme = await seedWorkspace(service, { name: "Acme" });
    service.clock.advance(1000);
    globex = await seedWorkspace(service, { name: "Globex", plan: "pro" });
    initech = await seedWorkspace(service, { name: "Initech", plan: "free" });
    stranger = await seedWorkspace(service, { name: "Stranger" });
  });
  afterAll(async () => service.close());

  /** A new person, an admin in Acme (the session's workspace), with further memberships. */
  const personIn = async (others: Array<[SeededWorkspace, Role]>) => {
    const person = await signInAs(service, acme.workspace.id, "admin");
    for (const [seed, role] of others) {
      service.clock.advance(1000);
      await addMember(service.store.db, {
        workspaceId: seed.workspace.id,
        userId: person.userId,
        role,
        at: service.clock.now(),
      });
    }
    return person;
  };

  const list = (headers: Record<string, string>) =>
    service.app.inject({ method: "GET", url: "/v1/auth/workspaces", headers });
  const switchTo = (headers: Record<string, string>, payload: unknown) =>
    service.app.inject({ method: "POST", url: "/v1/auth/workspace", headers, payload: payload as object });
  const me = (headers: Record<string, string>) =>
    service.app.inject({ method: "GET", url: "/v1/auth/me", headers });
  const events = (workspaceId: string) =>
    service.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("action", "=", "user.workspace_switched")
      .execute();

  describe("GET /v1/auth/workspaces", () => {
    it("lists every workspace of the person with their role, oldest membership first, and the current one", async () => {
      const person = await personIn([
        [initech, "viewer"],
        [globex, "developer"],
      ]);
      const res = await list(person.headers);
      expect(res.statusCode).toBe(200);
      expect(json(res)).toEqual({
        data: [
          { workspace: toPublicWorkspace(acme.workspace), role: "admin" },
          { workspace: toPublicWorkspace(initech.workspace), role: "viewer" },
          { workspace: toPublicWorkspace(globex.workspace), role: "developer" },
        ],
        currentWorkspaceId: acme.workspace.id,
      });
    });

    it("lists only the one workspace of someone who belongs to one", async () => {
      const person = await personIn([]);
      expect(json(await list(person.headers))).toEqual({
        data: [{ workspace: toPublicWorkspace(acme.workspace), role: "admin" }],
        currentWorkspaceId: acme.workspace.id,
      });
    });

    it("refuses no credential, an invalid one and an ended session with 401, and a root key with 403", async () => {
      expectError(await list({}), 401, "UNAUTHENTICATED");
      expectError(await list(bearer("kg_root_notarealkey")), 401, "UNAUTHENTICATED");
      expectError(
        await list({ cookie: `${SESSION_COOKIE}=gone` }),
        401,
        "UNAUTHENTICATED",
        "the session has ended; sign in again",
      );
      expectError(
        await list(bearer(acme.rootKey)),
        403,
        "FORBIDDEN",
        "a root key belongs to one workspace; sign in to list yours",
      );
    });
  });

  describe("POST /v1/auth/workspace", () => {
    it("moves the session to another of the person's workspaces, answering as sign-in does, audited there", async () => {
      const target = await seedWorkspace(service, { name: "Target", plan: "pro" });
      const person = await personIn([[target, "developer"]]);
      const res = await switchTo(person.headers, { workspaceId: target.workspace.id });
      expect(res.statusCode).toBe(200);
      expect(json(res)).toEqual({
        user: {
          id: person.userId,
          email: person.email,
          name: "admin",
          createdAt: expect.any(String),
        },
        workspace: toPublicWorkspace(target.workspace),
        role: "developer",
        csrfToken: person.headers["x-csrf-token"],
      });
      expect(res.cookies).toEqual([]);

      expect(json(await me(person.headers))).toMatchObject({
        workspace: { id: target.workspace.id },
        role: "developer",
      });
      expect(json(await list(person.headers))).toMatchObject({ currentWorkspaceId: target.workspace.id });
      const members = json<{ data: { email: string }[] }>(
        await service.app.inject({ method: "GET", url: "/v1/members", headers: person.headers }),
      );
      expect(members.data.map((m) => m.email)).toEqual([target.ownerEmail, person.email]);
      // The role of the workspace entered applies: a developer there may not add members.
      expectError(
        await service.app.inject({
          method: "POST",
          url: "/v1/members",
          headers: person.headers,
          payload: { email: "x@example.com", name: "X", role: "viewer", password: "a long enough password" },
        }),
        403,
        "FORBIDDEN",
        "this needs the members:write permission",
      );

      const switched = await events(target.workspace.id);
      expect(switched).toHaveLength(1);
      expect(switched[0]).toMatchObject({
        actor_type: "user",
        actor_id: person.userId,
        target_type: "user",
        target_id: person.userId,
        ip: "127.0.0.1",
        details: { email: person.email },
      });
      expect(JSON.stringify(switched)).not.toContain(acme.workspace.id);

      expect(json(await switchTo(person.headers, { workspaceId: acme.workspace.id }))).toMatchObject({
        workspace: { id: acme.workspace.id },
        role: "admin",
      });
      expect(json(await me(person.headers))).toMatchObject({ workspace: { id: acme.workspace.id } });
    });

    it("moves only this session: the person's other sessions stay where they are", async () => {
      const person = await personIn([[globex, "viewer"]]);
      const login = await service.app.inject({
        method: "POST",
        url: "/v1/auth/login",
        payload: { email: person.email, password: TEST_PASSWORD },
        remoteAddress: "192.0.2.10",
      });
      expect(login.statusCode).toBe(200);
      const other = { cookie: sessionCookie(login) };
      expect((await switchTo(person.headers, { workspaceId: globex.workspace.id })).statusCode).toBe(200);
      expect(json(await me(other))).toMatchObject({ workspace: { id: acme.workspace.id }, role: "admin" });
    });

    it("answers the current workspace without a change or an event", async () => {
      const person = await personIn([]);
      const before = await events(acme.workspace.id);
      const res = await switchTo(person.headers, { workspaceId: acme.workspace.id });
      expect(res.statusCode).toBe(200);
      expect(json(res)).toMatchObject({ workspace: { id: acme.workspace.id }, role: "admin" });
      expect(await events(acme.workspace.id)).toEqual(before);
    });

    it("answers 404 alike for a workspace the person is not in and one that does not exist, and stays put", async () => {
      const person = await personIn([]);
      for (const workspaceId of [stranger.workspace.id, "ws_01JAAAAAAAAAAAAAAAAAAAAAAA"]) {
        expectError(await switchTo(person.headers, { workspaceId }), 404, "NOT_FOUND", "workspace not found");
      }
      expect(json(await me(person.headers))).toMatchObject({ workspace: { id: acme.workspace.id } });
      expect(await events(stranger.workspace.id)).toEqual([]);
    });

    it("refuses bad input with 400 naming the field", async () => {
      const person = await personIn([]);
      const cases: [unknown, string][] = [
        [{}, "workspaceId: required"],
        [{ workspaceId: "key_123" }, "workspaceId: must be an id starting with ws_"],
        [{ workspaceId: globex.workspace.id, role: "owner" }, "role: unknown field"],
      ];
      for (const [payload, message] of cases) {
        expectError(await switchTo(person.headers, payload), 400, "VALIDATION_FAILED", message);
      }
    });

    it("needs the CSRF token, refuses a root key with 403 and no credential with 401", async () => {
      const person = await personIn([[globex, "viewer"]]);
      const { "x-csrf-token": _token, ...cookieOnly } = person.headers;
      expectError(await switchTo(cookieOnly, { workspaceId: globex.workspace.id }), 403, "CSRF_FAILED");
      expectError(
        await switchTo({ ...cookieOnly, "x-csrf-token": "wrong" }, { workspaceId: globex.workspace.id }),
        403,
        "CSRF_FAILED",
      );
      expect(json(await me(person.headers))).toMatchObject({ workspace: { id: acme.workspace.id } });
      expectError(
        await switchTo(bearer(acme.rootKey), { workspaceId: acme.workspace.id }),
        403,
        "FORBIDDEN",
        "a root key belongs to one workspace; sign in to switch",
      );
      expectError(await switchTo({}, { workspaceId: globex.workspace.id }), 401, "UNAUTHENTICATED");
      expectError(
        await switchTo(bearer("kg_root_notarealkey"), { workspaceId: globex.workspace.id }),
        401,
        "UNAUTHENTICATED",
      );
    });
  });
});

function sessionCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error("no session cookie set");
  return `${SESSION_COOKIE}=${cookie.value}`;
}
