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
import { hashPassword } from "../../domain/users/passwords.js";
import { addMember, createUser } from "../../domain/users/users.js";
import { createWorkspace, toPublicWorkspace } from "../../domain/workspaces/workspaces.js";
import { DEFAULT_RULES, LoginThrottle } from "../auth/login-throttle.js";

const WRONG = "email or password is wrong";

describe.each(backends)("sign-in on $name", (backend) => {
  let service: TestService;
  let seed: SeededWorkspace;
  beforeAll(async () => {
    service = await createTestService({ backend });
    seed = await seedWorkspace(service, { name: "Acme" });
  });
  afterAll(async () => service.close());

  const login = (payload: Record<string, unknown>, remoteAddress = "127.0.0.1", cookie?: string) =>
    service.app.inject({
      method: "POST",
      url: "/v1/auth/login",
      payload,
      remoteAddress,
      ...(cookie ? { headers: { cookie } } : {}),
    });

  const sessionCookie = (res: LightMyRequestResponse) => {
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (!cookie) throw new Error("no session cookie set");
    return `${SESSION_COOKIE}=${cookie.value}`;
  };

  const auditCount = async (action: string, workspaceId = seed.workspace.id) => {
    const rows = await service.store.db
      .selectFrom("audit_events")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .where("action", "=", action)
      .execute();
    return rows.length;
  };

  describe("POST /v1/auth/login", () => {
    it("signs the owner in, sets the session cookie and returns who, where and the CSRF token", async () => {
      const before = await auditCount("user.signed_in");
      const res = await login({ email: seed.ownerEmail, password: TEST_PASSWORD });
      expect(res.statusCode).toBe(200);
      const body = json<{ user: { id: string }; csrfToken: string }>(res);
      expect(body).toEqual({
        user: {
          id: expect.stringMatching(/^usr_/),
          email: seed.ownerEmail,
          name: "Owner",
          createdAt: expect.any(String),
        },
        workspace: toPublicWorkspace(seed.workspace),
        role: "owner",
        csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      });
      expect(res.cookies).toEqual([
        {
          name: SESSION_COOKIE,
          value: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
          maxAge: 604800,
          path: "/",
          httpOnly: true,
          sameSite: "Lax",
        },
      ]);
      expect(String(res.headers["set-cookie"])).not.toContain("Secure");

      const me = await service.app.inject({
        method: "GET",
        url: "/v1/auth/me",
        headers: { cookie: sessionCookie(res) },
      });
      expect(me.statusCode).toBe(200);
      expect(json(me)).toEqual(body);

      expect(await auditCount("user.signed_in")).toBe(before + 1);
      const event = await service.store.db
        .selectFrom("audit_events")
        .selectAll()
        .where("action", "=", "user.signed_in")
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      expect(event).toMatchObject({
        workspace_id: seed.workspace.id,
        actor_type: "user",
        actor_id: body.user.id,
        target_type: "user",
        target_id: body.user.id,
        ip: "127.0.0.1",
        details: { email: seed.ownerEmail },
      });
      const stored = JSON.stringify(event);
      expect(stored).not.toContain(TEST_PASSWORD);
      expect(stored).not.toContain(body.csrfToken);
    });

    it("accepts the email in any case and with spaces around it", async () => {
      const res = await login({ email: `  ${seed.ownerEmail.toUpperCase()} `, password: TEST_PASSWORD });
      expect(res.statusCode).toBe(200);
      expect(json<{ user: { email: string } }>(res).user.email).toBe(seed.ownerEmail);
    });

    it("marks the cookie Secure when the public URL is https", async () => {
      const secure = await createTestService({
        backend,
        env: { KEYGATE_PUBLIC_URL: "https://keys.example.com" },
      });
      try {
        const ws = await seedWorkspace(secure);
        const res = await secure.app.inject({
          method: "POST",
          url: "/v1/auth/login",
          payload: { email: ws.ownerEmail, password: TEST_PASSWORD },
        });
        expect(res.statusCode).toBe(200);
        expect(res.cookies[0]).toMatchObject({
          name: SESSION_COOKIE,
          secure: true,
          httpOnly: true,
          sameSite: "Lax",
        });
      } finally {
        await secure.close();
      }
    });

    it("ends the session the browser already had when signing in again", async () => {
      const first = await login({ email: seed.ownerEmail, password: TEST_PASSWORD });
      const second = await login(
        { email: seed.ownerEmail, password: TEST_PASSWORD },
        "127.0.0.1",
        sessionCookie(first),
      );
      expect(second.statusCode).toBe(200);
      const old = await service.app.inject({
        method: "GET",
        url: "/v1/auth/me",
        headers: { cookie: sessionCookie(first) },
      });
      expectError(old, 401, "UNAUTHENTICATED", "the session has ended; sign in again");
      const fresh = await service.app.inject({
        method: "GET",
        url: "/v1/auth/me",
        headers: { cookie: sessionCookie(second) },
      });
      expect(fresh.statusCode).toBe(200);
    });

    it("refuses a wrong password and an unknown email with the same answer, auditing only the known user", async () => {
      const failedBefore = await auditCount("user.sign_in_failed");
      const wrongPassword = await login(
        { email: seed.ownerEmail, password: "not the password" },
        "192.0.2.1",
      );
      expectError(wrongPassword, 401, "UNAUTHENTICATED", WRONG);
      expect(wrongPassword.cookies).toEqual([]);
      expect(await auditCount("user.sign_in_failed")).toBe(failedBefore + 1);

      const unknown = await login({ email: "nobody@example.com", password: TEST_PASSWORD }, "192.0.2.1");
      expectError(unknown, 401, "UNAUTHENTICATED", WRONG);
      expect(unknown.cookies).toEqual([]);
      const anywhere = await service.store.db
        .selectFrom("audit_events")
        .select("id")
        .where("action", "=", "user.sign_in_failed")
        .execute();
      expect(anywhere).toHaveLength(failedBefore + 1);
    });

    it("refuses bad input with 400 and signs nobody in", async () => {
      expectError(await login({ email: seed.ownerEmail }), 400, "VALIDATION_FAILED", "password: required");
      expectError(
        await login({ email: seed.ownerEmail, password: TEST_PASSWORD, remember: true }),
        400,
        "VALIDATION_FAILED",
        "remember: unknown field",
      );
      expectError(await login({ email: 42, password: TEST_PASSWORD }), 400, "VALIDATION_FAILED", /^email: /);
      expectError(
        await login({ email: seed.ownerEmail, password: "x".repeat(257) }),
        400,
        "VALIDATION_FAILED",
        "password: must be at most 256 characters",
      );
    });

    it("picks the oldest membership, or the workspace asked for", async () => {
      const at = service.clock.now();
      const other = await createWorkspace(service.store.db, {
        name: "Beta",
        plan: "pro",
        keyPrefix: "beta",
        at,
      });
      const user = await createUser(service.store.db, {
        email: "multi@example.com",
        name: "Multi",
        passwordHash: await hashPassword(TEST_PASSWORD),
        at,
      });
      await addMember(service.store.db, {
        workspaceId: seed.workspace.id,
        userId: user.id,
        role: "viewer",
        at,
      });
      service.clock.advance(1000);
      await addMember(service.store.db, {
        workspaceId: other.id,
        userId: user.id,
        role: "admin",
        at: service.clock.now(),
      });

      const oldest = await login({ email: "multi@example.com", password: TEST_PASSWORD });
      expect(json(oldest)).toMatchObject({ workspace: { id: seed.workspace.id }, role: "viewer" });

      const chosen = await login({
        email: "multi@example.com",
        password: TEST_PASSWORD,
        workspaceId: other.id,
      });
      expect(chosen.statusCode).toBe(200);
      expect(json(chosen)).toMatchObject({
        workspace: { id: other.id, name: "Beta", plan: "pro" },
        role: "admin",
      });
      const me = await service.app.inject({
        method: "GET",
        url: "/v1/auth/me",
        headers: { cookie: sessionCookie(chosen) },
      });
      expect(json(me)).toMatchObject({ workspace: { id: other.id }, role: "admin" });

      const stranger = await createWorkspace(service.store.db, {
        name: "Gamma",
        plan: "free",
        keyPrefix: "gam",
        at,
      });
      const notMember = await login({
        email: "multi@example.com",
        password: TEST_PASSWORD,
        workspaceId: stranger.id,
      });
      expectError(notMember, 404, "NOT_FOUND", "workspace not found");
      expect(notMember.cookies).toEqual([]);
    });

    it("refuses an account that belongs to no workspace", async () => {
      await createUser(service.store.db, {
        email: "loner@example.com",
        name: "Loner",
        passwordHash: await hashPassword(TEST_PASSWORD),
        at: service.clock.now(),
      });
      const res = await login({ email: "loner@example.com", password: TEST_PASSWORD });
      expectError(res, 403, "FORBIDDEN", "this account is not a member of any workspace");
      expect(res.cookies).toEqual([]);
    });

    it("slows one email from one address after 5 failures, with delays that double, and no one else", async () => {
      const ws = await seedWorkspace(service);
      const ip = "198.51.100.1";
      for (let i = 0; i < 5; i++) {
        expectError(
          await login({ email: ws.ownerEmail, password: `wrong ${i}` }, ip),
          401,
          "UNAUTHENTICATED",
          WRONG,
        );
      }
      const limited = await login({ email: ws.ownerEmail, password: TEST_PASSWORD }, ip);
      expectError(limited, 429, "RATE_LIMITED", "too many failed sign-ins; try again in 15 s");
      expect(limited.headers["retry-after"]).toBe("15");
      expect(limited.cookies).toEqual([]);
      // The owner, from anywhere else, is not held up.
      expect(
        (await login({ email: ws.ownerEmail, password: TEST_PASSWORD }, "198.51.100.99")).statusCode,
      ).toBe(200);

      service.clock.advance(15_000);
      expectError(
        await login({ email: ws.ownerEmail, password: "wrong 5" }, ip),
        401,
        "UNAUTHENTICATED",
        WRONG,
      );
      const longer = await login({ email: ws.ownerEmail, password: TEST_PASSWORD }, ip);
      expectError(longer, 429, "RATE_LIMITED", "too many failed sign-ins; try again in 30 s");
      service.clock.advance(30_000);
      expect((await login({ email: ws.ownerEmail, password: TEST_PASSWORD }, ip)).statusCode).toBe(200);
    });

    it("counts an attempt before checking its password: 20 parallel guesses get 5 checks", async () => {
      const ws = await seedWorkspace(service);
      const failedBefore = await auditCount("user.sign_in_failed", ws.workspace.id);
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          login({ email: ws.ownerEmail, password: `guess ${i}` }, "192.0.2.50"),
        ),
      );
      const statuses = answers.map((answer) => answer.statusCode).sort();
      expect(statuses).toEqual([...Array(5).fill(401), ...Array(15).fill(429)]);
      // Each password check of a known user is audited: exactly the 5 that were let through.
      expect(await auditCount("user.sign_in_failed", ws.workspace.id)).toBe(failedBefore + 5);
    });

    it("forgets a pair's failures after a successful sign-in", async () => {
      const ws = await seedWorkspace(service);
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 5; i++)
          await login({ email: ws.ownerEmail, password: "wrong" }, "198.51.100.200");
        expect(
          (await login({ email: ws.ownerEmail, password: TEST_PASSWORD }, "198.51.100.200")).statusCode,
        ).toBe(429);
        service.clock.advance(15_000);
        expect(
          (await login({ email: ws.ownerEmail, password: TEST_PASSWORD }, "198.51.100.200")).statusCode,
        ).toBe(200);
      }
    });

    it("throttles an address after 20 failures across emails, and only that address", async () => {
      const ip = "203.0.113.7";
      for (let i = 0; i < 20; i++) {
        expectError(
          await login({ email: `guess${i}@example.com`, password: "wrong password" }, ip),
          401,
          "UNAUTHENTICATED",
          WRONG,
        );
      }
      const limited = await login({ email: seed.ownerEmail, password: TEST_PASSWORD }, ip);
      expectError(limited, 429, "RATE_LIMITED");
      expect(limited.headers["retry-after"]).toBe("900");
      expect(
        (await login({ email: seed.ownerEmail, password: TEST_PASSWORD }, "203.0.113.8")).statusCode,
      ).toBe(200);

      service.clock.advance(15 * 60_000 + 1);
      expect((await login({ email: seed.ownerEmail, password: TEST_PASSWORD }, ip)).statusCode).toBe(200);
    });
  });

  describe("behind trusted proxies, and the per-email ceiling", () => {
    it("takes the client's address from X-Forwarded-For only when a trusted proxy sends it", async () => {
      const proxied = await createTestService({ backend, env: { KEYGATE_TRUSTED_PROXIES: "10.0.0.0/8" } });
      try {
        const ws = await seedWorkspace(proxied);
        const signIn = (remoteAddress: string, forwardedFor: string, password = TEST_PASSWORD) =>
          proxied.app.inject({
            method: "POST",
            url: "/v1/auth/login",
            payload: { email: ws.ownerEmail, password },
            remoteAddress,
            headers: { "x-forwarded-for": forwardedFor },
          });
        const lastSignInIp = async () =>
          (
            await proxied.store.db
              .selectFrom("audit_events")
              .select("ip")
              .where("workspace_id", "=", ws.workspace.id)
              .where("action", "=", "user.signed_in")
              .orderBy("id", "desc")
              .executeTakeFirstOrThrow()
          ).ip;

        expect((await signIn("10.1.2.3", "203.0.113.9")).statusCode).toBe(200);
        expect(await lastSignInIp()).toBe("203.0.113.9");
        // Not from a trusted proxy: the header is the client's word only, and ignored.
        expect((await signIn("192.0.2.77", "203.0.113.9")).statusCode).toBe(200);
        expect(await lastSignInIp()).toBe("192.0.2.77");

        // One client's failures through the balancer hold up that client, not everyone behind it.
        for (let i = 0; i < 5; i++) await signIn("10.1.2.3", "203.0.113.66", "wrong password");
        expectError(await signIn("10.1.2.3", "203.0.113.66"), 429, "RATE_LIMITED");
        expect((await signIn("10.1.2.3", "203.0.113.67")).statusCode).toBe(200);
      } finally {
        await proxied.close();
      }
    });

    it("refuses an email that failed too often from all addresses until its window passes", async () => {
      const strict = await createTestService({
        backend,
        configure: (ctx) => {
          ctx.loginThrottle = new LoginThrottle(ctx.clock, {
            ...DEFAULT_RULES,
            email: { maxFailures: 3, windowMs: 60 * 60_000 },
          });
        },
      });
      try {
        const ws = await seedWorkspace(strict);
        const signIn = (remoteAddress: string, password: string) =>
          strict.app.inject({
            method: "POST",
            url: "/v1/auth/login",
            payload: { email: ws.ownerEmail, password },
            remoteAddress,
          });
        for (const ip of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) {
          expect((await signIn(ip, "wrong password")).statusCode).toBe(401);
        }
        const limited = await signIn("192.0.2.4", TEST_PASSWORD);
        expectError(limited, 429, "RATE_LIMITED", "too many failed sign-ins; try again in 3600 s");
        strict.clock.advance(60 * 60_000 + 1);
        expect((await signIn("192.0.2.4", TEST_PASSWORD)).statusCode).toBe(200);
      } finally {
        await strict.close();
      }
    });

    it("keeps the documented numbers", () => {
      expect(DEFAULT_RULES).toEqual({
        pair: { freeFailures: 5, windowMs: 900_000, firstDelayMs: 15_000, maxDelayMs: 900_000 },
        email: { maxFailures: 100, windowMs: 3_600_000 },
        address: { maxFailures: 20, windowMs: 900_000 },
      });
    });
  });

  describe("POST /v1/auth/logout", () => {
    it("ends the session server-side and clears the cookie; the old cookie then gets 401", async () => {
      const user = await signInAs(service, seed.workspace.id, "developer");
      const before = await auditCount("user.signed_out");
      const res = await service.app.inject({ method: "POST", url: "/v1/auth/logout", headers: user.headers });
      expect(res.statusCode).toBe(204);
      expect(res.body).toBe("");
      expect(res.cookies).toEqual([
        {
          name: SESSION_COOKIE,
          value: "",
          expires: new Date(0),
          maxAge: 0,
          path: "/",
          httpOnly: true,
          sameSite: "Lax",
        },
      ]);
      expect(await auditCount("user.signed_out")).toBe(before + 1);
      expectError(
        await service.app.inject({ method: "GET", url: "/v1/auth/me", headers: user.headers }),
        401,
        "UNAUTHENTICATED",
        "the session has ended; sign in again",
      );
      expectError(
        await service.app.inject({ method: "POST", url: "/v1/auth/logout", headers: user.headers }),
        401,
        "UNAUTHENTICATED",
      );
    });

    it("needs the CSRF token, and keeps the session when it is missing or wrong", async () => {
      const user = await signInAs(service, seed.workspace.id, "viewer");
      expectError(
        await service.app.inject({
          method: "POST",
          url: "/v1/auth/logout",
          headers: { cookie: user.headers.cookie },
        }),
        403,
        "CSRF_FAILED",
      );
      expectError(
        await service.app.inject({
          method: "POST",
          url: "/v1/auth/logout",
          headers: { cookie: user.headers.cookie, "x-csrf-token": "wrong" },
        }),
        403,
        "CSRF_FAILED",
      );
      const me = await service.app.inject({ method: "GET", url: "/v1/auth/me", headers: user.headers });
      expect(me.statusCode).toBe(200);
    });

    it("refuses a caller without credential, and a root key, which has no session", async () => {
      expectError(
        await service.app.inject({ method: "POST", url: "/v1/auth/logout" }),
        401,
        "UNAUTHENTICATED",
      );
      expectError(
        await service.app.inject({ method: "POST", url: "/v1/auth/logout", headers: bearer(seed.rootKey) }),
        403,
        "FORBIDDEN",
        "a root key has no session to sign out of",
      );
    });
  });

  describe("GET /v1/auth/me", () => {
    it("answers a signed-in member with the role read live", async () => {
      const user = await signInAs(service, seed.workspace.id, "admin");
      const res = await service.app.inject({
        method: "GET",
        url: "/v1/auth/me",
        headers: { cookie: user.headers.cookie },
      });
      expect(res.statusCode).toBe(200);
      expect(json(res)).toEqual({
        user: {
          id: user.userId,
          email: user.email,
          name: "admin",
          createdAt: service.clock.now().toISOString(),
        },
        workspace: toPublicWorkspace(seed.workspace),
        role: "admin",
        csrfToken: user.headers["x-csrf-token"],
      });
    });

    it("answers a root key with its id, permissions and workspace", async () => {
      const res = await service.app.inject({
        method: "GET",
        url: "/v1/auth/me",
        headers: bearer(seed.rootKey),
      });
      expect(res.statusCode).toBe(200);
      const rootKey = await service.store.db
        .selectFrom("root_keys")
        .select("id")
        .where("workspace_id", "=", seed.workspace.id)
        .where("name", "=", "test root")
        .executeTakeFirstOrThrow();
      expect(json(res)).toEqual({
        rootKey: { id: rootKey.id, permissions: ["*"] },
        workspace: toPublicWorkspace(seed.workspace),
      });
    });

    it("refuses no credential, an unknown cookie and a session idle for over a day", async () => {
      expectError(await service.app.inject({ method: "GET", url: "/v1/auth/me" }), 401, "UNAUTHENTICATED");
      expectError(
        await service.app.inject({
          method: "GET",
          url: "/v1/auth/me",
          headers: { cookie: `${SESSION_COOKIE}=forged` },
        }),
        401,
        "UNAUTHENTICATED",
        "the session has ended; sign in again",
      );
      const user = await signInAs(service, seed.workspace.id, "viewer");
      service.clock.advance(24 * 60 * 60 * 1000 + 1);
      expectError(
        await service.app.inject({ method: "GET", url: "/v1/auth/me", headers: user.headers }),
        401,
        "UNAUTHENTICATED",
        "the session has ended; sign in again",
      );
    });
  });
});
