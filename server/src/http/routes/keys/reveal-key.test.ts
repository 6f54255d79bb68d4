import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import {
  createTestService,
  expectError,
  json,
  type SeededWorkspace,
  seedRootKey,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../../test/harness.js";
import {
  auditOf,
  createApp,
  createKey,
  del,
  expectNoSecret,
  get,
  patch,
  post,
  secretOf,
} from "../../../../test/key-lifecycle.js";
import { verify } from "../../../../test/verify-helpers.js";
import { NOT_RECOVERABLE_MESSAGE } from "../../../domain/keys/reveal-key.js";
import { encryptionKeyId, SecretBox } from "../../../domain/secrets/secret-box.js";

const ENCRYPTION_KEY = randomBytes(32);

describe.each(backends)("recoverable keys on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({
      backend,
      env: { KEYGATE_ENCRYPTION_KEY: ENCRYPTION_KEY.toString("base64") },
    });
  });
  afterAll(async () => service.close());

  /** A workspace with recoverable keys turned on by its owner. */
  async function recoverableWorkspace(): Promise<SeededWorkspace> {
    const seed = await seedWorkspace(service);
    const res = await patch(service, seed.rootKey, "/v1/workspace", { recoverableKeys: true });
    expect(res.statusCode, res.body).toBe(200);
    return seed;
  }

  const reveal = (credential: string | Record<string, string>, id: string) =>
    post(service, credential, `/v1/keys/${id}/reveal`);

  const storedCiphertext = async (id: string) =>
    (
      await service.store.db
        .selectFrom("keys")
        .select("secret_ciphertext")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).secret_ciphertext;

  it("is off by default; an owner turns it on, audited, and the workspace shows it", async () => {
    const seed = await seedWorkspace(service);
    const owner = await signInAs(service, seed.workspace.id, "owner");
    expect(json(await get(service, owner.headers, "/v1/workspace"))).toMatchObject({
      recoverableKeys: false,
    });
    const res = await patch(service, owner.headers, "/v1/workspace", { recoverableKeys: true });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ recoverableKeys: true });
    expect(json(await get(service, owner.headers, "/v1/auth/me"))).toMatchObject({
      workspace: { recoverableKeys: true },
    });
    const events = await auditOf(service, seed.workspace.id);
    expect(events.at(-1)).toMatchObject({
      action: "workspace.updated",
      actor_type: "user",
      actor_id: owner.userId,
      details: {
        fields: ["recoverableKeys"],
        before: { recoverableKeys: false },
        after: { recoverableKeys: true },
      },
    });
  });

  it("lets only owners change it: an admin is refused and nothing changes", async () => {
    const seed = await seedWorkspace(service);
    const admin = await signInAs(service, seed.workspace.id, "admin");
    expectError(
      await patch(service, admin.headers, "/v1/workspace", { recoverableKeys: true }),
      403,
      "FORBIDDEN",
      "this needs the workspace:write permission",
    );
    expectError(
      await patch(service, seed.rootKey, "/v1/workspace", { recoverableKeys: "yes" }),
      400,
      "VALIDATION_FAILED",
      /^recoverableKeys: /,
    );
    expect(json(await get(service, seed.rootKey, "/v1/workspace"))).toMatchObject({ recoverableKeys: false });
  });

  it("keeps a new token's secret sealed, reveals it to an owner, audited without the secret", async () => {
    const seed = await recoverableWorkspace();
    const key = await createKey(service, seed.rootKey, { name: "crm-integration" });
    expect(key.recoverable).toBe(true);
    const secret = secretOf(key);

    const sealed = await storedCiphertext(key.id);
    expect(sealed).toMatch(
      new RegExp(`^v1\\.${encryptionKeyId(ENCRYPTION_KEY)}\\.[\\w-]{16}\\.[\\w-]+\\.[\\w-]{22}$`),
    );
    expect(sealed).not.toContain(secret);

    const owner = await signInAs(service, seed.workspace.id, "owner");
    const res = await reveal(owner.headers, key.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(json(res)).toEqual({ key: secret });

    const events = await auditOf(service, key.id);
    expect(events.map((event) => event.action)).toEqual(["key.created", "key.revealed"]);
    expect(events[1]).toMatchObject({
      actor_type: "user",
      actor_id: owner.userId,
      target_type: "key",
      details: { name: "crm-integration", start: key.start, kind: "token" },
    });
    expectNoSecret(events, [secret]);
    expect(JSON.stringify(events)).not.toContain(String(sealed));

    expect(json(await get(service, seed.rootKey, `/v1/keys/${key.id}`))).toMatchObject({ recoverable: true });
    expect(await verify(service, seed.rootKey, { key: secret })).toMatchObject({
      valid: true,
      code: "VALID",
    });
  });

  it("reveals a pair's Shared Key and Secret Key to an admin and to a root key with *", async () => {
    const seed = await recoverableWorkspace();
    const app = await createApp(service, seed.rootKey, { environment: "staging" });
    const pair = await createKey(service, seed.rootKey, { name: "device", kind: "pair", appId: app.id });
    expect(pair.recoverable).toBe(true);
    const expected = { sharedKey: pair.sharedKey, secretKey: pair.secretKey };
    const admin = await signInAs(service, seed.workspace.id, "admin");
    expect(json(await reveal(admin.headers, pair.id))).toEqual(expected);
    expect(json(await reveal(seed.rootKey, pair.id))).toEqual(expected);
    const events = await auditOf(service, pair.id);
    expect(
      events.filter((event) => event.action === "key.revealed").map((event) => event.actor_type),
    ).toEqual(["user", "root_key"]);
    expectNoSecret(events, [String(pair.secretKey)]);
  });

  it("refuses developers, viewers and root keys without *, even for their own non-production keys", async () => {
    const seed = await recoverableWorkspace();
    const app = await createApp(service, seed.rootKey, { environment: "development" });
    const developer = await signInAs(service, seed.workspace.id, "developer");
    const own = await createKey(service, developer.headers, { name: "dev-key", appId: app.id });
    expect(own.recoverable).toBe(true);
    const message = "revealing a key's secret needs an admin or an owner (or a root key with *)";
    expectError(await reveal(developer.headers, own.id), 403, "FORBIDDEN", message);
    const viewer = await signInAs(service, seed.workspace.id, "viewer");
    expectError(
      await reveal(viewer.headers, own.id),
      403,
      "FORBIDDEN",
      "this needs the keys:write permission",
    );
    const writer = await seedRootKey(service, seed.workspace.id, ["keys:read", "keys:write"]);
    expectError(await reveal(writer, own.id), 403, "FORBIDDEN", message);
    const reader = await seedRootKey(service, seed.workspace.id, ["keys:read"]);
    expectError(await reveal(reader, own.id), 403, "FORBIDDEN", "this needs the keys:write permission");
    expectError(await reveal({}, own.id), 401, "UNAUTHENTICATED");
    expect((await auditOf(service, own.id)).map((event) => event.action)).toEqual(["key.created"]);
  });

  it("needs the CSRF token from a session", async () => {
    const seed = await recoverableWorkspace();
    const key = await createKey(service, seed.rootKey);
    const owner = await signInAs(service, seed.workspace.id, "owner");
    expectError(await reveal({ cookie: owner.headers.cookie }, key.id), 403, "CSRF_FAILED");
  });

  it("answers 409 for a key made while the setting was off, even after it is turned on", async () => {
    const seed = await seedWorkspace(service);
    const key = await createKey(service, seed.rootKey);
    expect(key.recoverable).toBe(false);
    expect(await storedCiphertext(key.id)).toBeNull();
    await patch(service, seed.rootKey, "/v1/workspace", { recoverableKeys: true });
    expectError(await reveal(seed.rootKey, key.id), 409, "CONFLICT", NOT_RECOVERABLE_MESSAGE);
    expect(NOT_RECOVERABLE_MESSAGE).toBe(
      "this key was created while recoverable keys were off and cannot be revealed",
    );
    expect((await auditOf(service, key.id)).map((event) => event.action)).toEqual(["key.created"]);
  });

  it("keeps the new secret after a rotation, so the reveal answers it and not the old one", async () => {
    const seed = await recoverableWorkspace();
    const key = await createKey(service, seed.rootKey);
    const rotated = await post(service, seed.rootKey, `/v1/keys/${key.id}/rotate`, {
      gracePeriodSeconds: 3600,
    });
    expect(rotated.statusCode).toBe(200);
    const fresh = json<{ key: string; recoverable: boolean }>(rotated);
    expect(fresh.recoverable).toBe(true);
    expect(json(await reveal(seed.rootKey, key.id))).toEqual({ key: fresh.key });
  });

  it("makes an old key recoverable by rotating it while the setting is on, and not once it is off", async () => {
    const seed = await seedWorkspace(service);
    const key = await createKey(service, seed.rootKey);
    await patch(service, seed.rootKey, "/v1/workspace", { recoverableKeys: true });
    const rotated = json<{ key: string; recoverable: boolean }>(
      await post(service, seed.rootKey, `/v1/keys/${key.id}/rotate`),
    );
    expect(rotated.recoverable).toBe(true);
    expect(json(await reveal(seed.rootKey, key.id))).toEqual({ key: rotated.key });
    await patch(service, seed.rootKey, "/v1/workspace", { recoverableKeys: false });
    const again = json<{ recoverable: boolean }>(
      await post(service, seed.rootKey, `/v1/keys/${key.id}/rotate`),
    );
    expect(again.recoverable).toBe(false);
    expect(await storedCiphertext(key.id)).toBeNull();
  });

  it("erases every kept secret when the setting is turned off, and says how many in the audit", async () => {
    const seed = await recoverableWorkspace();
    const other = await recoverableWorkspace();
    const first = await createKey(service, seed.rootKey, { name: "one" });
    const second = await createKey(service, seed.rootKey, { name: "two" });
    const theirs = await createKey(service, other.rootKey, { name: "theirs" });
    const res = await patch(service, seed.rootKey, "/v1/workspace", { recoverableKeys: false });
    expect(json(res)).toMatchObject({ recoverableKeys: false });
    for (const key of [first, second]) {
      expect(await storedCiphertext(key.id)).toBeNull();
      expect(json(await get(service, seed.rootKey, `/v1/keys/${key.id}`))).toMatchObject({
        recoverable: false,
      });
      expectError(await reveal(seed.rootKey, key.id), 409, "CONFLICT", NOT_RECOVERABLE_MESSAGE);
      expect(await verify(service, seed.rootKey, { key: secretOf(key) })).toMatchObject({ valid: true });
    }
    const events = await auditOf(service, seed.workspace.id);
    expect(events.at(-1)).toMatchObject({
      action: "workspace.updated",
      details: { fields: ["recoverableKeys"], after: { recoverableKeys: false }, erasedSecrets: 2 },
    });
    expect(json(await reveal(other.rootKey, theirs.id))).toEqual({ key: theirs.key });
    const later = await createKey(service, seed.rootKey, { name: "later" });
    expect(later.recoverable).toBe(false);
  });

  it("answers 409 for a revoked key and 404 for a deleted key, another workspace's or an unknown id", async () => {
    const seed = await recoverableWorkspace();
    const revoked = await createKey(service, seed.rootKey);
    expect((await post(service, seed.rootKey, `/v1/keys/${revoked.id}/revoke`, {})).statusCode).toBe(200);
    expect(await storedCiphertext(revoked.id)).toBeNull();
    expectError(
      await reveal(seed.rootKey, revoked.id),
      409,
      "CONFLICT",
      "the key is revoked; its secret can no longer be revealed",
    );
    const deleted = await createKey(service, seed.rootKey);
    expect((await del(service, seed.rootKey, `/v1/keys/${deleted.id}`)).statusCode).toBe(204);
    expect(await storedCiphertext(deleted.id)).toBeNull();
    expectError(await reveal(seed.rootKey, deleted.id), 404, "NOT_FOUND", "key not found");

    const other = await recoverableWorkspace();
    const theirs = await createKey(service, other.rootKey);
    expectError(await reveal(seed.rootKey, theirs.id), 404, "NOT_FOUND", "key not found");
    expectError(await reveal(seed.rootKey, "key_01JD0000000000000000000000"), 404, "NOT_FOUND");
    expectError(await reveal(seed.rootKey, "nope"), 400, "VALIDATION_FAILED");
    expect((await auditOf(service, theirs.id)).map((event) => event.action)).toEqual(["key.created"]);
  });

  it("tells a changed encryption key apart, revealing nothing", async () => {
    const seed = await recoverableWorkspace();
    const key = await createKey(service, seed.rootKey);
    const original = service.ctx.secrets;
    const otherKey = randomBytes(32);
    service.ctx.secrets = new SecretBox(async () => otherKey);
    try {
      expectError(
        await reveal(seed.rootKey, key.id),
        409,
        "CONFLICT",
        `this key's secret was encrypted with another encryption key (id ${encryptionKeyId(ENCRYPTION_KEY)}; this server's is ${encryptionKeyId(otherKey)}): start Keygate with the encryption key it was created under to reveal it`,
      );
    } finally {
      service.ctx.secrets = original;
    }
    expect(json(await reveal(seed.rootKey, key.id))).toEqual({ key: key.key });
  });

  it("refuses a sealed secret moved onto another key (the key's id is bound in)", async () => {
    const seed = await recoverableWorkspace();
    const source = await createKey(service, seed.rootKey, { name: "source" });
    const target = await createKey(service, seed.rootKey, { name: "target" });
    await service.store.db
      .updateTable("keys")
      .set({ secret_ciphertext: await storedCiphertext(source.id) })
      .where("id", "=", target.id)
      .execute();
    const res = await reveal(seed.rootKey, target.id);
    expectError(res, 500, "INTERNAL");
    expect(res.body).not.toContain(String(source.key));
    expect((await auditOf(service, target.id)).map((event) => event.action)).toEqual(["key.created"]);
  });

  it("keeps creating keys in groups, each sealed for its own id", async () => {
    const seed = await recoverableWorkspace();
    const keys = await Promise.all(
      Array.from({ length: 12 }, (_, i) => createKey(service, seed.rootKey, { name: `burst-${i}` })),
    );
    for (const key of keys) {
      expect(key.recoverable).toBe(true);
      expect(json(await reveal(seed.rootKey, key.id))).toEqual({ key: key.key });
    }
  });
});
