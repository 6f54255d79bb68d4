/**
 * Identities as verification sees them, every case through both doors: a VALID answer names the
 * key's externalId and identity, and an identity's rate limit is one limit across all its keys.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import { createTestService, seedRootKey, seedWorkspace, type TestService } from "../../../../test/harness.js";
import { type FixtureKey, type FixtureKeyOptions, insertKey } from "../../../../test/key-fixtures.js";
import { verifyDoors } from "../../../../test/verify-doors.js";
import { newId } from "../../../domain/ids.js";
import { publishKeyChange } from "../../../domain/keys/invalidate-key.js";

interface IdentityLimit {
  name: string;
  limit: number;
  windowMs: number;
}

describe.each(backends)("verify with identities on $name", (backend) => {
  let service: TestService;
  let wsId: string;
  let root: string;
  const doors = verifyDoors();
  let counter = 0;

  beforeAll(async () => {
    service = await createTestService({ backend });
    wsId = (await seedWorkspace(service)).workspace.id;
    root = await seedRootKey(service, wsId, ["keys:verify"]);
    await doors.open(service);
  });
  afterAll(async () => service.close());

  /** An identity row of the workspace, as the identities' routes write it. */
  async function insertIdentity(
    options: { meta?: Record<string, unknown>; rateLimits?: IdentityLimit[] } = {},
  ): Promise<{ id: string; externalId: string }> {
    counter += 1;
    const identity = { id: newId("identity"), externalId: `user_${counter}` };
    const at = service.clock.now();
    await service.store.db
      .insertInto("identities")
      .values({
        id: identity.id,
        workspace_id: wsId,
        external_id: identity.externalId,
        meta: JSON.stringify(options.meta ?? {}),
        rate_limits: JSON.stringify(options.rateLimits ?? []),
        created_at: at,
        updated_at: at,
      })
      .execute();
    return identity;
  }

  /** A key of the identity (it carries the identity's external id, as the keys' routes set it). */
  async function insertIdentityKey(
    identity: { id: string; externalId: string },
    options: FixtureKeyOptions = {},
  ): Promise<FixtureKey> {
    const key = await insertKey(service, wsId, options);
    await service.store.db
      .updateTable("keys")
      .set({ identity_id: identity.id, external_id: identity.externalId })
      .where("id", "=", key.id)
      .execute();
    return key;
  }

  describe.each(doors.all)("through $name", (door) => {
    it("answers VALID with the key's externalId and its identity", async () => {
      const identity = await insertIdentity({ meta: { plan: "gold", seats: 3 } });
      const key = await insertIdentityKey(identity, { name: "user key" });
      expect(await door.verify(root, { key: key.secret })).toEqual({
        valid: true,
        code: "VALID",
        keyId: key.id,
        name: "user key",
        appId: null,
        workspaceId: wsId,
        externalId: identity.externalId,
        identity: { id: identity.id, externalId: identity.externalId, meta: { plan: "gold", seats: 3 } },
        scopes: [],
        meta: {},
        expiresAt: null,
        ratelimit: null,
        quota: null,
      });
    });

    it("shows an identity's change on the next verification once its keys are published", async () => {
      const identity = await insertIdentity({ meta: { plan: "gold" } });
      const key = await insertIdentityKey(identity);
      expect(await door.verify(root, { key: key.secret })).toMatchObject({
        identity: { meta: { plan: "gold" } },
      });
      await service.store.db
        .updateTable("identities")
        .set({
          meta: JSON.stringify({ plan: "silver" }),
          rate_limits: JSON.stringify([{ name: "burst", limit: 1, windowMs: 60_000 }]),
        })
        .where("id", "=", identity.id)
        .execute();
      await publishKeyChange(service.ctx, [key.id]);
      expect(await door.verify(root, { key: key.secret })).toMatchObject({
        identity: { meta: { plan: "silver" } },
        ratelimit: { limit: 1, remaining: 0 },
      });
      expect(await door.verify(root, { key: key.secret })).toMatchObject({ code: "RATE_LIMITED" });
    });

    it("counts an identity's rate limit across all of its keys, and no one else's", async () => {
      const identity = await insertIdentity({
        rateLimits: [{ name: "requests", limit: 3, windowMs: 60_000 }],
      });
      const first = await insertIdentityKey(identity);
      const second = await insertIdentityKey(identity);
      const stranger = await insertIdentityKey(
        await insertIdentity({ rateLimits: [{ name: "requests", limit: 3, windowMs: 60_000 }] }),
      );
      const resetAt = new Date(
        service.clock.nowMs() - (service.clock.nowMs() % 60_000) + 60_000,
      ).toISOString();
      expect(await door.verify(root, { key: first.secret })).toMatchObject({
        code: "VALID",
        ratelimit: { limit: 3, remaining: 2, resetAt },
      });
      expect(await door.verify(root, { key: second.secret })).toMatchObject({ ratelimit: { remaining: 1 } });
      expect(await door.verify(root, { key: first.secret })).toMatchObject({ ratelimit: { remaining: 0 } });
      const refused = await door.verify(root, { key: second.secret });
      expect(refused).toEqual({
        valid: false,
        code: "RATE_LIMITED",
        keyId: second.id,
        ratelimit: { limit: 3, remaining: 0, resetAt: expect.any(String) },
        ratelimits: [{ name: "requests", limit: 3, remaining: 0, resetAt: expect.any(String) }],
      });
      expect(await door.verify(root, { key: stranger.secret })).toMatchObject({
        code: "VALID",
        ratelimit: { remaining: 2 },
      });
      // The window slides on: a minute later, both keys of the identity may pass again.
      service.clock.advance(120_000);
      expect(await door.verify(root, { key: second.secret })).toMatchObject({ code: "VALID" });
    });

    it("checks the key's limits and its identity's at once: one the identity refuses spends none of the key's", async () => {
      service.clock.set("2026-06-03T00:00:00.000Z");
      const t0 = service.clock.nowMs();
      const identity = await insertIdentity({
        rateLimits: [{ name: "per-minute", limit: 1, windowMs: 60_000 }],
      });
      const key = await insertIdentityKey(identity, { rateLimit: { limit: 3, windowMs: 3_600_000 } });
      const at = (ms: number) => new Date(t0 + ms).toISOString();
      expect(await door.verify(root, { key: key.secret })).toMatchObject({
        code: "VALID",
        ratelimit: { limit: 1, remaining: 0, resetAt: at(60_000) },
        ratelimits: [
          { name: "default", limit: 3, remaining: 2, resetAt: at(3_600_000) },
          { name: "per-minute", limit: 1, remaining: 0, resetAt: at(60_000) },
        ],
      });
      expect(await door.verify(root, { key: key.secret })).toEqual({
        valid: false,
        code: "RATE_LIMITED",
        keyId: key.id,
        ratelimit: { limit: 1, remaining: 0, resetAt: at(120_000) },
        ratelimits: [
          { name: "default", limit: 3, remaining: 2, resetAt: at(3_600_000) },
          { name: "per-minute", limit: 1, remaining: 0, resetAt: at(120_000) },
        ],
      });
      service.clock.advance(120_000);
      // The key's hourly limit spent one, not two: the refused request counted against none.
      expect(await door.verify(root, { key: key.secret })).toMatchObject({
        code: "VALID",
        ratelimits: [
          { name: "default", limit: 3, remaining: 1, resetAt: at(3_600_000) },
          { name: "per-minute", limit: 1, remaining: 0, resetAt: at(180_000) },
        ],
      });
    });

    it("answers the tightest limit: the one that refused, or else the one with the fewest left", async () => {
      const identity = await insertIdentity({
        rateLimits: [
          { name: "per-minute", limit: 10, windowMs: 60_000 },
          { name: "per-hour", limit: 4, windowMs: 3_600_000 },
        ],
      });
      const own = await insertIdentityKey(identity, { rateLimit: { limit: 1, windowMs: 60_000 } });
      const free = await insertIdentityKey(identity);
      expect(await door.verify(root, { key: own.secret })).toMatchObject({
        code: "VALID",
        ratelimit: { limit: 1, remaining: 0 },
      });
      // Refused by its own limit (1), though the identity's allow more.
      expect(await door.verify(root, { key: own.secret })).toMatchObject({
        code: "RATE_LIMITED",
        ratelimit: { limit: 1 },
      });
      // The other key: the per-hour limit (4, one spent by the first verification) is the tightest.
      expect(await door.verify(root, { key: free.secret })).toMatchObject({
        code: "VALID",
        ratelimit: { limit: 4, remaining: 2 },
      });
      expect(await door.verify(root, { key: free.secret })).toMatchObject({
        ratelimit: { limit: 4, remaining: 1 },
      });
      expect(await door.verify(root, { key: free.secret })).toMatchObject({
        ratelimit: { limit: 4, remaining: 0 },
      });
      expect(await door.verify(root, { key: free.secret })).toMatchObject({
        code: "RATE_LIMITED",
        ratelimit: { limit: 4, remaining: 0 },
      });
    });
  });
});
