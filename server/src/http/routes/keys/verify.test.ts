import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import {
  createTestService,
  expectError,
  expectSecured,
  type SeededWorkspace,
  seedRootKey,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../../test/harness.js";
import { insertKey, rotateKey } from "../../../../test/key-fixtures.js";
import { postVerify, verify } from "../../../../test/verify-helpers.js";
import { generateKey } from "../../../domain/key-format.js";

describe.each(backends)("POST /v1/keys/verify on $name", (backend) => {
  let service: TestService;
  let seeded: SeededWorkspace;
  let wsId: string;
  let root: string;

  beforeAll(async () => {
    service = await createTestService({ backend });
    seeded = await seedWorkspace(service);
    wsId = seeded.workspace.id;
    root = await seedRootKey(service, wsId, ["keys:verify"]);
  });
  afterAll(async () => service.close());

  describe("valid keys", () => {
    it("answers VALID with the key's details for a token key", async () => {
      const key = await insertKey(service, wsId, {
        name: "crm-integration",
        scopes: ["orders:read"],
        meta: { customer: "c_42" },
        expiresAt: new Date("2027-01-01T00:00:00.000Z"),
      });
      expect(await verify(service, root, { key: key.secret })).toEqual({
        valid: true,
        code: "VALID",
        keyId: key.id,
        name: "crm-integration",
        appId: null,
        workspaceId: wsId,
        scopes: ["orders:read"],
        meta: { customer: "c_42" },
        expiresAt: "2027-01-01T00:00:00.000Z",
        ratelimit: null,
        quota: null,
      });
    });

    it("answers VALID for a pair presented together", async () => {
      const key = await insertKey(service, wsId, { kind: "pair", name: "partner" });
      expect(await verify(service, root, { sharedKey: key.sharedKey, secretKey: key.secret })).toEqual({
        valid: true,
        code: "VALID",
        keyId: key.id,
        name: "partner",
        appId: null,
        workspaceId: wsId,
        scopes: [],
        meta: {},
        expiresAt: null,
        ratelimit: null,
        quota: null,
      });
    });

    it("lets a signed-in developer verify with the CSRF token", async () => {
      const key = await insertKey(service, wsId);
      const developer = await signInAs(service, wsId, "developer");
      const response = await service.app.inject({
        method: "POST",
        url: "/v1/keys/verify",
        headers: developer.headers,
        payload: { key: key.secret },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ valid: true, code: "VALID", keyId: key.id });
    });
  });

  describe("MALFORMED", () => {
    it("refuses a key of the wrong shape", async () => {
      for (const key of [
        "",
        "hello",
        "acme_short",
        "ACME_0123456789abcdefghijklmnopqrstuvABCDEF",
        "a".repeat(500),
      ]) {
        expect(await verify(service, root, { key })).toEqual({ valid: false, code: "MALFORMED" });
      }
    });

    it("refuses a mistyped key by its checksum without a lookup", async () => {
      const key = await insertKey(service, wsId);
      const last = key.secret.at(-1) === "a" ? "b" : "a";
      const mistyped = key.secret.slice(0, -1) + last;
      const misses = await service.ctx.metrics.cacheMisses.get();
      const hits = await service.ctx.metrics.cacheHits.get();
      expect(await verify(service, root, { key: mistyped })).toEqual({ valid: false, code: "MALFORMED" });
      expect((await service.ctx.metrics.cacheMisses.get()).values[0]?.value).toBe(misses.values[0]?.value);
      expect((await service.ctx.metrics.cacheHits.get()).values[0]?.value).toBe(hits.values[0]?.value);
    });

    it("refuses a pair whose Shared Key or Secret Key is malformed, cached or not", async () => {
      const key = await insertKey(service, wsId, { kind: "pair" });
      expect(await verify(service, root, { sharedKey: "acme_pk_nope", secretKey: key.secret })).toEqual({
        valid: false,
        code: "MALFORMED",
      });
      expect(await verify(service, root, key.credential)).toMatchObject({ valid: true });
      expect(await verify(service, root, { sharedKey: "acme_pk_nope", secretKey: key.secret })).toEqual({
        valid: false,
        code: "MALFORMED",
      });
      expect(await verify(service, root, { sharedKey: key.sharedKey, secretKey: `${key.secret}x` })).toEqual({
        valid: false,
        code: "MALFORMED",
      });
    });
  });

  describe("NOT_FOUND", () => {
    it("refuses a well-formed key nobody issued", async () => {
      expect(await verify(service, root, { key: generateKey("acme") })).toEqual({
        valid: false,
        code: "NOT_FOUND",
      });
    });

    it("refuses a key of another workspace without naming it", async () => {
      const other = await seedWorkspace(service);
      const theirs = await insertKey(service, other.workspace.id);
      expect(await verify(service, root, { key: theirs.secret })).toEqual({
        valid: false,
        code: "NOT_FOUND",
      });
      const theirRoot = await seedRootKey(service, other.workspace.id, ["keys:verify"]);
      expect(await verify(service, theirRoot, { key: theirs.secret })).toMatchObject({ valid: true });
    });

    it("refuses a deleted key", async () => {
      const key = await insertKey(service, wsId, { deleted: true });
      expect(await verify(service, root, { key: key.secret })).toEqual({ valid: false, code: "NOT_FOUND" });
    });

    it("refuses a pair's Secret Key presented alone, and a token presented as a pair", async () => {
      const pair = await insertKey(service, wsId, { kind: "pair" });
      const token = await insertKey(service, wsId);
      expect(await verify(service, root, { key: pair.secret })).toEqual({ valid: false, code: "NOT_FOUND" });
      expect(await verify(service, root, { sharedKey: pair.sharedKey, secretKey: token.secret })).toEqual({
        valid: false,
        code: "NOT_FOUND",
      });
    });

    it("refuses a Secret Key with another pair's Shared Key", async () => {
      const pair = await insertKey(service, wsId, { kind: "pair" });
      const other = await insertKey(service, wsId, { kind: "pair" });
      expect(await verify(service, root, { sharedKey: other.sharedKey, secretKey: pair.secret })).toEqual({
        valid: false,
        code: "NOT_FOUND",
      });
    });
  });

  describe("status and expiry", () => {
    it("refuses a revoked key as REVOKED, before DISABLED", async () => {
      const key = await insertKey(service, wsId, { revoked: true, enabled: false });
      expect(await verify(service, root, { key: key.secret })).toEqual({
        valid: false,
        code: "REVOKED",
        keyId: key.id,
      });
    });

    it("refuses a disabled key as DISABLED, before EXPIRED", async () => {
      const key = await insertKey(service, wsId, {
        enabled: false,
        expiresAt: new Date(service.clock.nowMs() - 1000),
      });
      expect(await verify(service, root, { key: key.secret })).toEqual({
        valid: false,
        code: "DISABLED",
        keyId: key.id,
      });
    });

    it("refuses a key from its expiry on", async () => {
      const key = await insertKey(service, wsId, { expiresAt: new Date(service.clock.nowMs() + 60_000) });
      expect(await verify(service, root, { key: key.secret })).toMatchObject({ valid: true, code: "VALID" });
      service.clock.advance(60_000);
      expect(await verify(service, root, { key: key.secret })).toEqual({
        valid: false,
        code: "EXPIRED",
        keyId: key.id,
      });
    });

    it("keeps an old secret working through its rotation grace, then refuses it", async () => {
      const key = await insertKey(service, wsId);
      const rotated = await rotateKey(service, key, new Date(service.clock.nowMs() + 3_600_000));
      expect(await verify(service, root, { key: key.secret })).toMatchObject({ valid: true, keyId: key.id });
      expect(await verify(service, root, { key: rotated.secret })).toMatchObject({
        valid: true,
        keyId: key.id,
      });
      service.clock.advance(3_599_999);
      expect(await verify(service, root, { key: key.secret })).toMatchObject({ valid: true });
      service.clock.advance(1);
      expect(await verify(service, root, { key: key.secret })).toEqual({
        valid: false,
        code: "EXPIRED",
        keyId: key.id,
      });
      expect(await verify(service, root, { key: rotated.secret })).toMatchObject({
        valid: true,
        code: "VALID",
      });
    });

    it("refuses the old secret at once after a rotation without grace, for a pair too", async () => {
      const key = await insertKey(service, wsId, { kind: "pair" });
      const rotated = await rotateKey(service, key, service.clock.now());
      expect(await verify(service, root, key.credential)).toEqual({
        valid: false,
        code: "EXPIRED",
        keyId: key.id,
      });
      expect(await verify(service, root, rotated.credential)).toMatchObject({ valid: true, code: "VALID" });
    });
  });

  describe("IP allowlist", () => {
    it("lets addresses inside the allowlist through and refuses the rest", async () => {
      const key = await insertKey(service, wsId, { ipAllowlist: ["203.0.113.0/24", "2001:db8::/32"] });
      const refused = { valid: false, code: "FORBIDDEN_IP", keyId: key.id };
      expect(await verify(service, root, { key: key.secret, ip: "203.0.113.9" })).toMatchObject({
        valid: true,
      });
      expect(await verify(service, root, { key: key.secret, ip: "2001:db8::1" })).toMatchObject({
        valid: true,
      });
      expect(await verify(service, root, { key: key.secret, ip: "::ffff:203.0.113.77" })).toMatchObject({
        valid: true,
      });
      expect(await verify(service, root, { key: key.secret, ip: "198.51.100.1" })).toEqual(refused);
      expect(await verify(service, root, { key: key.secret, ip: "2001:db9::1" })).toEqual(refused);
    });

    it("refuses a key with an allowlist when no ip is given", async () => {
      const key = await insertKey(service, wsId, { ipAllowlist: ["203.0.113.0/24"] });
      expect(await verify(service, root, { key: key.secret })).toEqual({
        valid: false,
        code: "FORBIDDEN_IP",
        keyId: key.id,
      });
    });

    it("judges expiry before the allowlist", async () => {
      const key = await insertKey(service, wsId, {
        ipAllowlist: ["203.0.113.0/24"],
        expiresAt: service.clock.now(),
      });
      expect(await verify(service, root, { key: key.secret, ip: "198.51.100.1" })).toMatchObject({
        code: "EXPIRED",
      });
    });
  });

  describe("scopes", () => {
    it("lets a key through when it holds every requested scope", async () => {
      const key = await insertKey(service, wsId, { scopes: ["orders:read", "orders:write", "billing:*"] });
      for (const scopes of [
        [],
        ["orders:read"],
        ["orders:read", "orders:write"],
        ["billing:invoices:read"],
      ]) {
        expect(await verify(service, root, { key: key.secret, scopes })).toMatchObject({ valid: true });
      }
    });

    it("refuses a key missing a requested scope", async () => {
      const key = await insertKey(service, wsId, { scopes: ["orders:read"] });
      for (const scopes of [["orders:write"], ["orders:read", "orders:delete"], ["orders:*"], ["billing"]]) {
        expect(await verify(service, root, { key: key.secret, scopes })).toEqual({
          valid: false,
          code: "INSUFFICIENT_SCOPE",
          keyId: key.id,
        });
      }
    });

    it("judges the allowlist before scopes", async () => {
      const key = await insertKey(service, wsId, { scopes: [], ipAllowlist: ["203.0.113.0/24"] });
      expect(await verify(service, root, { key: key.secret, scopes: ["x"], ip: "10.0.0.1" })).toMatchObject({
        code: "FORBIDDEN_IP",
      });
    });
  });

  describe("requests it cannot judge", () => {
    it("refuses a body without exactly one credential", async () => {
      const key = await insertKey(service, wsId, { kind: "pair" });
      const message = "body: send either key, or sharedKey and secretKey";
      for (const payload of [
        {},
        { sharedKey: key.sharedKey },
        { secretKey: key.secret },
        { key: key.secret, secretKey: key.secret },
        { key: key.secret, sharedKey: key.sharedKey, secretKey: key.secret },
      ]) {
        expectError(await postVerify(service, root, payload), 400, "VALIDATION_FAILED", message);
      }
    });

    it("refuses bad fields with a clear message", async () => {
      const key = await insertKey(service, wsId);
      const cases: Array<[Record<string, unknown>, string | RegExp]> = [
        [{ key: key.secret, ip: "not-an-ip" }, "ip: must be an IPv4 or IPv6 address"],
        [{ key: key.secret, cost: -1 }, "cost: must not be negative"],
        [{ key: key.secret, cost: 1_000_001 }, "cost: must be at most 1000000"],
        [
          { key: key.secret, scopes: Array.from({ length: 51 }, (_, i) => `s${i}`) },
          "scopes: must hold at most 50 scopes",
        ],
        [{ key: key.secret, extra: true }, /^extra: unknown field/],
        [{ key: 42 }, /^key: /],
        [{ key: "k".repeat(513) }, "key: must be at most 512 characters"],
      ];
      for (const [payload, message] of cases) {
        expectError(await postVerify(service, root, payload), 400, "VALIDATION_FAILED", message);
      }
      expectError(
        await service.app.inject({
          method: "POST",
          url: "/v1/keys/verify",
          headers: { authorization: `Bearer ${root}`, "content-type": "application/json" },
          payload: "{nope",
        }),
        400,
        "VALIDATION_FAILED",
        "the body is not valid JSON",
      );
    });

    it("is secured: no credential 401, a root key without keys:verify 403", async () => {
      const key = await insertKey(service, wsId);
      await expectSecured(
        service,
        wsId,
        { method: "POST", url: "/v1/keys/verify", payload: { key: key.secret } },
        "keys:verify",
      );
      const viewer = await signInAs(service, wsId, "viewer");
      expectError(
        await service.app.inject({
          method: "POST",
          url: "/v1/keys/verify",
          headers: viewer.headers,
          payload: { key: key.secret },
        }),
        403,
        "FORBIDDEN",
      );
    });
  });
});
