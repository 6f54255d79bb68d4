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
import type { Plan, Role } from "../../store/schema.js";

const NEW_PASSWORD = "a brand new password";
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const GONE = "invitation not found";

describe.each(backends)("accepting an invitation on $name", (backend) => {
  let service: TestService;
  let acme: SeededWorkspace;
  let other: SeededWorkspace;
  beforeAll(async () => {
    service = await createTestService({ backend });
    acme = await seedWorkspace(service, { name: "Acme" });
    other = await seedWorkspace(service, { name: "Other" });
  });
  afterAll(async () => service.close());

  /** A new invitation into a fresh workspace (or `into`), and the token of its link. */
  const invited = async (email: string, role: Role = "developer", into?: SeededWorkspace, plan?: Plan) => {
    const ws = into ?? (await seedWorkspace(service, { name: "Initech", ...(plan ? { plan } : {}) }));
    const res = await service.app.inject({
      method: "POST",
      url: "/v1/invitations",
      headers: bearer(ws.rootKey),
      payload: { email, role },
    });
    expect(res.statusCode).toBe(201);
    const { id, url } = json<{ id: string; url: string }>(res);
    return { ws, id, token: new URL(url).searchParams.get("token") ?? "" };
  };
  const lookup = (token: string) =>
    service.app.inject({ method: "GET", url: `/v1/invitations/lookup?token=${encodeURIComponent(token)}` });
  const accept = (payload: Record<string, unknown>, remoteAddress = "127.0.0.1", cookie?: string) =>
    service.app.inject({
      method: "POST",
      url: "/v1/invitations/accept",
      payload,
      remoteAddress,
      ...(cookie ? { headers: { cookie } } : {}),
    });
  const login = (email: string, password: string, remoteAddress = "127.0.0.1") =>
    service.app.inject({
      method: "POST",
      url: "/v1/auth/login",
      payload: { email, password },
      remoteAddress,
    });
  const me = (cookie: string) =>
    service.app.inject({ method: "GET", url: "/v1/auth/me", headers: { cookie } });
  const sessionCookie = (res: LightMyRequestResponse) => {
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (!cookie) throw new Error("no session cookie set");
    return `${SESSION_COOKIE}=${cookie.value}`;
  };
  const events = (workspaceId: string, action: string) =>
    service.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("action", "=", action)
      .orderBy("id")
      .execute();
  const memberRole = async (workspaceId: string, email: string) =>
    (
      await service.store.db
        .selectFrom("memberships")
        .innerJoin("users", "users.id", "memberships.user_id")
        .select("memberships.role")
        .where("memberships.workspace_id", "=", workspaceId)
        .where("users.email", "=", email)
        .executeTakeFirst()
    )?.role;

  describe("GET /v1/invitations/lookup", () => {
    it("tells anyone holding the link its email, role, workspace name, whether the account exists, and expiry", async () => {
      const fresh = await invited("fresh@example.com", "viewer");
      const res = await lookup(fresh.token);
      expect(res.statusCode).toBe(200);
      expect(json(res)).toEqual({
        email: "fresh@example.com",
        role: "viewer",
        workspace: { name: "Initech" },
        accountExists: false,
        expiresAt: new Date(service.clock.nowMs() + WEEK_MS).toISOString(),
      });
      const known = await invited(other.ownerEmail, "admin");
      expect(json(await lookup(known.token))).toMatchObject({ email: other.ownerEmail, accountExists: true });
    });

    it("answers unknown, used, revoked and expired links alike with 404", async () => {
      const used = await invited("used@example.com");
      expect((await accept({ token: used.token, name: "Used", password: NEW_PASSWORD })).statusCode).toBe(
        201,
      );
      const revoked = await invited("revoked@example.com");
      await service.app.inject({
        method: "DELETE",
        url: `/v1/invitations/${revoked.id}`,
        headers: bearer(revoked.ws.rootKey),
      });
      const expired = await invited("expired@example.com");
      service.clock.advance(WEEK_MS);
      for (const token of ["no-such-token", used.token, revoked.token, expired.token]) {
        expectError(await lookup(token), 404, "NOT_FOUND", GONE);
      }
      expectError(
        await service.app.inject({ method: "GET", url: "/v1/invitations/lookup" }),
        400,
        "VALIDATION_FAILED",
        "querystring.token: required",
      );
    });
  });

  describe("POST /v1/invitations/accept", () => {
    it("makes the account of a new email, adds it with the invited role, signs in, and audits it", async () => {
      const { ws, id, token } = await invited("newbie@example.com", "developer");
      const res = await accept({ token, name: "New Bie", password: NEW_PASSWORD });
      expect(res.statusCode).toBe(201);
      const body = json<{ user: { id: string }; csrfToken: string }>(res);
      expect(body).toEqual({
        user: {
          id: expect.stringMatching(/^usr_/),
          email: "newbie@example.com",
          name: "New Bie",
          createdAt: service.clock.now().toISOString(),
        },
        workspace: toPublicWorkspace(ws.workspace),
        role: "developer",
        csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      });
      expect(res.cookies).toEqual([
        expect.objectContaining({ name: SESSION_COOKIE, httpOnly: true, sameSite: "Lax", path: "/" }),
      ]);
      expect(json(await me(sessionCookie(res)))).toMatchObject({
        workspace: { id: ws.workspace.id },
        role: "developer",
        csrfToken: body.csrfToken,
      });
      expect(await memberRole(ws.workspace.id, "newbie@example.com")).toBe("developer");
      expect(
        await service.store.db
          .selectFrom("invitations")
          .select(["accepted_at", "accepted_by"])
          .where("id", "=", id)
          .executeTakeFirst(),
      ).toEqual({ accepted_at: service.clock.now(), accepted_by: body.user.id });

      const added = await events(ws.workspace.id, "member.added");
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({
        actor_type: "user",
        actor_id: body.user.id,
        target_id: body.user.id,
        details: {
          email: "newbie@example.com",
          role: "developer",
          newAccount: true,
          source: "invitation",
          invitationId: id,
        },
      });
      const acceptedEvents = await events(ws.workspace.id, "invitation.accepted");
      expect(acceptedEvents).toHaveLength(1);
      expect(acceptedEvents[0]).toMatchObject({
        actor_id: body.user.id,
        target_type: "invitation",
        target_id: id,
        details: { email: "newbie@example.com", role: "developer", userId: body.user.id },
      });
      expect(JSON.stringify([...added, ...acceptedEvents])).not.toContain(NEW_PASSWORD);
      expect(JSON.stringify([...added, ...acceptedEvents])).not.toContain(token);

      expect((await login("newbie@example.com", NEW_PASSWORD, "192.0.2.70")).statusCode).toBe(200);
      expectError(await accept({ token, name: "Again", password: NEW_PASSWORD }), 404, "NOT_FOUND", GONE);
    });

    it("adds an existing account with its own name when its password is given", async () => {
      const { ws, token } = await invited(other.ownerEmail, "admin");
      const res = await accept({ token, name: "Ignored", password: TEST_PASSWORD });
      expect(res.statusCode).toBe(201);
      expect(json(res)).toMatchObject({
        user: { email: other.ownerEmail, name: "Owner" },
        workspace: { id: ws.workspace.id },
        role: "admin",
      });
      expect(await memberRole(ws.workspace.id, other.ownerEmail)).toBe("admin");
      expect(await memberRole(other.workspace.id, other.ownerEmail)).toBe("owner");
      expect((await events(ws.workspace.id, "member.added"))[0]?.details).toMatchObject({
        newAccount: false,
      });
      const workspaces = await service.app.inject({
        method: "GET",
        url: "/v1/auth/workspaces",
        headers: { cookie: sessionCookie(res) },
      });
      expect(json(workspaces)).toMatchObject({ currentWorkspaceId: ws.workspace.id });
    });

    it("refuses a wrong password for an existing account with 401 and keeps the link", async () => {
      const { ws, token } = await invited(acme.ownerEmail, "viewer");
      const res = await accept({ token, password: "not the password" }, "192.0.2.80");
      expectError(res, 401, "UNAUTHENTICATED", "password: is not the password of this email's account");
      expect(json<{ error: { details: unknown } }>(res).error.details).toEqual([
        { path: "password", message: "is not the password of this email's account" },
      ]);
      expect(res.cookies).toEqual([]);
      expect(await memberRole(ws.workspace.id, acme.ownerEmail)).toBeUndefined();
      expect(await events(ws.workspace.id, "user.sign_in_failed")).toHaveLength(1);
      expect((await lookup(token)).statusCode).toBe(200);
      expect((await accept({ token, password: TEST_PASSWORD }, "192.0.2.80")).statusCode).toBe(201);
    });

    it("throttles password checks as sign-in does, counting each before the check: 20 parallel guesses get 5", async () => {
      const target = await seedWorkspace(service, { name: "Target" });
      const { ws, token } = await invited(target.ownerEmail, "viewer");
      const ip = "198.51.100.7";
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => accept({ token, password: `guess ${i}` }, ip)),
      );
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([
        ...Array(5).fill(401),
        ...Array(15).fill(429),
      ]);
      expect(await events(ws.workspace.id, "user.sign_in_failed")).toHaveLength(5);
      // One throttle for both doors: the sign-in form from this address waits too.
      const limited = await login(target.ownerEmail, TEST_PASSWORD, ip);
      expectError(limited, 429, "RATE_LIMITED", /^too many failed sign-ins; try again in \d+ s$/);
      const held = await accept({ token, password: TEST_PASSWORD }, ip);
      expectError(held, 429, "RATE_LIMITED");
      expect(Number(held.headers["retry-after"])).toBeGreaterThan(0);
      // From another address the right password gets in.
      expect((await accept({ token, password: TEST_PASSWORD }, "198.51.100.8")).statusCode).toBe(201);
    });

    it("needs a name and a long enough password for a new account, and creates nothing otherwise", async () => {
      const { ws, token } = await invited("half@example.com");
      const cases: [Record<string, unknown>, string, { path: string; message: string }][] = [
        [
          { token, password: NEW_PASSWORD },
          "name: required, since this email has no account yet",
          { path: "name", message: "required, since this email has no account yet" },
        ],
        [
          { token, name: "Half", password: "too short" },
          "password: must be at least 12 characters",
          { path: "password", message: "must be at least 12 characters" },
        ],
        [
          { token, name: "", password: NEW_PASSWORD },
          "name: must not be empty",
          { path: "name", message: "must not be empty" },
        ],
        [{ name: "Half", password: NEW_PASSWORD }, "token: required", { path: "token", message: "required" }],
        [{ token, name: "Half" }, "password: required", { path: "password", message: "required" }],
        [
          { token, name: "Half", password: NEW_PASSWORD, role: "owner" },
          "role: unknown field",
          { path: "role", message: "unknown field" },
        ],
      ];
      for (const [payload, message, detail] of cases) {
        const res = await accept(payload);
        expectError(res, 400, "VALIDATION_FAILED", message);
        expect(json<{ error: { details: unknown } }>(res).error.details).toEqual([detail]);
      }
      expect(
        await service.store.db
          .selectFrom("users")
          .select("id")
          .where("email", "=", "half@example.com")
          .execute(),
      ).toEqual([]);
      expect(await events(ws.workspace.id, "member.added")).toEqual([]);
      expect((await lookup(token)).statusCode).toBe(200);
    });

    it("works once: of two concurrent accepts exactly one joins, the other gets 404", async () => {
      for (const email of ["race@example.com", acme.ownerEmail]) {
        const { ws, token } = await invited(email, "viewer");
        const payload = {
          token,
          name: "Racer",
          password: email === acme.ownerEmail ? TEST_PASSWORD : NEW_PASSWORD,
        };
        const answers = await Promise.all([accept(payload, "192.0.2.91"), accept(payload, "192.0.2.92")]);
        expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 404]);
        const loser = answers.find((answer) => answer.statusCode === 404);
        if (!loser) throw new Error("no loser");
        expectError(loser, 404, "NOT_FOUND", GONE);
        expect(loser.cookies).toEqual([]);
        expect(await memberRole(ws.workspace.id, email)).toBe("viewer");
        expect(await events(ws.workspace.id, "invitation.accepted")).toHaveLength(1);
        expect(
          await service.store.db.selectFrom("users").select("id").where("email", "=", email).execute(),
        ).toHaveLength(1);
      }
    });

    it("refuses unknown, revoked and expired links with 404 before any password check", async () => {
      const revoked = await invited(acme.ownerEmail, "viewer");
      await service.app.inject({
        method: "DELETE",
        url: `/v1/invitations/${revoked.id}`,
        headers: bearer(revoked.ws.rootKey),
      });
      const expired = await invited("late@example.com");
      service.clock.advance(WEEK_MS);
      for (const token of ["no-such-token", revoked.token, expired.token]) {
        expectError(
          await accept({ token, name: "X", password: "wrong password" }, "192.0.2.99"),
          404,
          "NOT_FOUND",
          GONE,
        );
      }
      expect(await events(revoked.ws.workspace.id, "user.sign_in_failed")).toEqual([]);
    });

    it("keeps to the plan's member limit at acceptance with 402, and the link keeps working", async () => {
      const { ws, token } = await invited("squeezed@example.com", "viewer", undefined, "free");
      // Filled meanwhile to the free plan's 3 members without invitations.
      for (const role of ["viewer", "viewer"] as const) await signInAs(service, ws.workspace.id, role);
      expectError(
        await accept({ token, name: "Squeezed", password: NEW_PASSWORD }),
        402,
        "PLAN_REQUIRED",
        "the free plan allows 3 members; upgrade required for more members",
      );
      expect(
        await service.store.db
          .selectFrom("users")
          .select("id")
          .where("email", "=", "squeezed@example.com")
          .execute(),
      ).toEqual([]);
      expect((await lookup(token)).statusCode).toBe(200);
    });

    it("refuses someone who became a member meanwhile with 409, keeping the link", async () => {
      const { ws, token } = await invited(other.ownerEmail, "viewer");
      const user = await service.store.db
        .selectFrom("users")
        .select("id")
        .where("email", "=", other.ownerEmail)
        .executeTakeFirstOrThrow();
      await addMember(service.store.db, {
        workspaceId: ws.workspace.id,
        userId: user.id,
        role: "developer",
        at: service.clock.now(),
      });
      expectError(
        await accept({ token, password: TEST_PASSWORD }, "192.0.2.93"),
        409,
        "CONFLICT",
        `${other.ownerEmail} is already a member of this workspace`,
      );
      expect(await memberRole(ws.workspace.id, other.ownerEmail)).toBe("developer");
      expect((await lookup(token)).statusCode).toBe(200);
    });

    it("ends the session the browser already had", async () => {
      const before = await signInAs(service, acme.workspace.id, "viewer");
      const { token } = await invited("switcher@example.com");
      const res = await accept(
        { token, name: "Switcher", password: NEW_PASSWORD },
        "127.0.0.1",
        before.headers.cookie,
      );
      expect(res.statusCode).toBe(201);
      expectError(
        await me(before.headers.cookie),
        401,
        "UNAUTHENTICATED",
        "the session has ended; sign in again",
      );
    });
  });
});
