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
import { hashSecret } from "../../domain/key-format.js";
import type { Plan } from "../../store/schema.js";

const PUBLIC_URL = "https://keys.example.com";
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

interface Created {
  id: string;
  email: string;
  role: string;
  url: string;
  expiresAt: string;
  createdAt: string;
  invitedBy: { type: string; id: string; name: string | null };
}

describe.each(backends)("managing invitations on $name", (backend) => {
  let service: TestService;
  let seed: SeededWorkspace;
  let other: SeededWorkspace;
  beforeAll(async () => {
    service = await createTestService({ backend, env: { KEYGATE_PUBLIC_URL: PUBLIC_URL } });
    seed = await seedWorkspace(service, { name: "Acme" });
    other = await seedWorkspace(service, { name: "Other" });
  });
  afterAll(async () => service.close());

  const freshWorkspace = async (plan: Plan = "enterprise") => {
    const ws = await seedWorkspace(service, { plan });
    const owner = await signInAs(service, ws.workspace.id, "owner");
    return { ws, owner };
  };
  const invite = (headers: Record<string, string>, payload: Record<string, unknown>) =>
    service.app.inject({ method: "POST", url: "/v1/invitations", headers, payload });
  const list = (headers: Record<string, string>) =>
    service.app.inject({ method: "GET", url: "/v1/invitations", headers });
  const revoke = (headers: Record<string, string>, id: string) =>
    service.app.inject({ method: "DELETE", url: `/v1/invitations/${id}`, headers });
  const lookup = (token: string) =>
    service.app.inject({ method: "GET", url: `/v1/invitations/lookup?token=${encodeURIComponent(token)}` });
  const tokenOf = (created: Created) => new URL(created.url).searchParams.get("token") ?? "";
  const events = (workspaceId: string, action: string) =>
    service.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("action", "=", action)
      .orderBy("id")
      .execute();

  describe("POST /v1/invitations", () => {
    it("answers the one-use link once, stores only its SHA-256, and audits invitation.created", async () => {
      const { ws, owner } = await freshWorkspace();
      const res = await invite(owner.headers, { email: "New.Person@Example.com", role: "developer" });
      expect(res.statusCode).toBe(201);
      const body = json<Created>(res);
      const now = service.clock.now();
      expect(body).toEqual({
        id: expect.stringMatching(/^inv_[0-9A-HJKMNP-TV-Z]{26}$/),
        email: "new.person@example.com",
        role: "developer",
        url: expect.stringMatching(/^https:\/\/keys\.example\.com\/invite\?token=[A-Za-z0-9_-]{43}$/),
        expiresAt: new Date(now.getTime() + WEEK_MS).toISOString(),
        createdAt: now.toISOString(),
        invitedBy: { type: "user", id: owner.userId, name: "owner" },
      });
      const token = tokenOf(body);
      const rows = await service.store.db
        .selectFrom("invitations")
        .selectAll()
        .where("id", "=", body.id)
        .execute();
      expect(rows).toEqual([
        {
          id: body.id,
          workspace_id: ws.workspace.id,
          email: "new.person@example.com",
          role: "developer",
          token_hash: hashSecret(token),
          invited_by_type: "user",
          invited_by_id: owner.userId,
          created_at: now,
          expires_at: new Date(now.getTime() + WEEK_MS),
          accepted_at: null,
          accepted_by: null,
          revoked_at: null,
        },
      ]);
      const created = await events(ws.workspace.id, "invitation.created");
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({
        actor_type: "user",
        actor_id: owner.userId,
        target_type: "invitation",
        target_id: body.id,
        details: { email: "new.person@example.com", role: "developer", expiresAt: body.expiresAt },
      });
      expect(JSON.stringify(created)).not.toContain(token);
      expect(JSON.stringify(json(await list(owner.headers)))).not.toContain(token);
    });

    it("lets an admin and a root key with members:write invite, but only an owner invite an owner", async () => {
      const { ws, owner } = await freshWorkspace();
      const admin = await signInAs(service, ws.workspace.id, "admin");
      const membersKey = await seedRootKey(service, ws.workspace.id, ["members:write"]);
      const keyId = (
        await service.store.db
          .selectFrom("root_keys")
          .select("id")
          .where("secret_hash", "=", hashSecret(membersKey))
          .executeTakeFirstOrThrow()
      ).id;
      for (const headers of [admin.headers, bearer(membersKey), bearer(ws.rootKey)]) {
        expectError(
          await invite(headers, { email: "boss@example.com", role: "owner" }),
          403,
          "FORBIDDEN",
          "only an owner may invite an owner",
        );
      }
      expect(json(await invite(admin.headers, { email: "a@example.com", role: "admin" }))).toMatchObject({
        role: "admin",
        invitedBy: { type: "user", id: admin.userId, name: "admin" },
      });
      expect(
        json(await invite(bearer(membersKey), { email: "b@example.com", role: "viewer" })),
      ).toMatchObject({
        invitedBy: { type: "root_key", id: keyId, name: "root members:write" },
      });
      expect(json(await invite(owner.headers, { email: "boss@example.com", role: "owner" }))).toMatchObject({
        role: "owner",
      });
    });

    it("refuses an email already a member, or already invited, with 409; a revoked or expired invitation does not count", async () => {
      const { ws, owner } = await freshWorkspace();
      const before = await service.store.db.selectFrom("invitations").selectAll().execute();
      expectError(
        await invite(owner.headers, { email: ws.ownerEmail.toUpperCase(), role: "viewer" }),
        409,
        "CONFLICT",
        `${ws.ownerEmail} is already a member of this workspace`,
      );
      expect(await service.store.db.selectFrom("invitations").selectAll().execute()).toEqual(before);

      const first = json<Created>(
        await invite(owner.headers, { email: "twice@example.com", role: "viewer" }),
      );
      expectError(
        await invite(owner.headers, { email: "Twice@example.com", role: "admin" }),
        409,
        "CONFLICT",
        "twice@example.com already has a pending invitation; revoke it to send a new one",
      );
      expect((await revoke(owner.headers, first.id)).statusCode).toBe(204);
      const second = json<Created>(
        await invite(owner.headers, { email: "twice@example.com", role: "admin" }),
      );
      expect(second.role).toBe("admin");

      service.clock.advance(WEEK_MS);
      expect(
        (await invite(bearer(ws.rootKey), { email: "twice@example.com", role: "viewer" })).statusCode,
      ).toBe(201);
      // The same email may be invited to another workspace meanwhile.
      expect(
        (await invite(bearer(seed.rootKey), { email: "twice@example.com", role: "viewer" })).statusCode,
      ).toBe(201);
    });

    it("counts pending invitations toward the plan's member limit with 402", async () => {
      const { ws, owner } = await freshWorkspace("free");
      // The free plan allows 3: the seeded owner, the signed-in owner, and one pending invitation.
      const pending = json<Created>(
        await invite(owner.headers, { email: "third@example.com", role: "viewer" }),
      );
      expectError(
        await invite(owner.headers, { email: "fourth@example.com", role: "viewer" }),
        402,
        "PLAN_REQUIRED",
        "the free plan allows 3 members; upgrade required for more members",
      );
      expect(
        await service.store.db
          .selectFrom("invitations")
          .select("email")
          .where("workspace_id", "=", ws.workspace.id)
          .execute(),
      ).toEqual([{ email: "third@example.com" }]);
      expect((await revoke(owner.headers, pending.id)).statusCode).toBe(204);
      expect((await invite(owner.headers, { email: "fourth@example.com", role: "viewer" })).statusCode).toBe(
        201,
      );
    });

    it("refuses bad input with 400 naming the field", async () => {
      const { owner } = await freshWorkspace();
      const cases: [Record<string, unknown>, string | RegExp][] = [
        [{ role: "viewer" }, "email: must be an email address"],
        [{ email: "someone", role: "viewer" }, "email: must be an email address"],
        [{ email: "s@example.com" }, /^role: must be one of/],
        [{ email: "s@example.com", role: "root" }, /^role: must be one of/],
        [{ email: "s@example.com", role: "viewer", name: "S" }, "name: unknown field"],
      ];
      for (const [payload, message] of cases) {
        expectError(await invite(owner.headers, payload), 400, "VALIDATION_FAILED", message);
      }
    });

    it("refuses developers and viewers, and is secured by members:write", async () => {
      for (const role of ["developer", "viewer"] as const) {
        const member = await signInAs(service, seed.workspace.id, role);
        expectError(
          await invite(member.headers, { email: "x@example.com", role: "viewer" }),
          403,
          "FORBIDDEN",
          "this needs the members:write permission",
        );
      }
      await expectSecured(
        service,
        seed.workspace.id,
        { method: "POST", url: "/v1/invitations", payload: { email: "x@example.com", role: "viewer" } },
        "members:write",
      );
      expect(
        await service.store.db
          .selectFrom("invitations")
          .select("id")
          .where("workspace_id", "=", seed.workspace.id)
          .where("email", "=", "x@example.com")
          .execute(),
      ).toEqual([]);
    });
  });

  describe("GET /v1/invitations", () => {
    it("lists only this workspace's pending invitations, newest first, without tokens", async () => {
      const { ws, owner } = await freshWorkspace();
      const older = json<Created>(
        await invite(owner.headers, { email: "older@example.com", role: "viewer" }),
      );
      service.clock.advance(1000);
      const newer = json<Created>(await invite(owner.headers, { email: "newer@example.com", role: "admin" }));
      const revoked = json<Created>(
        await invite(owner.headers, { email: "revoked@example.com", role: "viewer" }),
      );
      await revoke(owner.headers, revoked.id);
      const accepted = json<Created>(
        await invite(owner.headers, { email: "joined@example.com", role: "viewer" }),
      );
      const joined = await service.app.inject({
        method: "POST",
        url: "/v1/invitations/accept",
        payload: { token: tokenOf(accepted), name: "Joined", password: "a long new password" },
      });
      expect(joined.statusCode).toBe(201);
      await invite(bearer(other.rootKey), { email: "elsewhere@example.com", role: "viewer" });

      const viewer = await signInAs(service, ws.workspace.id, "viewer");
      const res = await list(viewer.headers);
      expect(res.statusCode).toBe(200);
      const { url: _newerUrl, ...newerShown } = newer;
      const { url: _olderUrl, ...olderShown } = older;
      expect(json(res)).toEqual({ data: [newerShown, olderShown] });

      service.clock.advance(WEEK_MS - 1000);
      expect(json(await list(bearer(ws.rootKey)))).toEqual({ data: [newerShown] });
      service.clock.advance(1000);
      expect(json(await list(bearer(ws.rootKey)))).toEqual({ data: [] });
    });

    it("is secured by members:read", async () => {
      await expectSecured(
        service,
        seed.workspace.id,
        { method: "GET", url: "/v1/invitations" },
        "members:read",
      );
    });
  });

  describe("DELETE /v1/invitations/{id}", () => {
    it("revokes an invitation: its link stops working at once, audited invitation.revoked", async () => {
      const { ws, owner } = await freshWorkspace();
      const created = json<Created>(
        await invite(owner.headers, { email: "gone@example.com", role: "viewer" }),
      );
      expect((await lookup(tokenOf(created))).statusCode).toBe(200);
      const admin = await signInAs(service, ws.workspace.id, "admin");
      const res = await revoke(admin.headers, created.id);
      expect(res.statusCode).toBe(204);
      expect(res.body).toBe("");
      expectError(await lookup(tokenOf(created)), 404, "NOT_FOUND", "invitation not found");
      const revoked = await events(ws.workspace.id, "invitation.revoked");
      expect(revoked).toHaveLength(1);
      expect(revoked[0]).toMatchObject({
        actor_id: admin.userId,
        target_type: "invitation",
        target_id: created.id,
        details: { email: "gone@example.com", role: "viewer" },
      });
      expectError(await revoke(owner.headers, created.id), 404, "NOT_FOUND", "invitation not found");
      expect(await events(ws.workspace.id, "invitation.revoked")).toHaveLength(1);
    });

    it("lets only an owner revoke an invitation to the owner role", async () => {
      const { ws, owner } = await freshWorkspace();
      const created = json<Created>(
        await invite(owner.headers, { email: "heir@example.com", role: "owner" }),
      );
      const admin = await signInAs(service, ws.workspace.id, "admin");
      for (const headers of [admin.headers, bearer(ws.rootKey)]) {
        expectError(
          await revoke(headers, created.id),
          403,
          "FORBIDDEN",
          "only an owner may revoke an invitation to the owner role",
        );
      }
      expect((await lookup(tokenOf(created))).statusCode).toBe(200);
      expect((await revoke(owner.headers, created.id)).statusCode).toBe(204);
    });

    it("refuses an accepted invitation with 409, another workspace's with 404, a malformed id with 400", async () => {
      const { owner } = await freshWorkspace();
      const created = json<Created>(
        await invite(owner.headers, { email: "took@example.com", role: "viewer" }),
      );
      await service.app.inject({
        method: "POST",
        url: "/v1/invitations/accept",
        payload: { token: tokenOf(created), name: "Took", password: "a long new password" },
      });
      expectError(
        await revoke(owner.headers, created.id),
        409,
        "CONFLICT",
        "the invitation was already accepted; remove the member instead",
      );
      const theirs = json<Created>(
        await invite(bearer(other.rootKey), { email: "t@example.com", role: "viewer" }),
      );
      expectError(await revoke(owner.headers, theirs.id), 404, "NOT_FOUND", "invitation not found");
      expect((await lookup(tokenOf(theirs))).statusCode).toBe(200);
      expectError(
        await revoke(owner.headers, "inv_01JAAAAAAAAAAAAAAAAAAAAAAA"),
        404,
        "NOT_FOUND",
        "invitation not found",
      );
      expectError(
        await revoke(owner.headers, "key_123"),
        400,
        "VALIDATION_FAILED",
        "params.id: must be an id starting with inv_",
      );
    });

    it("is secured by members:write", async () => {
      const created = json<Created>(
        await invite(bearer(seed.rootKey), { email: "keep@example.com", role: "viewer" }),
      );
      await expectSecured(
        service,
        seed.workspace.id,
        { method: "DELETE", url: `/v1/invitations/${created.id}` },
        "members:write",
      );
      expect((await lookup(tokenOf(created))).statusCode).toBe(200);
    });
  });
});
