import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import {
  createTestService,
  json,
  seedRootKey,
  seedWorkspace,
  type TestService,
} from "../../../../test/harness.js";
import { createApi, createApp, createKey, del, patch, post } from "../../../../test/key-lifecycle.js";
import { verifyDoors } from "../../../../test/verify-doors.js";
import type { IssuedKey } from "../../../domain/keys/key-object.js";

/**
 * Each lifecycle step is seen by the very next verification, though the verifier cached the key,
 * through both doors (route and lane).
 */
describe.each(backends)("key lifecycle as verification sees it on $name", (backend) => {
  let service: TestService;
  let admin: string;
  let verifier: string;
  const doors = verifyDoors();
  beforeAll(async () => {
    service = await createTestService({ backend });
    const seeded = await seedWorkspace(service);
    admin = seeded.rootKey;
    verifier = await seedRootKey(service, seeded.workspace.id, ["keys:verify"]);
    await doors.open(service);
  });
  afterAll(async () => service.close());

  const presented = (issued: IssuedKey) =>
    issued.kind === "pair"
      ? { sharedKey: issued.sharedKey, secretKey: issued.secretKey }
      : { key: issued.key };

  describe.each(doors.all)("through $name", (door) => {
    const codeOf = async (body: Record<string, unknown>) => (await door.verify(verifier, body)).code;

    it.each(["token", "pair"] as const)(
      "disable blocks a %s at once and enable lets it in again",
      async (kind) => {
        const key = await createKey(service, admin, { kind });
        expect(await codeOf(presented(key))).toBe("VALID");
        await post(service, admin, `/v1/keys/${key.id}/disable`);
        expect(await codeOf(presented(key))).toBe("DISABLED");
        await post(service, admin, `/v1/keys/${key.id}/enable`);
        expect(await codeOf(presented(key))).toBe("VALID");
        await patch(service, admin, `/v1/keys/${key.id}`, { enabled: false });
        expect(await codeOf(presented(key))).toBe("DISABLED");
      },
    );

    it.each(["token", "pair"] as const)(
      "rotation with no grace ends the old %s secret at once",
      async (kind) => {
        const key = await createKey(service, admin, { kind });
        expect(await codeOf(presented(key))).toBe("VALID");
        const rotated = json<IssuedKey>(
          await post(service, admin, `/v1/keys/${key.id}/rotate`, { gracePeriodSeconds: 0 }),
        );
        expect(await codeOf(presented(key))).toBe("EXPIRED");
        expect(await codeOf(presented(rotated))).toBe("VALID");
      },
    );

    it("rotation with a grace keeps both secrets valid until the grace ends", async () => {
      const key = await createKey(service, admin);
      expect(await codeOf(presented(key))).toBe("VALID");
      const rotated = json<IssuedKey>(
        await post(service, admin, `/v1/keys/${key.id}/rotate`, { gracePeriodSeconds: 3600 }),
      );
      expect(await codeOf(presented(key))).toBe("VALID");
      expect(await codeOf(presented(rotated))).toBe("VALID");
      service.clock.advance(3599_000);
      expect(await codeOf(presented(key))).toBe("VALID");
      service.clock.advance(1000);
      expect(await codeOf(presented(key))).toBe("EXPIRED");
      expect(await codeOf(presented(rotated))).toBe("VALID");
    });

    it("revoke answers REVOKED at once, for the current and a grace secret", async () => {
      const key = await createKey(service, admin);
      const rotated = json<IssuedKey>(
        await post(service, admin, `/v1/keys/${key.id}/rotate`, { gracePeriodSeconds: 600 }),
      );
      expect(await codeOf(presented(rotated))).toBe("VALID");
      expect(await codeOf(presented(key))).toBe("VALID");
      await post(service, admin, `/v1/keys/${key.id}/revoke`, { reason: "leaked" });
      expect(await codeOf(presented(rotated))).toBe("REVOKED");
      expect(await codeOf(presented(key))).toBe("REVOKED");
    });

    it("delete answers NOT_FOUND at once", async () => {
      const key = await createKey(service, admin, { kind: "pair" });
      expect(await codeOf(presented(key))).toBe("VALID");
      await del(service, admin, `/v1/keys/${key.id}`);
      expect(await codeOf(presented(key))).toBe("NOT_FOUND");
    });

    it("an edit of scopes, expiry, allowlist or limits applies to the very next verification", async () => {
      const key = await createKey(service, admin, { scopes: ["orders:read", "orders:write"] });
      expect(await codeOf({ ...presented(key), scopes: ["orders:write"] })).toBe("VALID");
      await patch(service, admin, `/v1/keys/${key.id}`, { scopes: ["orders:read"] });
      expect(await codeOf({ ...presented(key), scopes: ["orders:write"] })).toBe("INSUFFICIENT_SCOPE");
      expect(await codeOf({ ...presented(key), scopes: ["orders:read"] })).toBe("VALID");

      await patch(service, admin, `/v1/keys/${key.id}`, { ipAllowlist: ["203.0.113.0/24"] });
      expect(await codeOf({ ...presented(key), ip: "198.51.100.1" })).toBe("FORBIDDEN_IP");
      expect(await codeOf({ ...presented(key), ip: "203.0.113.9" })).toBe("VALID");
      await patch(service, admin, `/v1/keys/${key.id}`, { ipAllowlist: [] });

      await patch(service, admin, `/v1/keys/${key.id}`, { quota: { remaining: 1 } });
      expect(await codeOf(presented(key))).toBe("VALID");
      expect(await codeOf(presented(key))).toBe("USAGE_EXCEEDED");
      await patch(service, admin, `/v1/keys/${key.id}`, { quota: null });
      expect(await codeOf(presented(key))).toBe("VALID");

      const soon = new Date(service.clock.nowMs() + 60_000).toISOString();
      await patch(service, admin, `/v1/keys/${key.id}`, { expiresAt: soon });
      expect(await codeOf(presented(key))).toBe("VALID");
      service.clock.advance(60_000);
      expect(await codeOf(presented(key))).toBe("EXPIRED");
    });

    it("deleting an app answers NOT_FOUND at once for its keys", async () => {
      const api = await createApi(service, admin, { scopes: ["orders:read"] });
      const app = await createApp(service, admin, { apiIds: [api.id] });
      const key = await createKey(service, admin, { appId: app.id, scopes: ["orders:read"] });
      expect(await codeOf(presented(key))).toBe("VALID");
      await del(service, admin, `/v1/apps/${app.id}`);
      expect(await codeOf(presented(key))).toBe("NOT_FOUND");
    });
  });
});
