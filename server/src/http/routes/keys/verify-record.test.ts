/**
 * `"record": true` on POST /v1/keys/verify, every case through both doors (Fastify's route and the
 * verify lane): every code of a found key carries the key's record (state, expiry, allowlist,
 * scopes, limited, the VALID answer), MALFORMED and NOT_FOUND carry none, a request without it
 * answers exactly as before, and a keys:verify:any caller's record answer names the workspace.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import { createTestService, seedRootKey, seedWorkspace, type TestService } from "../../../../test/harness.js";
import { type FixtureKey, insertKey, rotateKey } from "../../../../test/key-fixtures.js";
import {
  type SeededOperator,
  type SeededTenant,
  seedOperator,
  seedTenant,
} from "../../../../test/tenant-fixtures.js";
import { expectRefusal, verifyDoors } from "../../../../test/verify-doors.js";

describe.each(backends)("verify with record on $name", (backend) => {
  let service: TestService;
  let workspaceId: string;
  let verifier: string;
  let operator: SeededOperator;
  let anyVerifier: string;
  let tenant: SeededTenant;
  const doors = verifyDoors();

  beforeAll(async () => {
    service = await createTestService({ backend });
    workspaceId = (await seedWorkspace(service)).workspace.id;
    verifier = await seedRootKey(service, workspaceId, ["keys:verify"]);
    operator = await seedOperator(service);
    anyVerifier = await seedRootKey(service, operator.workspace.id, ["keys:verify:any"]);
    tenant = await seedTenant(service, operator.rootKey, { plan: "pro" });
    await doors.open(service);
  });
  afterAll(async () => service.close());

  /** The VALID answer of a plain fixture key of the seeded workspace. */
  const validAnswer = (key: FixtureKey, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    valid: true,
    code: "VALID",
    keyId: key.id,
    name: "test key",
    appId: null,
    workspaceId: key.workspaceId,
    externalId: null,
    identity: null,
    scopes: [],
    meta: {},
    expiresAt: null,
    ratelimit: null,
    quota: null,
    ...extra,
  });

  const recordOf = (key: FixtureKey, fields: Record<string, unknown>) => ({
    keyId: key.id,
    workspaceId: key.workspaceId,
    state: "active",
    expiresAt: null,
    ipAllowlist: [],
    scopes: [],
    limited: false,
    answer: null,
    ...fields,
  });

  describe.each(doors.all)("through $name", (door) => {
    it("adds the record to a VALID answer: the key's standing and the VALID answer itself", async () => {
      const key = await insertKey(service, workspaceId, {
        scopes: ["orders:read", "orders:*"],
        meta: { plan: "gold" },
        ipAllowlist: ["203.0.113.0/24", "2001:db8::/32"],
      });
      const answer = validAnswer(key, { scopes: ["orders:read", "orders:*"], meta: { plan: "gold" } });
      expect(await door.verify(verifier, { key: key.secret, ip: "203.0.113.9", record: true })).toEqual({
        ...answer,
        record: recordOf(key, {
          ipAllowlist: ["203.0.113.0/24", "2001:db8::/32"],
          scopes: ["orders:read", "orders:*"],
          answer,
        }),
      });
    });

    it("answers exactly as before without record, or with record: false", async () => {
      const key = await insertKey(service, workspaceId);
      expect(await door.verify(verifier, { key: key.secret })).toEqual(validAnswer(key));
      expect(await door.verify(verifier, { key: key.secret, record: false })).toEqual(validAnswer(key));
    });

    it("carries the record of a pair", async () => {
      const key = await insertKey(service, workspaceId, { kind: "pair" });
      const body = await door.verify(verifier, { ...key.credential, record: true });
      expect(body.record).toEqual(recordOf(key, { answer: validAnswer(key) }));
    });

    it.each([
      ["DISABLED", { enabled: false }, "disabled"],
      ["REVOKED", { revoked: true }, "revoked"],
    ] as const)("carries the record of a %s key, with no answer", async (code, options, state) => {
      const key = await insertKey(service, workspaceId, options);
      expect(await door.verify(verifier, { key: key.secret, record: true })).toEqual({
        valid: false,
        code,
        keyId: key.id,
        record: recordOf(key, { state }),
      });
    });

    it("carries the record of an EXPIRED key: expiresAt is the key's expiry", async () => {
      const expiresAt = new Date(service.clock.nowMs() - 1000);
      const key = await insertKey(service, workspaceId, { expiresAt });
      expect(await door.verify(verifier, { key: key.secret, record: true })).toEqual({
        valid: false,
        code: "EXPIRED",
        keyId: key.id,
        record: recordOf(key, {
          expiresAt: expiresAt.toISOString(),
          answer: validAnswer(key, { expiresAt: expiresAt.toISOString() }),
        }),
      });
    });

    it("gives an old secret in its rotation grace the grace's end as expiresAt, and EXPIRED after it", async () => {
      const keyExpiry = new Date(service.clock.nowMs() + 86_400_000);
      const key = await insertKey(service, workspaceId, { expiresAt: keyExpiry });
      const graceEnd = new Date(service.clock.nowMs() + 60_000);
      const rotated = await rotateKey(service, key, graceEnd);
      const answer = validAnswer(key, { expiresAt: keyExpiry.toISOString() });
      expect(await door.verify(verifier, { key: key.secret, record: true })).toEqual({
        ...answer,
        record: recordOf(key, { expiresAt: graceEnd.toISOString(), answer }),
      });
      const current = await door.verify(verifier, { key: rotated.secret, record: true });
      expect(current.record).toEqual(recordOf(key, { expiresAt: keyExpiry.toISOString(), answer }));
      service.clock.advance(61_000);
      try {
        expect(await door.verify(verifier, { key: key.secret, record: true })).toEqual({
          valid: false,
          code: "EXPIRED",
          keyId: key.id,
          record: recordOf(key, { expiresAt: graceEnd.toISOString(), answer }),
        });
      } finally {
        service.clock.advance(-61_000);
      }
    });

    it("carries the record of a FORBIDDEN_IP answer with the allowlist as stored", async () => {
      const key = await insertKey(service, workspaceId, { ipAllowlist: ["203.0.113.0/24"] });
      expect(await door.verify(verifier, { key: key.secret, ip: "198.51.100.7", record: true })).toEqual({
        valid: false,
        code: "FORBIDDEN_IP",
        keyId: key.id,
        record: recordOf(key, { ipAllowlist: ["203.0.113.0/24"], answer: validAnswer(key) }),
      });
    });

    it("carries the record of an INSUFFICIENT_SCOPE answer with every scope the key holds", async () => {
      const key = await insertKey(service, workspaceId, { scopes: ["orders:read"] });
      const answer = validAnswer(key, { scopes: ["orders:read"] });
      expect(
        await door.verify(verifier, { key: key.secret, scopes: ["orders:write"], record: true }),
      ).toEqual({
        valid: false,
        code: "INSUFFICIENT_SCOPE",
        keyId: key.id,
        record: recordOf(key, { scopes: ["orders:read"], answer }),
      });
    });

    it("marks a rate-limited key limited, on its VALID and its RATE_LIMITED answers", async () => {
      const key = await insertKey(service, workspaceId, { rateLimit: { limit: 1, windowMs: 60_000 } });
      const first = await door.verify(verifier, { key: key.secret, record: true });
      expect(first).toMatchObject({ code: "VALID", ratelimit: { limit: 1, remaining: 0 } });
      expect(first.record).toEqual(recordOf(key, { limited: true, answer: validAnswer(key) }));
      const second = await door.verify(verifier, { key: key.secret, record: true });
      expect(second).toMatchObject({ valid: false, code: "RATE_LIMITED", keyId: key.id });
      expect(second.record).toEqual(recordOf(key, { limited: true, answer: validAnswer(key) }));
    });

    it("marks a key with a quota limited, on its USAGE_EXCEEDED answer", async () => {
      const key = await insertKey(service, workspaceId, { quota: { remaining: 0 } });
      expect(await door.verify(verifier, { key: key.secret, record: true })).toEqual({
        valid: false,
        code: "USAGE_EXCEEDED",
        keyId: key.id,
        quota: { remaining: 0 },
        record: recordOf(key, { limited: true, answer: validAnswer(key) }),
      });
    });

    it("carries the record of a key whose workspace is suspended: state suspended, no answer", async () => {
      const suspended = (await seedWorkspace(service)).workspace.id;
      const caller = await seedRootKey(service, suspended, ["keys:verify"]);
      const key = await insertKey(service, suspended);
      await service.store.db
        .updateTable("workspaces")
        .set({ suspended_at: service.clock.now() })
        .where("id", "=", suspended)
        .execute();
      await service.ctx.invalidation.publish({
        kind: "workspace",
        workspace: { id: suspended, externalId: null, plan: "enterprise", suspended: true },
      });
      expect(await door.verify(caller, { key: key.secret, record: true })).toEqual({
        valid: false,
        code: "WORKSPACE_SUSPENDED",
        keyId: key.id,
        record: recordOf(key, { state: "suspended" }),
      });
    });

    it("adds no record to MALFORMED and NOT_FOUND answers", async () => {
      expect(await door.verify(verifier, { key: "not a key", record: true })).toEqual({
        valid: false,
        code: "MALFORMED",
      });
      const elsewhere = await insertKey(service, tenant.id);
      expect(await door.verify(verifier, { key: elsewhere.secret, record: true })).toEqual({
        valid: false,
        code: "NOT_FOUND",
      });
    });

    it("gives a keys:verify:any caller the record of any workspace's key, its answer naming the workspace", async () => {
      const key = await insertKey(service, tenant.id, { scopes: ["orders:read"] });
      const answer = validAnswer(key, {
        scopes: ["orders:read"],
        workspace: { id: tenant.id, externalId: tenant.externalId, plan: "pro" },
      });
      expect(await door.verify(anyVerifier, { key: key.secret, record: true })).toEqual({
        ...answer,
        record: recordOf(key, { scopes: ["orders:read"], answer }),
      });
      // The same key's own-workspace caller still gets the answer without it.
      const own = await door.verify(tenant.rootKey, { key: key.secret, record: true });
      const { workspace: _, ...ownAnswer } = answer;
      expect(own).toEqual({
        ...ownAnswer,
        record: recordOf(key, { scopes: ["orders:read"], answer: ownAnswer }),
      });
    });

    it("refuses a record that is not a boolean (400)", async () => {
      const key = await insertKey(service, workspaceId);
      const refused = await door.post(verifier, { key: key.secret, record: "yes" });
      expectRefusal(refused, 400, "VALIDATION_FAILED");
    });
  });
});
