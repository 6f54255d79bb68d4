/**
 * POST /v1/keys/verify, every case through both doors: Fastify's route and the verify lane on a
 * real port (the door production traffic takes).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import {
  createTestService,
  type SeededWorkspace,
  seedRootKey,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../../test/harness.js";
import { insertKey, rotateKey } from "../../../../test/key-fixtures.js";
import { expectRefusal, verifyDoors } from "../../../../test/verify-doors.js";
import { generateKey, ROOT_KEY_PREFIX } from "../../../domain/key-format.js";
import { PERMISSIONS } from "../../../domain/principal.js";

describe.each(backends)("POST /v1/keys/verify on $name", (backend) => {
  let service: TestService;
  let seeded: SeededWorkspace;
  let wsId: string;
  let root: string;
  const doors = verifyDoors();

  beforeAll(async () => {
    service = await createTestService({ backend });
    seeded = await seedWorkspace(service);
    wsId = seeded.workspace.id;
    root = await seedRootKey(service, wsId, ["keys:verify"]);
    await doors.open(service);
  });
  afterAll(async () => service.close());

  describe.each(doors.all)("through $name", (door) => {
    describe("valid keys", () => {
      it("answers VALID with the key's details for a token key", async () => {
        const key = await insertKey(service, wsId, {
          name: "crm-integration",
          scopes: ["orders:read"],
          meta: { customer: "c_42" },
          expiresAt: new Date("2027-01-01T00:00:00.000Z"),
        });
        expect(await door.verify(root, { key: key.secret })).toEqual({
          valid: true,
          code: "VALID",
          keyId: key.id,
          name: "crm-integration",
          appId: null,
          workspaceId: wsId,
          externalId: null,
          identity: null,
          scopes: ["orders:read"],
          meta: { customer: "c_42" },
          expiresAt: "2027-01-01T00:00:00.000Z",
          ratelimit: null,
          quota: null,
        });
      });

      it("answers VALID for a pair presented together", async () => {
        const key = await insertKey(service, wsId, { kind: "pair", name: "partner" });
        expect(await door.verify(root, { sharedKey: key.sharedKey, secretKey: key.secret })).toEqual({
          valid: true,
          code: "VALID",
          keyId: key.id,
          name: "partner",
          appId: null,
          workspaceId: wsId,
          externalId: null,
          identity: null,
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
        const answer = await door.send(developer.headers, { key: key.secret });
        expect(answer.status).toBe(200);
        expect(answer.json()).toMatchObject({ valid: true, code: "VALID", keyId: key.id });
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
          expect(await door.verify(root, { key })).toEqual({ valid: false, code: "MALFORMED" });
        }
      });

      it("refuses a mistyped key by its checksum without a lookup", async () => {
        const key = await insertKey(service, wsId);
        const last = key.secret.at(-1) === "a" ? "b" : "a";
        const mistyped = key.secret.slice(0, -1) + last;
        const misses = await service.ctx.metrics.cacheMisses.get();
        const hits = await service.ctx.metrics.cacheHits.get();
        expect(await door.verify(root, { key: mistyped })).toEqual({ valid: false, code: "MALFORMED" });
        expect((await service.ctx.metrics.cacheMisses.get()).values[0]?.value).toBe(misses.values[0]?.value);
        expect((await service.ctx.metrics.cacheHits.get()).values[0]?.value).toBe(hits.values[0]?.value);
      });

      it("refuses a pair whose Shared Key or Secret Key is malformed, cached or not", async () => {
        const key = await insertKey(service, wsId, { kind: "pair" });
        expect(await door.verify(root, { sharedKey: "acme_pk_nope", secretKey: key.secret })).toEqual({
          valid: false,
          code: "MALFORMED",
        });
        expect(await door.verify(root, key.credential)).toMatchObject({ valid: true });
        expect(await door.verify(root, { sharedKey: "acme_pk_nope", secretKey: key.secret })).toEqual({
          valid: false,
          code: "MALFORMED",
        });
        expect(await door.verify(root, { sharedKey: key.sharedKey, secretKey: `${key.secret}x` })).toEqual({
          valid: false,
          code: "MALFORMED",
        });
      });
    });

    describe("NOT_FOUND", () => {
      it("refuses a well-formed key nobody issued", async () => {
        expect(await door.verify(root, { key: generateKey("acme") })).toEqual({
          valid: false,
          code: "NOT_FOUND",
        });
      });

      it("refuses a key of another workspace without naming it", async () => {
        const other = await seedWorkspace(service);
        const theirs = await insertKey(service, other.workspace.id);
        expect(await door.verify(root, { key: theirs.secret })).toEqual({
          valid: false,
          code: "NOT_FOUND",
        });
        const theirRoot = await seedRootKey(service, other.workspace.id, ["keys:verify"]);
        expect(await door.verify(theirRoot, { key: theirs.secret })).toMatchObject({ valid: true });
      });

      it("refuses a deleted key", async () => {
        const key = await insertKey(service, wsId, { deleted: true });
        expect(await door.verify(root, { key: key.secret })).toEqual({ valid: false, code: "NOT_FOUND" });
      });

      it("refuses a pair's Secret Key presented alone, and a token presented as a pair", async () => {
        const pair = await insertKey(service, wsId, { kind: "pair" });
        const token = await insertKey(service, wsId);
        expect(await door.verify(root, { key: pair.secret })).toEqual({ valid: false, code: "NOT_FOUND" });
        expect(await door.verify(root, { sharedKey: pair.sharedKey, secretKey: token.secret })).toEqual({
          valid: false,
          code: "NOT_FOUND",
        });
      });

      it("refuses a Secret Key with another pair's Shared Key", async () => {
        const pair = await insertKey(service, wsId, { kind: "pair" });
        const other = await insertKey(service, wsId, { kind: "pair" });
        expect(await door.verify(root, { sharedKey: other.sharedKey, secretKey: pair.secret })).toEqual({
          valid: false,
          code: "NOT_FOUND",
        });
      });
    });

    describe("status and expiry", () => {
      it("refuses a revoked key as REVOKED, before DISABLED", async () => {
        const key = await insertKey(service, wsId, { revoked: true, enabled: false });
        expect(await door.verify(root, { key: key.secret })).toEqual({
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
        expect(await door.verify(root, { key: key.secret })).toEqual({
          valid: false,
          code: "DISABLED",
          keyId: key.id,
        });
      });

      it("refuses a key from its expiry on", async () => {
        const key = await insertKey(service, wsId, { expiresAt: new Date(service.clock.nowMs() + 60_000) });
        expect(await door.verify(root, { key: key.secret })).toMatchObject({ valid: true, code: "VALID" });
        service.clock.advance(60_000);
        expect(await door.verify(root, { key: key.secret })).toEqual({
          valid: false,
          code: "EXPIRED",
          keyId: key.id,
        });
      });

      it("keeps an old secret working through its rotation grace, then refuses it", async () => {
        const key = await insertKey(service, wsId);
        const rotated = await rotateKey(service, key, new Date(service.clock.nowMs() + 3_600_000));
        expect(await door.verify(root, { key: key.secret })).toMatchObject({ valid: true, keyId: key.id });
        expect(await door.verify(root, { key: rotated.secret })).toMatchObject({
          valid: true,
          keyId: key.id,
        });
        service.clock.advance(3_599_999);
        expect(await door.verify(root, { key: key.secret })).toMatchObject({ valid: true });
        service.clock.advance(1);
        expect(await door.verify(root, { key: key.secret })).toEqual({
          valid: false,
          code: "EXPIRED",
          keyId: key.id,
        });
        expect(await door.verify(root, { key: rotated.secret })).toMatchObject({
          valid: true,
          code: "VALID",
        });
      });

      it("refuses the old secret at once after a rotation without grace, for a pair too", async () => {
        const key = await insertKey(service, wsId, { kind: "pair" });
        const rotated = await rotateKey(service, key, service.clock.now());
        expect(await door.verify(root, key.credential)).toEqual({
          valid: false,
          code: "EXPIRED",
          keyId: key.id,
        });
        expect(await door.verify(root, rotated.credential)).toMatchObject({ valid: true, code: "VALID" });
      });
    });

    describe("IP allowlist", () => {
      it("lets addresses inside the allowlist through and refuses the rest", async () => {
        const key = await insertKey(service, wsId, { ipAllowlist: ["203.0.113.0/24", "2001:db8::/32"] });
        const refused = { valid: false, code: "FORBIDDEN_IP", keyId: key.id };
        expect(await door.verify(root, { key: key.secret, ip: "203.0.113.9" })).toMatchObject({
          valid: true,
        });
        expect(await door.verify(root, { key: key.secret, ip: "2001:db8::1" })).toMatchObject({
          valid: true,
        });
        expect(await door.verify(root, { key: key.secret, ip: "::ffff:203.0.113.77" })).toMatchObject({
          valid: true,
        });
        expect(await door.verify(root, { key: key.secret, ip: "198.51.100.1" })).toEqual(refused);
        expect(await door.verify(root, { key: key.secret, ip: "2001:db9::1" })).toEqual(refused);
      });

      it("refuses a key with an allowlist when no ip is given", async () => {
        const key = await insertKey(service, wsId, { ipAllowlist: ["203.0.113.0/24"] });
        expect(await door.verify(root, { key: key.secret })).toEqual({
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
        expect(await door.verify(root, { key: key.secret, ip: "198.51.100.1" })).toMatchObject({
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
          expect(await door.verify(root, { key: key.secret, scopes })).toMatchObject({ valid: true });
        }
      });

      it("refuses a key missing a requested scope", async () => {
        const key = await insertKey(service, wsId, { scopes: ["orders:read"] });
        for (const scopes of [
          ["orders:write"],
          ["orders:read", "orders:delete"],
          ["orders:*"],
          ["billing"],
        ]) {
          expect(await door.verify(root, { key: key.secret, scopes })).toEqual({
            valid: false,
            code: "INSUFFICIENT_SCOPE",
            keyId: key.id,
          });
        }
      });

      it("judges the allowlist before scopes", async () => {
        const key = await insertKey(service, wsId, { scopes: [], ipAllowlist: ["203.0.113.0/24"] });
        expect(await door.verify(root, { key: key.secret, scopes: ["x"], ip: "10.0.0.1" })).toMatchObject({
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
          expectRefusal(await door.post(root, payload), 400, "VALIDATION_FAILED", message);
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
          expectRefusal(await door.post(root, payload), 400, "VALIDATION_FAILED", message);
        }
        expectRefusal(await door.post(root, "{nope"), 400, "VALIDATION_FAILED", "the body is not valid JSON");
      });

      it("is secured: no credential or an unknown root key 401, a root key without keys:verify 403", async () => {
        const key = await insertKey(service, wsId);
        const body = { key: key.secret };
        const notValid = "the root key is not valid";
        expectRefusal(
          await door.send({}, body),
          401,
          "UNAUTHENTICATED",
          "send 'Authorization: Bearer <root key>' or sign in",
        );
        expectRefusal(
          await door.send({ authorization: "Basic abc" }, body),
          401,
          "UNAUTHENTICATED",
          "the Authorization header must be 'Bearer <root key>'",
        );
        expectRefusal(await door.post("kg_root_notarealkey", body), 401, "UNAUTHENTICATED", notValid);
        // Well formed but never issued: refused after a store read, then from the negative entry.
        const unknown = generateKey(ROOT_KEY_PREFIX);
        expectRefusal(await door.post(unknown, body), 401, "UNAUTHENTICATED", notValid);
        expectRefusal(await door.post(unknown, body), 401, "UNAUTHENTICATED", notValid);
        // The caller is judged before the body.
        expectRefusal(
          await door.post(generateKey(ROOT_KEY_PREFIX), "{nope"),
          401,
          "UNAUTHENTICATED",
          notValid,
        );
        // Every permission but keys:verify: refused on its first use (a store read) and once cached.
        const weak = await seedRootKey(
          service,
          wsId,
          PERMISSIONS.filter((permission) => permission !== "keys:verify"),
        );
        const needs = "this needs the keys:verify permission";
        expectRefusal(await door.post(weak, body), 403, "FORBIDDEN", needs);
        expectRefusal(await door.post(weak, body), 403, "FORBIDDEN", needs);
        const viewer = await signInAs(service, wsId, "viewer");
        expectRefusal(await door.send(viewer.headers, body), 403, "FORBIDDEN", needs);
      });
    });
  });
});
