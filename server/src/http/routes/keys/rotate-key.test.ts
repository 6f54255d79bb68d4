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
    const start = service.clock.nowMs();
    const at = (minutes: number) => new Date(start + minutes * 60_000);
    const key = await createKey(service, rootKey);
    const first = json<IssuedKey>(
      await post(service, rootKey, `/v1/keys/${key.id}/rotate`, { gracePeriodSeconds: 3600 }),
    );
    const expiries = async () =>
      new Map((await secretsOf(service, key.id)).map((row) => [row.secret_hash, row.expires_at]));
    let now = await expiries();
    expect(now.get(hashSecret(key.key ?? ""))).toEqual(at(60));
    expect(now.get(hashSecret(secretOf(first)))).toBeNull();

    service.clock.advance(600_000);
    const second = json<IssuedKey>(
      await post(service, rootKey, `/v1/keys/${key.id}/rotate`, { gracePeriodSeconds: 7200 }),
    );
    now = await expiries();
    expect(now.get(hashSecret(key.key ?? ""))).toEqual(at(60));
    expect(now.get(hashSecret(secretOf(first)))).toEqual(at(130));
    expect(now.get(hashSecret(secretOf(second)))).toBeNull();

    const third = json<IssuedKey>(
      await post(service, rootKey, `/v1/keys/${key.id}/rotate`, { gracePeriodSeconds: 0 }),
    );
    now = await expiries();
    expect(now.get(hashSecret(key.key ?? ""))).toEqual(at(10));
    expect(now.get(hashSecret(secretOf(first)))).toEqual(at(10));
    expect(now.get(hashSecret(secretOf(second)))).toEqual(at(10));
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
