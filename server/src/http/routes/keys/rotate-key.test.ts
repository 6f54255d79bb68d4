import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import {
  createTestService,
  expectError,
  expectSecured,
  json,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../../test/harness.js";
import {
  auditOf,
  createKey,
  del,
  expectNoSecret,
  get,
  post,
  secretOf,
  secretsOf,
} from "../../../../test/key-lifecycle.js";
import { hashSecret, parseKey } from "../../../domain/key-format.js";
import type { IssuedKey } from "../../../domain/keys/key-object.js";

describe.each(backends)("POST /v1/keys/{id}/rotate on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  it("issues a new secret for the same key and ends the old one at once by default", async () => {
    const { rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey, { name: "rotating", scopes: ["a:read"], meta: { m: 1 } });
    service.clock.advance(60_000);
    const response = await post(service, rootKey, `/v1/keys/${key.id}/rotate`);
    expect(response.statusCode).toBe(200);
    const rotated = json<IssuedKey>(response);
    const newSecret = secretOf(rotated);
    expect(newSecret).not.toBe(key.key);
    expect(parseKey(newSecret)).toEqual({ prefix: "acme" });
    expect(rotated).toEqual({
      ...key,
      key: newSecret,
      start: newSecret.slice(0, 9),
      rotatedAt: "2026-06-01T12:01:00.000Z",
      updatedAt: "2026-06-01T12:01:00.000Z",
    });
    expect(await secretsOf(service, key.id)).toEqual([
      expect.objectContaining({
        secret_hash: hashSecret(key.key ?? ""),
        expires_at: new Date("2026-06-01T12:01:00Z"),
      }),
      expect.objectContaining({ secret_hash: hashSecret(newSecret), expires_at: null }),
    ]);
    const events = await auditOf(service, key.id);
    expect(events.map((event) => event.action)).toEqual(["key.created", "key.rotated"]);
    expect(events[1]?.details).toEqual({
      name: "rotating",
      gracePeriodSeconds: 0,
      previousSecretExpiresAt: "2026-06-01T12:01:00.000Z",
      previousStart: key.start,
      start: rotated.start,
    });
    expectNoSecret(events, [key.key ?? "", newSecret]);
    const fetched = await get(service, rootKey, `/v1/keys/${key.id}`);
    expectNoSecret(fetched.body, [key.key ?? "", newSecret]);
  });

  it("keeps old secrets for the grace period, never lengthening an earlier end", async () => {
    const { rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey);
    const first = json<IssuedKey>(
      await post(service, rootKey, `/v1/keys/${key.id}/rotate`, { gracePeriodSeconds: 3600 }),
    );
    const at = (iso: string) => new Date(iso);
    const expiries = async () =>
      new Map((await secretsOf(service, key.id)).map((row) => [row.secret_hash, row.expires_at]));
    let now = await expiries();
    expect(now.get(hashSecret(key.key ?? ""))).toEqual(at("2026-06-01T13:00:00Z"));
    expect(now.get(hashSecret(secretOf(first)))).toBeNull();

    service.clock.advance(600_000);
    const second = json<IssuedKey>(
      await post(service, rootKey, `/v1/keys/${key.id}/rotate`, { gracePeriodSeconds: 7200 }),
    );
    now = await expiries();
    expect(now.get(hashSecret(key.key ?? ""))).toEqual(at("2026-06-01T13:00:00Z"));
    expect(now.get(hashSecret(secretOf(first)))).toEqual(at("2026-06-01T14:10:00Z"));
    expect(now.get(hashSecret(secretOf(second)))).toBeNull();

    const third = json<IssuedKey>(
      await post(service, rootKey, `/v1/keys/${key.id}/rotate`, { gracePeriodSeconds: 0 }),
    );
    now = await expiries();
    expect(now.get(hashSecret(key.key ?? ""))).toEqual(at("2026-06-01T12:10:00Z"));
    expect(now.get(hashSecret(secretOf(first)))).toEqual(at("2026-06-01T12:10:00Z"));
    expect(now.get(hashSecret(secretOf(second)))).toEqual(at("2026-06-01T12:10:00Z"));
    expect(now.get(hashSecret(secretOf(third)))).toBeNull();
    expect(now.size).toBe(4);
  });

  it("rotates a pair: same Shared Key, a new Secret Key", async () => {
    const { rootKey } = await seedWorkspace(service);
    const pair = await createKey(service, rootKey, { kind: "pair" });
    const rotated = json<IssuedKey>(await post(service, rootKey, `/v1/keys/${pair.id}/rotate`, {}));
    expect(rotated.sharedKey).toBe(pair.sharedKey);
    expect(rotated.key).toBeUndefined();
    expect(rotated.secretKey).not.toBe(pair.secretKey);
    expect(parseKey(rotated.secretKey ?? "")).toEqual({ prefix: "acme" });
    expect((await secretsOf(service, pair.id)).map((row) => row.secret_hash)).toEqual([
      hashSecret(pair.secretKey ?? ""),
      hashSecret(rotated.secretKey ?? ""),
    ]);
    expectNoSecret(await auditOf(service, pair.id), [pair.secretKey ?? "", rotated.secretKey ?? ""]);
  });

  it("rotates a disabled or expired key, keeping its state", async () => {
    const { rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey, { expiresAt: "2026-06-01T12:30:00Z" });
    await post(service, rootKey, `/v1/keys/${key.id}/disable`);
    service.clock.advance(3600_000);
    const rotated = json<IssuedKey>(await post(service, rootKey, `/v1/keys/${key.id}/rotate`));
    expect(rotated).toMatchObject({
      enabled: false,
      status: "disabled",
      expiresAt: "2026-06-01T12:30:00.000Z",
    });
  });

  it.each([
    [{ gracePeriodSeconds: -1 }, "gracePeriodSeconds: must not be negative"],
    [{ gracePeriodSeconds: 2_592_001 }, "gracePeriodSeconds: must be at most 2592000 (30 days)"],
    [{ gracePeriodSeconds: "60" }, /^gracePeriodSeconds: /],
    [{ gracePeriodSeconds: 1.5 }, /^gracePeriodSeconds: /],
    [{ grace: 60 }, "grace: unknown field"],
  ])("refuses %j with 400 and rotates nothing", async (body, message) => {
    const { rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey);
    expectError(
      await post(service, rootKey, `/v1/keys/${key.id}/rotate`, body),
      400,
      "VALIDATION_FAILED",
      message,
    );
    expect(await secretsOf(service, key.id)).toHaveLength(1);
  });

  it("refuses a revoked key (409), a deleted or another workspace's key (404)", async () => {
    const mine = await seedWorkspace(service);
    const theirs = await seedWorkspace(service);
    const revoked = await createKey(service, mine.rootKey);
    await post(service, mine.rootKey, `/v1/keys/${revoked.id}/revoke`);
    expectError(
      await post(service, mine.rootKey, `/v1/keys/${revoked.id}/rotate`),
      409,
      "CONFLICT",
      "the key is revoked for good; it cannot be rotated",
    );
    const deleted = await createKey(service, mine.rootKey);
    await del(service, mine.rootKey, `/v1/keys/${deleted.id}`);
    expectError(
      await post(service, mine.rootKey, `/v1/keys/${deleted.id}/rotate`),
      404,
      "NOT_FOUND",
      "key not found",
    );
    const other = await createKey(service, theirs.rootKey);
    expectError(
      await post(service, mine.rootKey, `/v1/keys/${other.id}/rotate`),
      404,
      "NOT_FOUND",
      "key not found",
    );
    expect(await secretsOf(service, other.id)).toHaveLength(1);
  });

  it("lets developers rotate keys outside production only, and viewers none", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const developer = await signInAs(service, workspace.id, "developer");
    const viewer = await signInAs(service, workspace.id, "viewer");
    const staging = await createKey(service, rootKey, { environment: "staging" });
    const production = await createKey(service, rootKey);
    const ok = await post(service, developer.headers, `/v1/keys/${staging.id}/rotate`);
    expect(ok.statusCode).toBe(200);
    expectError(
      await post(service, developer.headers, `/v1/keys/${production.id}/rotate`),
      403,
      "FORBIDDEN",
      "developers may rotate keys only outside production; ask an admin for a production key",
    );
    expectError(
      await post(service, viewer.headers, `/v1/keys/${staging.id}/rotate`),
      403,
      "FORBIDDEN",
      "this needs the keys:write permission",
    );
  });

  it("is secured", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey);
    await expectSecured(
      service,
      workspace.id,
      { method: "POST", url: `/v1/keys/${key.id}/rotate` },
      "keys:write",
    );
  });
});

describe.each(backends)("POST /v1/keys/{id}/revoke on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  it("revokes for good with a reason; the key stays listed as revoked", async () => {
    const { rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey, { name: "leaky" });
    service.clock.advance(1000);
    const response = await post(service, rootKey, `/v1/keys/${key.id}/revoke`, {
      reason: " leaked in a log ",
    });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({
      ...key,
      key: undefined,
      status: "revoked",
      revokedAt: "2026-06-01T12:00:01.000Z",
      revokedReason: "leaked in a log",
      updatedAt: "2026-06-01T12:00:01.000Z",
    });
    const listed = json<{ data: { id: string; status: string }[] }>(await get(service, rootKey, "/v1/keys"));
    expect(listed.data.map((item) => [item.id, item.status])).toEqual([[key.id, "revoked"]]);
    const events = await auditOf(service, key.id);
    expect(events.map((event) => [event.action, event.details])).toEqual([
      ["key.created", expect.anything()],
      ["key.revoked", { name: "leaky", start: key.start, reason: "leaked in a log" }],
    ]);
    expectError(
      await post(service, rootKey, `/v1/keys/${key.id}/revoke`, { reason: "again" }),
      409,
      "CONFLICT",
      "the key is already revoked",
    );
    expect(await auditOf(service, key.id)).toHaveLength(2);
  });

  it("revokes without a body", async () => {
    const { rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey);
    const response = await post(service, rootKey, `/v1/keys/${key.id}/revoke`);
    expect(json(response)).toMatchObject({ status: "revoked", revokedReason: null });
  });

  it("refuses bad input, developers, and other workspaces' keys", async () => {
    const mine = await seedWorkspace(service);
    const theirs = await seedWorkspace(service);
    const key = await createKey(service, mine.rootKey, { environment: "development" });
    expectError(
      await post(service, mine.rootKey, `/v1/keys/${key.id}/revoke`, { reason: "x".repeat(501) }),
      400,
      "VALIDATION_FAILED",
      "reason: must be at most 500 characters",
    );
    expectError(
      await post(service, mine.rootKey, `/v1/keys/${key.id}/revoke`, { why: "x" }),
      400,
      "VALIDATION_FAILED",
      "why: unknown field",
    );
    const developer = await signInAs(service, mine.workspace.id, "developer");
    expectError(
      await post(service, developer.headers, `/v1/keys/${key.id}/revoke`),
      403,
      "FORBIDDEN",
      "developers may not revoke keys; ask an admin",
    );
    const other = await createKey(service, theirs.rootKey);
    expectError(await post(service, mine.rootKey, `/v1/keys/${other.id}/revoke`), 404, "NOT_FOUND");
    expect(json(await get(service, theirs.rootKey, `/v1/keys/${other.id}`))).toMatchObject({
      status: "active",
    });
    expect(json(await get(service, mine.rootKey, `/v1/keys/${key.id}`))).toMatchObject({ status: "active" });
  });

  it("is secured", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey);
    await expectSecured(
      service,
      workspace.id,
      { method: "POST", url: `/v1/keys/${key.id}/revoke` },
      "keys:write",
    );
  });
});

describe.each(backends)("DELETE /v1/keys/{id} on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  it("removes the key from lists and lookups; the row and the audit trail remain", async () => {
    const { rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey, { name: "doomed" });
    const kept = await createKey(service, rootKey, { name: "kept" });
    const response = await del(service, rootKey, `/v1/keys/${key.id}`);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe("");
    expectError(await get(service, rootKey, `/v1/keys/${key.id}`), 404, "NOT_FOUND", "key not found");
    const listed = json<{ data: { id: string }[] }>(await get(service, rootKey, "/v1/keys"));
    expect(listed.data.map((item) => item.id)).toEqual([kept.id]);
    const search = json<{ data: unknown[] }>(await get(service, rootKey, `/v1/keys?search=${key.key}`));
    expect(search.data).toEqual([]);
    const row = await service.store.db
      .selectFrom("keys")
      .select(["deleted_at", "name"])
      .where("id", "=", key.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ deleted_at: service.clock.now(), name: "doomed" });
    const events = await auditOf(service, key.id);
    expect(events.map((event) => [event.action, event.details])).toEqual([
      ["key.created", expect.anything()],
      ["key.deleted", { name: "doomed", start: key.start, appId: null }],
    ]);
    expectError(await del(service, rootKey, `/v1/keys/${key.id}`), 404, "NOT_FOUND", "key not found");
  });

  it("deletes a revoked key too", async () => {
    const { rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey);
    await post(service, rootKey, `/v1/keys/${key.id}/revoke`);
    expect((await del(service, rootKey, `/v1/keys/${key.id}`)).statusCode).toBe(204);
  });

  it("refuses developers, viewers and other workspaces' keys", async () => {
    const mine = await seedWorkspace(service);
    const theirs = await seedWorkspace(service);
    const key = await createKey(service, mine.rootKey, { environment: "development" });
    const developer = await signInAs(service, mine.workspace.id, "developer");
    const viewer = await signInAs(service, mine.workspace.id, "viewer");
    expectError(
      await del(service, developer.headers, `/v1/keys/${key.id}`),
      403,
      "FORBIDDEN",
      "developers may not delete keys; ask an admin",
    );
    expectError(await del(service, viewer.headers, `/v1/keys/${key.id}`), 403, "FORBIDDEN");
    const other = await createKey(service, theirs.rootKey);
    expectError(await del(service, mine.rootKey, `/v1/keys/${other.id}`), 404, "NOT_FOUND");
    expect((await get(service, theirs.rootKey, `/v1/keys/${other.id}`)).statusCode).toBe(200);
    const owner = await signInAs(service, mine.workspace.id, "owner");
    expect((await del(service, owner.headers, `/v1/keys/${key.id}`)).statusCode).toBe(204);
  });

  it("is secured", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey);
    await expectSecured(service, workspace.id, { method: "DELETE", url: `/v1/keys/${key.id}` }, "keys:write");
  });
});
