/**
 * Verification across tenants (platform mode), every case through both doors (Fastify's route and
 * the verify lane): the operator's `keys:verify:any` root key finds any workspace's keys and its
 * VALID answers name the workspace; a tenant's own root key finds only its own; a suspension, a
 * deletion, a resume and a plan change reach an already cached key on the very next verification.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import { bearer, createTestService, seedRootKey, type TestService } from "../../../../test/harness.js";
import { insertKey } from "../../../../test/key-fixtures.js";
import {
  type SeededOperator,
  type SeededTenant,
  seedOperator,
  seedTenant,
} from "../../../../test/tenant-fixtures.js";
import { expectRefusal, verifyDoors } from "../../../../test/verify-doors.js";
import type { Plan } from "../../../store/schema.js";

describe.each(backends)("verification across tenants on $name", (backend) => {
  let service: TestService;
  let operator: SeededOperator;
  /** The operator's root key granted only keys:verify:any (which implies keys:verify). */
  let anyVerifier: string;
  let tenantA: SeededTenant;
  let tenantB: SeededTenant;
  const doors = verifyDoors();

  beforeAll(async () => {
    service = await createTestService({ backend });
    operator = await seedOperator(service);
    anyVerifier = await seedRootKey(service, operator.workspace.id, ["keys:verify:any"]);
    tenantA = await seedTenant(service, operator.rootKey, { plan: "pro" });
    tenantB = await seedTenant(service, operator.rootKey, { plan: "enterprise" });
    await doors.open(service);
  });
  afterAll(async () => service.close());

  /** Writes the tenant's row and publishes its state, as the tenants' routes do after a change. */
  async function changeTenant(
    id: string,
    change: { plan?: Plan; suspended?: boolean; deleted?: boolean },
  ): Promise<void> {
    const at = service.clock.now();
    await service.store.db
      .updateTable("workspaces")
      .set({
        ...(change.plan === undefined ? {} : { plan: change.plan }),
        ...(change.suspended === undefined ? {} : { suspended_at: change.suspended ? at : null }),
        ...(change.deleted ? { deleted_at: at } : {}),
        updated_at: at,
      })
      .where("id", "=", id)
      .execute();
    const row = await service.store.db
      .selectFrom("workspaces")
      .select(["external_id", "plan", "suspended_at", "deleted_at"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    await service.ctx.invalidation.publish({
      kind: "workspace",
      workspace: {
        id,
        externalId: row.external_id,
        plan: row.plan,
        suspended: row.suspended_at !== null || row.deleted_at !== null,
      },
    });
  }

  const cacheMisses = () => service.ctx.metrics.cacheCounts.misses;

  describe.each(doors.all)("through $name", (door) => {
    it("lets the operator's keys:verify:any root key verify a tenant's key, naming its workspace", async () => {
      const key = await insertKey(service, tenantA.id, { name: "crm", scopes: ["orders:read"] });
      expect(await door.verify(anyVerifier, { key: key.secret })).toEqual({
        valid: true,
        code: "VALID",
        keyId: key.id,
        name: "crm",
        appId: null,
        workspaceId: tenantA.id,
        externalId: null,
        identity: null,
        scopes: ["orders:read"],
        meta: {},
        expiresAt: null,
        ratelimit: null,
        quota: null,
        workspace: { id: tenantA.id, externalId: tenantA.externalId, plan: "pro" },
      });
      // A key with a rate limit or a quota answers from the other path, with the workspace too.
      const limited = await insertKey(service, tenantB.id, {
        rateLimit: { limit: 5, windowMs: 60_000 },
        quota: { remaining: 10 },
      });
      expect(await door.verify(anyVerifier, { key: limited.secret })).toMatchObject({
        code: "VALID",
        workspaceId: tenantB.id,
        ratelimit: { limit: 5, remaining: 4 },
        quota: { remaining: 9 },
        workspace: { id: tenantB.id, externalId: tenantB.externalId, plan: "enterprise" },
      });
    });

    it("answers a keys:verify:any root key's first use (not cached yet) with the workspace too", async () => {
      const fresh = await seedRootKey(service, operator.workspace.id, ["keys:verify:any"]);
      const key = await insertKey(service, tenantB.id);
      expect(await door.verify(fresh, { key: key.secret })).toMatchObject({
        code: "VALID",
        workspace: { id: tenantB.id, externalId: tenantB.externalId, plan: "enterprise" },
      });
    });

    it("names the operator's own workspace with a null externalId", async () => {
      const key = await insertKey(service, operator.workspace.id);
      expect(await door.verify(anyVerifier, { key: key.secret })).toMatchObject({
        code: "VALID",
        workspace: { id: operator.workspace.id, externalId: null, plan: "enterprise" },
      });
    });

    it("never names the workspace in a refusal", async () => {
      const key = await insertKey(service, tenantA.id, { revoked: true });
      expect(await door.verify(anyVerifier, { key: key.secret })).toEqual({
        valid: false,
        code: "REVOKED",
        keyId: key.id,
      });
    });

    it("lets a tenant's own root key (even *) verify only its own keys, without the workspace", async () => {
      const own = await insertKey(service, tenantA.id);
      const other = await insertKey(service, tenantB.id);
      const answer = await door.verify(tenantA.rootKey, { key: own.secret });
      expect(answer).toMatchObject({ valid: true, code: "VALID", workspaceId: tenantA.id });
      expect(answer).not.toHaveProperty("workspace");
      // Cached by the operator's verification first: still not found for another tenant.
      expect(await door.verify(anyVerifier, { key: other.secret })).toMatchObject({ code: "VALID" });
      expect(await door.verify(tenantA.rootKey, { key: other.secret })).toEqual({
        valid: false,
        code: "NOT_FOUND",
      });
    });

    it("answers each kind of caller its own answer, alternately and across a plan change", async () => {
      const tenant = await seedTenant(service, operator.rootKey, { plan: "pro" });
      const key = await insertKey(service, tenant.id, { name: "alternating", meta: { a: 1 } });
      const own = {
        valid: true,
        code: "VALID",
        keyId: key.id,
        name: "alternating",
        appId: null,
        workspaceId: tenant.id,
        externalId: null,
        identity: null,
        scopes: [],
        meta: { a: 1 },
        expiresAt: null,
        ratelimit: null,
        quota: null,
      };
      const any = (plan: Plan) => ({
        ...own,
        workspace: { id: tenant.id, externalId: tenant.externalId, plan },
      });
      expect(await door.verify(tenant.rootKey, { key: key.secret })).toEqual(own);
      expect(await door.verify(anyVerifier, { key: key.secret })).toEqual(any("pro"));
      expect(await door.verify(tenant.rootKey, { key: key.secret })).toEqual(own);
      expect(await door.verify(anyVerifier, { key: key.secret })).toEqual(any("pro"));
      await changeTenant(tenant.id, { plan: "enterprise" });
      expect(await door.verify(anyVerifier, { key: key.secret })).toEqual(any("enterprise"));
      expect(await door.verify(tenant.rootKey, { key: key.secret })).toEqual(own);
      expect(await door.verify(anyVerifier, { key: key.secret })).toEqual(any("enterprise"));
    });

    it("keeps an operator root key with keys:verify alone to the operator's own keys", async () => {
      const ownOnly = await seedRootKey(service, operator.workspace.id, ["keys:verify"]);
      const tenantKey = await insertKey(service, tenantA.id);
      const operatorKey = await insertKey(service, operator.workspace.id);
      expect(await door.verify(ownOnly, { key: tenantKey.secret })).toEqual({
        valid: false,
        code: "NOT_FOUND",
      });
      const answer = await door.verify(ownOnly, { key: operatorKey.secret });
      expect(answer).toMatchObject({ code: "VALID", workspaceId: operator.workspace.id });
      expect(answer).not.toHaveProperty("workspace");
    });

    it("refuses a tenant's root key that holds keys:verify:any in the store (403)", async () => {
      // The API never grants it to a tenant; a row that says so anyway holds nothing of it.
      const forged = await seedRootKey(service, tenantA.id, ["keys:verify:any"]);
      const key = await insertKey(service, tenantB.id);
      const needs = "this needs the keys:verify permission";
      expectRefusal(await door.post(forged, { key: key.secret }), 403, "FORBIDDEN", needs);
      expectRefusal(await door.post(forged, { key: key.secret }), 403, "FORBIDDEN", needs);
    });

    it("refuses a suspended tenant's cached key as WORKSPACE_SUSPENDED at once, and lets it in on resume", async () => {
      const tenant = await seedTenant(service, operator.rootKey);
      const key = await insertKey(service, tenant.id, { revoked: false });
      expect(await door.verify(anyVerifier, { key: key.secret })).toMatchObject({ code: "VALID" });
      expect(await door.verify(tenant.rootKey, { key: key.secret })).toMatchObject({ code: "VALID" });
      const misses = cacheMisses();
      await changeTenant(tenant.id, { suspended: true });
      const suspended = { valid: false, code: "WORKSPACE_SUSPENDED", keyId: key.id };
      expect(await door.verify(anyVerifier, { key: key.secret })).toEqual(suspended);
      expect(await door.verify(tenant.rootKey, { key: key.secret })).toEqual(suspended);
      // Judged from the cached record: the message changed the workspace's state in place.
      expect(cacheMisses()).toBe(misses);
      await changeTenant(tenant.id, { suspended: false });
      expect(await door.verify(anyVerifier, { key: key.secret })).toMatchObject({ code: "VALID" });
      expect(await door.verify(tenant.rootKey, { key: key.secret })).toMatchObject({ code: "VALID" });
    });

    it("judges WORKSPACE_SUSPENDED before REVOKED, for a key not cached yet too", async () => {
      const tenant = await seedTenant(service, operator.rootKey);
      await changeTenant(tenant.id, { suspended: true });
      const revoked = await insertKey(service, tenant.id, { revoked: true, enabled: false });
      expect(await door.verify(anyVerifier, { key: revoked.secret })).toEqual({
        valid: false,
        code: "WORKSPACE_SUSPENDED",
        keyId: revoked.id,
      });
    });

    it("refuses a deleted tenant's cached key as WORKSPACE_SUSPENDED at once", async () => {
      const tenant = await seedTenant(service, operator.rootKey);
      const key = await insertKey(service, tenant.id);
      expect(await door.verify(anyVerifier, { key: key.secret })).toMatchObject({ code: "VALID" });
      await changeTenant(tenant.id, { deleted: true });
      expect(await door.verify(anyVerifier, { key: key.secret })).toEqual({
        valid: false,
        code: "WORKSPACE_SUSPENDED",
        keyId: key.id,
      });
    });

    it("answers the plan of now in the next answer's workspace after a plan change", async () => {
      const tenant = await seedTenant(service, operator.rootKey, { plan: "pro" });
      const key = await insertKey(service, tenant.id);
      const limited = await insertKey(service, tenant.id, { rateLimit: { limit: 100, windowMs: 60_000 } });
      expect(await door.verify(anyVerifier, { key: key.secret })).toMatchObject({
        workspace: { plan: "pro" },
      });
      expect(await door.verify(anyVerifier, { key: limited.secret })).toMatchObject({
        workspace: { plan: "pro" },
      });
      await changeTenant(tenant.id, { plan: "free" });
      const expected = { id: tenant.id, externalId: tenant.externalId, plan: "free" };
      expect(await door.verify(anyVerifier, { key: key.secret })).toMatchObject({ workspace: expected });
      expect(await door.verify(anyVerifier, { key: limited.secret })).toMatchObject({ workspace: expected });
    });

    it("sees a suspension, a plan change and a deletion made through the tenants API on the next verification", async () => {
      const tenant = await seedTenant(service, operator.rootKey, { plan: "pro" });
      const key = await insertKey(service, tenant.id);
      const tenantUrl = `/v1/workspaces/${tenant.id}`;
      const patch = async (payload: Record<string, unknown>) => {
        const response = await service.app.inject({
          method: "PATCH",
          url: tenantUrl,
          headers: bearer(operator.rootKey),
          payload,
        });
        expect(response.statusCode, response.body).toBe(200);
      };
      expect(await door.verify(anyVerifier, { key: key.secret })).toMatchObject({ code: "VALID" });
      await patch({ suspended: true });
      expect(await door.verify(anyVerifier, { key: key.secret })).toMatchObject({
        code: "WORKSPACE_SUSPENDED",
      });
      await patch({ suspended: false, plan: "enterprise" });
      expect(await door.verify(anyVerifier, { key: key.secret })).toMatchObject({
        code: "VALID",
        workspace: { plan: "enterprise" },
      });
      const deleted = await service.app.inject({
        method: "DELETE",
        url: tenantUrl,
        headers: bearer(operator.rootKey),
      });
      expect(deleted.statusCode).toBe(204);
      expect(await door.verify(anyVerifier, { key: key.secret })).toMatchObject({
        code: "WORKSPACE_SUSPENDED",
      });
    });
  });

  it("counts WORKSPACE_SUSPENDED in the key's usage and the metrics, and moves last_verified_at", async () => {
    const tenant = await seedTenant(service, operator.rootKey);
    const key = await insertKey(service, tenant.id);
    const counted = () => service.ctx.metrics.verificationCounts.WORKSPACE_SUSPENDED;
    const before = counted();
    await doors.lane.verify(anyVerifier, { key: key.secret });
    const verifiedAt = service.clock.now();
    await changeTenant(tenant.id, { suspended: true });
    expect(await doors.lane.verify(anyVerifier, { key: key.secret })).toMatchObject({
      code: "WORKSPACE_SUSPENDED",
    });
    expect(counted()).toBe(before + 1);
    await service.ctx.usage.flush();
    const usage = await service.app.inject({
      method: "GET",
      url: `/v1/keys/${key.id}/usage?from=${verifiedAt.toISOString()}&to=${new Date(verifiedAt.getTime() + 3_600_000).toISOString()}`,
      headers: bearer(tenant.rootKey),
    });
    expect(usage.statusCode, usage.body).toBe(200);
    const buckets = (usage.json() as { data: Array<{ counts: Record<string, number> }> }).data;
    expect(buckets).toHaveLength(1);
    expect(buckets[0]?.counts).toMatchObject({ VALID: 1, WORKSPACE_SUSPENDED: 1 });
    const lastVerified = async () =>
      (
        await service.store.db
          .selectFrom("workspaces")
          .select("last_verified_at")
          .where("id", "=", tenant.id)
          .executeTakeFirstOrThrow()
      ).last_verified_at;
    expect(await lastVerified()).toEqual(verifiedAt);
    // Written again only once it is a minute or more behind.
    service.clock.advance(30_000);
    await doors.lane.verify(anyVerifier, { key: key.secret });
    await service.ctx.usage.flush();
    expect(await lastVerified()).toEqual(verifiedAt);
    service.clock.advance(31_000);
    await doors.lane.verify(anyVerifier, { key: key.secret });
    await service.ctx.usage.flush();
    expect(await lastVerified()).toEqual(service.clock.now());
  });
});
