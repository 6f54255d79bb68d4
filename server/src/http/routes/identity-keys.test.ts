import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import {
  createTestService,
  expectError,
  expectSecured,
  json,
  seedWorkspace,
  type TestService,
} from "../../../test/harness.js";
import { auditOf, createKey, del, get, patch, post, secretOf } from "../../../test/key-lifecycle.js";
import { verify } from "../../../test/verify-helpers.js";
import type { PublicIdentity } from "../../domain/identities/identity-object.js";
import { hashSecret } from "../../domain/key-format.js";
import type { PublicKey } from "../../domain/keys/key-object.js";
import type { InvalidationMessage } from "../../verifier/invalidation.js";

type Page<T> = { data: T[]; nextCursor: string | null };

describe.each(backends)("keys of identities on $name", (backend) => {
  let service: TestService;
  const published: InvalidationMessage[] = [];
  beforeAll(async () => {
    service = await createTestService({ backend });
    service.ctx.invalidation.subscribe((message) => published.push(message));
  });
  afterAll(async () => service.close());

  const identityOf = async (rootKey: string, ref: string) =>
    json<PublicIdentity>(await get(service, rootKey, `/v1/identities/${encodeURIComponent(ref)}`));
  const identityRows = (workspaceId: string) =>
    service.store.db.selectFrom("identities").selectAll().where("workspace_id", "=", workspaceId).execute();

  it("creates a key's identity with it when its externalId is new, audited, and later keys join it", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const first = await createKey(service, rootKey, { name: "first", externalId: "user_7" });
    expect(first).toMatchObject({ externalId: "user_7", identityId: expect.stringMatching(/^idn_/) });
    const identity = await identityOf(rootKey, "user_7");
    expect(identity).toEqual({
      id: first.identityId,
      externalId: "user_7",
      meta: {},
      rateLimits: [],
      keyCount: 1,
      createdAt: "2026-06-01T12:00:00.000Z",
      updatedAt: "2026-06-01T12:00:00.000Z",
    });
    const second = await createKey(service, rootKey, { name: "second", externalId: "user_7" });
    expect(second.identityId).toBe(first.identityId);
    expect(await identityOf(rootKey, "user_7")).toEqual({ ...identity, keyCount: 2 });
    expect(json(await get(service, rootKey, `/v1/keys/${first.id}`))).toMatchObject({
      externalId: "user_7",
      identityId: identity.id,
    });

    const events = await auditOf(service, identity.id);
    expect(events.map((event) => [event.action, event.actor_type, event.details])).toEqual([
      ["identity.created", "root_key", { externalId: "user_7", meta: {}, rateLimits: [], withKey: first.id }],
    ]);
    expect((await auditOf(service, first.id))[0]?.details).toMatchObject({ externalId: "user_7" });

    // An identity made first is joined, not made again; a key without externalId has none.
    const made = json<PublicIdentity>(
      await post(service, rootKey, "/v1/identities", { externalId: "org:acme", meta: { tier: "gold" } }),
    );
    const joined = await createKey(service, rootKey, { externalId: "org:acme" });
    expect(joined.identityId).toBe(made.id);
    expect((await auditOf(service, made.id)).map((event) => event.action)).toEqual(["identity.created"]);
    const plain = await createKey(service, rootKey, { name: "plain" });
    expect(plain).toMatchObject({ externalId: null, identityId: null });
    expect((await identityRows(workspace.id)).map((row) => row.external_id).sort()).toEqual([
      "org:acme",
      "user_7",
    ]);
  });

  it("gives concurrent creates of keys with one new externalId one identity", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const keys = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createKey(service, rootKey, { name: `k${i}`, externalId: i % 2 === 0 ? "even" : "odd" }),
      ),
    );
    const rows = await identityRows(workspace.id);
    expect(rows.map((row) => row.external_id).sort()).toEqual(["even", "odd"]);
    const idOf = new Map(rows.map((row) => [row.external_id, row.id]));
    for (const [i, key] of keys.entries())
      expect(key.identityId).toBe(idOf.get(i % 2 === 0 ? "even" : "odd"));
    expect((await identityOf(rootKey, "even")).keyCount).toBe(10);
    const created = await service.store.db
      .selectFrom("audit_events")
      .select("target_id")
      .where("workspace_id", "=", workspace.id)
      .where("action", "=", "identity.created")
      .execute();
    expect(created.map((event) => event.target_id).sort()).toEqual([...idOf.values()].sort());
  });

  it("creates no identity for a key the plan refuses", async () => {
    const free = await seedWorkspace(service, { plan: "free" });
    expectError(
      await post(service, free.rootKey, "/v1/keys", { name: "k", externalId: "u" }),
      402,
      "PLAN_REQUIRED",
      "the free plan does not include API Access; upgrade required",
    );
    expect(await identityRows(free.workspace.id)).toEqual([]);
    const full = await seedWorkspace(service, { plan: "pro" });
    await service.store.db
      .updateTable("workspaces")
      .set({ live_keys: 10_000 })
      .where("id", "=", full.workspace.id)
      .execute();
    expectError(
      await post(service, full.rootKey, "/v1/keys", { name: "k", externalId: "u" }),
      402,
      "PLAN_REQUIRED",
      /^the pro plan allows 10000 keys/,
    );
    expect(await identityRows(full.workspace.id)).toEqual([]);
  });

  it("refuses a bad externalId on a key, and a change of it after creation", async () => {
    const { rootKey } = await seedWorkspace(service);
    for (const [externalId, message] of [
      ["", "externalId: must not be empty"],
      ["x".repeat(201), "externalId: must be at most 200 characters"],
      ["new\nline", "externalId: must not contain control characters"],
      [7, "externalId: Invalid input: expected string, received number"],
    ] as const) {
      expectError(
        await post(service, rootKey, "/v1/keys", { name: "k", externalId }),
        400,
        "VALIDATION_FAILED",
        message,
      );
    }
    const key = await createKey(service, rootKey, { externalId: "u" });
    expectError(
      await patch(service, rootKey, `/v1/keys/${key.id}`, { externalId: "v" }),
      400,
      "VALIDATION_FAILED",
      "externalId: unknown field",
    );
    expectError(
      await get(service, rootKey, `/v1/keys?externalId=${"x".repeat(201)}`),
      400,
      "VALIDATION_FAILED",
      "querystring.externalId: must be at most 200 characters",
    );
  });

  it("lists the keys of one externalId, newest first, with the other filters, never another workspace's", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const other = await seedWorkspace(service);
    const a1 = await createKey(service, rootKey, { name: "a1", externalId: "alice" });
    await createKey(service, rootKey, { name: "b1", externalId: "bob" });
    const a2 = await createKey(service, rootKey, { name: "a2", externalId: "alice", environment: "staging" });
    await createKey(service, rootKey, { name: "none" });
    await createKey(service, other.rootKey, { name: "theirs", externalId: "alice" });

    const names = async (query: string) =>
      json<Page<PublicKey>>(await get(service, rootKey, `/v1/keys?${query}`)).data.map((key) => key.name);
    expect(await names("externalId=alice")).toEqual(["a2", "a1"]);
    expect(await names("externalId=alice&environment=staging")).toEqual(["a2"]);
    expect(await names("externalId=alice&search=a1")).toEqual(["a1"]);
    expect(await names("externalId=nobody")).toEqual([]);
    const page = json<Page<PublicKey>>(await get(service, rootKey, "/v1/keys?externalId=alice&limit=1"));
    expect(page).toMatchObject({ data: [{ id: a2.id }], nextCursor: a2.id });
    expect(json(await get(service, rootKey, `/v1/keys?externalId=alice&cursor=${a2.id}`))).toMatchObject({
      data: [{ id: a1.id }],
      nextCursor: null,
    });
    await del(service, rootKey, `/v1/keys/${a1.id}`);
    expect(await names("externalId=alice")).toEqual(["a2"]);
    expect((await identityOf(rootKey, "alice")).keyCount).toBe(1);
    await expectSecured(
      service,
      workspace.id,
      { method: "GET", url: "/v1/keys?externalId=alice", headers: { authorization: `Bearer ${rootKey}` } },
      "keys:read",
    );
  });

  it("revokes every key of an identity in one call, one key.revoked each, and they verify REVOKED at once", async () => {
    const { rootKey } = await seedWorkspace(service);
    const active = await createKey(service, rootKey, { name: "active", externalId: "leaver" });
    const disabled = await createKey(service, rootKey, { name: "disabled", externalId: "leaver" });
    await post(service, rootKey, `/v1/keys/${disabled.id}/disable`);
    const revoked = await createKey(service, rootKey, { name: "revoked", externalId: "leaver" });
    await post(service, rootKey, `/v1/keys/${revoked.id}/revoke`, { reason: "earlier" });
    const deleted = await createKey(service, rootKey, { name: "deleted", externalId: "leaver" });
    await del(service, rootKey, `/v1/keys/${deleted.id}`);
    const newest = await createKey(service, rootKey, { name: "newest", externalId: "leaver" });
    const stayer = await createKey(service, rootKey, { name: "stayer", externalId: "stayer" });
    // Cached as valid before the revocation.
    expect(await verify(service, rootKey, { key: secretOf(active) })).toMatchObject({ valid: true });
    expect(await verify(service, rootKey, { key: secretOf(newest) })).toMatchObject({ valid: true });

    service.clock.advance(1000);
    const response = await post(service, rootKey, "/v1/identities/leaver/revoke-keys", {
      reason: "  left us  ",
    });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({ revoked: 3, keyIds: [newest.id, disabled.id, active.id] });

    for (const key of [active, newest, disabled]) {
      expect(await verify(service, rootKey, { key: secretOf(key) })).toEqual({
        valid: false,
        code: "REVOKED",
        keyId: key.id,
      });
      expect(json(await get(service, rootKey, `/v1/keys/${key.id}`))).toMatchObject({
        status: "revoked",
        revokedAt: "2026-06-01T12:00:01.000Z",
        revokedReason: "left us",
      });
      const events = await auditOf(service, key.id);
      expect(events.at(-1)).toMatchObject({
        action: "key.revoked",
        actor_type: "root_key",
        details: {
          name: key.name,
          start: key.start,
          reason: "left us",
          identity: { id: active.identityId, externalId: "leaver" },
        },
      });
    }
    expect(json(await get(service, rootKey, `/v1/keys/${revoked.id}`))).toMatchObject({
      revokedReason: "earlier",
    });
    expect(await verify(service, rootKey, { key: secretOf(stayer) })).toMatchObject({ valid: true });
    expect(json(await post(service, rootKey, `/v1/identities/${active.identityId}/revoke-keys`))).toEqual({
      revoked: 0,
      keyIds: [],
    });
    expectError(
      await post(service, rootKey, "/v1/identities/leaver/revoke-keys", { reason: "x".repeat(501) }),
      400,
      "VALIDATION_FAILED",
      "reason: must be at most 500 characters",
    );
  });

  it("drops every cached verification of an identity's keys when the identity changes", async () => {
    const { rootKey } = await seedWorkspace(service);
    const one = await createKey(service, rootKey, { externalId: "watched" });
    const two = await createKey(service, rootKey, { externalId: "watched" });
    await post(service, rootKey, `/v1/keys/${two.id}/rotate`, { gracePeriodSeconds: 3600 });
    const rotatedHashes = (
      await service.store.db
        .selectFrom("key_secrets")
        .select("secret_hash")
        .where("key_id", "=", two.id)
        .execute()
    ).map((row) => row.secret_hash);
    expect(rotatedHashes).toHaveLength(2);
    await createKey(service, rootKey, { externalId: "unrelated" });

    published.length = 0;
    await patch(service, rootKey, "/v1/identities/watched", { meta: { plan: "gold" } });
    const hashes = published.flatMap((message) => ("hashes" in message ? message.hashes : []));
    expect(published.every((message) => message.kind === "key")).toBe(true);
    expect(hashes.sort()).toEqual([hashSecret(secretOf(one)), ...rotatedHashes].sort());

    published.length = 0;
    await patch(service, rootKey, "/v1/identities/watched", { meta: { plan: "gold" } });
    expect(published).toEqual([]);
  });

  it("deletes an identity only once its keys are revoked, or revokes them with ?revokeKeys=true", async () => {
    const { rootKey } = await seedWorkspace(service);
    const live = await createKey(service, rootKey, { name: "live", externalId: "gone" });
    const message =
      "the identity still has 1 key that is not revoked; revoke them first (POST /v1/identities/{id}/revoke-keys) or delete with ?revokeKeys=true";
    expectError(await del(service, rootKey, "/v1/identities/gone"), 409, "CONFLICT", message);
    expect((await identityOf(rootKey, "gone")).keyCount).toBe(1);

    expect((await del(service, rootKey, "/v1/identities/gone?revokeKeys=true")).statusCode).toBe(204);
    expectError(await get(service, rootKey, "/v1/identities/gone"), 404, "NOT_FOUND", "identity not found");
    expect(json(await get(service, rootKey, `/v1/keys/${live.id}`))).toMatchObject({
      status: "revoked",
      revokedReason: "identity deleted",
      externalId: "gone",
      identityId: null,
    });
    expect(await verify(service, rootKey, { key: secretOf(live) })).toMatchObject({
      valid: false,
      code: "REVOKED",
    });
    expect(
      (await auditOf(service, live.identityId ?? "")).map((event) => [event.action, event.details]),
    ).toEqual([
      ["identity.created", { externalId: "gone", meta: {}, rateLimits: [], withKey: live.id }],
      ["identity.deleted", { externalId: "gone", meta: {}, rateLimits: [], revokedKeys: 1 }],
    ]);
    // The keys list still knows whose the key was; a new key makes a new identity.
    expect(json<Page<PublicKey>>(await get(service, rootKey, "/v1/keys?externalId=gone")).data).toHaveLength(
      1,
    );
    const fresh = await createKey(service, rootKey, { externalId: "gone" });
    expect(fresh.identityId).not.toBe(live.identityId);
    expect((await identityOf(rootKey, "gone")).keyCount).toBe(1);

    // Revoked and deleted keys do not hold an identity back.
    const done = await createKey(service, rootKey, { externalId: "done" });
    const removed = await createKey(service, rootKey, { externalId: "done" });
    await post(service, rootKey, "/v1/identities/done/revoke-keys");
    await del(service, rootKey, `/v1/keys/${removed.id}`);
    expect((await del(service, rootKey, "/v1/identities/done")).statusCode).toBe(204);
    expect(json(await get(service, rootKey, `/v1/keys/${done.id}`))).toMatchObject({
      identityId: null,
      externalId: "done",
    });
  });
});
