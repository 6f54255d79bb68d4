import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import {
  createTestService,
  expectError,
  expectSecured,
  json,
  type SeededWorkspace,
  seedRootKey,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../../test/harness.js";
import { createApi, createApp, createKey, del, get, patch, post } from "../../../../test/key-lifecycle.js";
import { verify } from "../../../../test/verify-helpers.js";
import type { ImportReport } from "../../../domain/keys/import-inputs.js";
import type { PublicKey } from "../../../domain/keys/key-object.js";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const FORMAT = { prefix: "sk_live_", pattern: "^sk_live_[A-Za-z0-9]{24}$" };

/** A key as another service issued it: `sk_live_` and 24 letters or digits. */
const foreignKey = () =>
  `sk_live_${[...randomBytes(24)].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join("")}`;
const sha256 = (key: string, encoding: "hex" | "base64" | "base64url" = "hex") =>
  createHash("sha256").update(key).digest(encoding);

describe.each(backends)("POST /v1/keys/import on $name", (backend) => {
  let service: TestService;
  let seed: SeededWorkspace;
  let other: SeededWorkspace;
  beforeAll(async () => {
    service = await createTestService({ backend });
    seed = await seedWorkspace(service, { plan: "enterprise", keyPrefix: "acme" });
    other = await seedWorkspace(service, { plan: "enterprise", keyPrefix: "other" });
    for (const workspace of [seed, other]) {
      const res = await patch(service, workspace.rootKey, "/v1/workspace", { foreignKeyFormats: [FORMAT] });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(async () => service.close());

  const importKeys = (body: unknown, credential: string = seed.rootKey) =>
    post(service, credential, "/v1/keys/import", body);
  const report = async (body: unknown, credential?: string) => {
    const res = await importKeys(body, credential);
    expect(res.statusCode, res.body).toBe(200);
    return json<ImportReport>(res);
  };
  const importEvents = (workspaceId = seed.workspace.id) =>
    service.store.db
      .selectFrom("audit_events")
      .select(["details", "actor_type", "target_id"])
      .where("workspace_id", "=", workspaceId)
      .where("action", "=", "key.imported")
      .orderBy("id")
      .execute();
  const keyCount = async (workspaceId = seed.workspace.id) =>
    Number(
      (
        await service.store.db
          .selectFrom("keys")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("workspace_id", "=", workspaceId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("imports keys by hex, base64 and base64url hashes, each of which then verifies VALID", async () => {
    const keys = [foreignKey(), foreignKey(), foreignKey()];
    const rows = [
      { hash: sha256(keys[0] ?? ""), name: "hex", meta: { plan: "gold" } },
      { hash: sha256(keys[1] ?? "", "base64"), name: "base64", start: "sk_live_abc" },
      { hash: sha256(keys[2] ?? "", "base64url"), name: "base64url", scopes: [], enabled: true },
    ];
    const events = (await importEvents()).length;
    const answer = await report({ keys: rows });
    expect(answer.skipped).toEqual([]);
    expect(answer.refused).toEqual([]);
    expect(answer.imported.map((row) => row.index)).toEqual([0, 1, 2]);
    for (const [i, key] of keys.entries()) {
      const id = answer.imported[i]?.id;
      expect(await verify(service, seed.rootKey, { key })).toMatchObject({
        valid: true,
        code: "VALID",
        keyId: id,
      });
    }
    const first = json<PublicKey>(await get(service, seed.rootKey, `/v1/keys/${answer.imported[0]?.id}`));
    expect(first).toMatchObject({
      kind: "token",
      source: "import",
      name: "hex",
      start: "sk_live_",
      prefix: "acme",
      status: "active",
      meta: { plan: "gold" },
      recoverable: false,
    });
    // Absent limits are stored as SQL nulls (rate limits as []), as a created key's are.
    const stored = await service.store.db
      .selectFrom("keys")
      .select((eb) => [
        "rate_limits",
        eb("quota_refill", "is", null).as("noRefill"),
        eb("quota_remaining", "is", null).as("noQuota"),
        eb("expires_at", "is", null).as("noExpiry"),
      ])
      .where("id", "=", answer.imported[0]?.id ?? "")
      .executeTakeFirst();
    expect(stored).toEqual({ rate_limits: [], noRefill: true, noQuota: true, noExpiry: true });
    const second = json<PublicKey>(await get(service, seed.rootKey, `/v1/keys/${answer.imported[1]?.id}`));
    expect(second.start).toBe("sk_live_abc");
    const created = json<PublicKey>(await post(service, seed.rootKey, "/v1/keys", { name: "native" }));
    expect(created.source).toBe("keygate");

    const written = await importEvents();
    expect(written).toHaveLength(events + 1);
    expect(written.at(-1)).toEqual({
      actor_type: "root_key",
      target_id: seed.workspace.id,
      details: {
        imported: 3,
        skipped: 0,
        refused: 0,
        keyIds: answer.imported.map((row) => row.id),
        keyIdsOmitted: 0,
        identitiesCreated: [],
      },
    });
  });

  it("skips every row of a re-run, answering the ids of the keys already imported", async () => {
    const keys = [foreignKey(), foreignKey()];
    const body = { keys: keys.map((key, i) => ({ hash: sha256(key), name: `again ${i}` })) };
    const first = await report(body);
    const count = await keyCount();
    const again = await report(body);
    expect(again).toEqual({
      imported: [],
      skipped: first.imported.map(({ index, id }) => ({ index, id, reason: "ALREADY_IMPORTED" })),
      refused: [],
    });
    expect(await keyCount()).toBe(count);
    expect((await importEvents()).at(-1)?.details).toEqual({
      imported: 0,
      skipped: 2,
      refused: 0,
      keyIds: [],
      keyIdsOmitted: 0,
      identitiesCreated: [],
    });
    // The base64 form of the same hash is the same key.
    const base64 = await report({ keys: [{ hash: sha256(keys[0] ?? "", "base64"), name: "x" }] });
    expect(base64.skipped).toEqual([{ index: 0, id: first.imported[0]?.id, reason: "ALREADY_IMPORTED" }]);
  });

  it("refuses the bad rows of a mixed batch with the codes and messages of key creation, and imports the rest", async () => {
    const api = await createApi(service, seed.rootKey, { scopes: ["orders:read"] });
    const app = await createApp(service, seed.rootKey, { apiIds: [api.id] });
    const theirs = foreignKey();
    await report({ keys: [{ hash: sha256(theirs), name: "theirs" }] }, other.rootKey);
    const good = [foreignKey(), foreignKey()];
    const repeated = foreignKey();
    const answer = await report({
      keys: [
        { hash: "not-a-hash", name: "bad hash" },
        {
          hash: sha256(good[0] ?? ""),
          name: "good",
          appId: app.id,
          scopes: ["orders:read"],
          externalId: "cus_1",
        },
        { hash: sha256(foreignKey()), name: "bad scope", appId: app.id, scopes: ["orders:write"] },
        { hash: sha256(foreignKey()), name: "no app", appId: "app_missing" },
        { hash: sha256(foreignKey()), name: "past", expiresAt: "2026-01-01T00:00:00Z" },
        { hash: sha256(theirs), name: "someone else's" },
        { hash: sha256(repeated), name: "first" },
        { hash: sha256(repeated, "base64url"), name: "repeated" },
        { hash: sha256(foreignKey()), name: "", extra: 1 },
        { hash: sha256(good[1] ?? ""), name: "good too", rateLimit: { limit: 10, windowMs: 60_000 } },
      ],
    });
    expect(answer.refused).toEqual([
      {
        index: 0,
        code: "VALIDATION_FAILED",
        message: "hash: must be a SHA-256 of the whole key: 64 hex characters, or base64 / base64url",
      },
      {
        index: 2,
        code: "VALIDATION_FAILED",
        message: "scopes: orders:write is not offered by the app's connected APIs",
      },
      { index: 3, code: "NOT_FOUND", message: "app not found" },
      { index: 4, code: "VALIDATION_FAILED", message: "expiresAt: must be in the future" },
      { index: 5, code: "CONFLICT", message: "hash: this key cannot be imported" },
      { index: 7, code: "VALIDATION_FAILED", message: "hash: the same as row 6's" },
      { index: 8, code: "VALIDATION_FAILED", message: "name: must not be empty; extra: unknown field" },
    ]);
    expect(answer.imported.map((row) => row.index)).toEqual([1, 6, 9]);
    const withApp = await verify(service, seed.rootKey, { key: good[0], scopes: ["orders:read"] });
    expect(withApp).toMatchObject({ valid: true, appId: app.id, externalId: "cus_1" });
    expect(await verify(service, seed.rootKey, { key: good[1] })).toMatchObject({
      valid: true,
      ratelimit: { limit: 10, remaining: 9 },
    });
    // The other workspace's key is untouched and still its own.
    expect(await verify(service, other.rootKey, { key: theirs })).toMatchObject({ valid: true });
    expect(await verify(service, seed.rootKey, { key: theirs })).toEqual({ valid: false, code: "NOT_FOUND" });
  });

  it("stores a hash imported by two workspaces at once for one of them only, and never fails with a 500", async () => {
    const key = foreignKey();
    const body = { keys: [{ hash: sha256(key), name: "raced" }] };
    const answers = await Promise.all([importKeys(body, seed.rootKey), importKeys(body, other.rootKey)]);
    const outcomes = answers.map((res) =>
      res.statusCode === 200
        ? json<ImportReport>(res).imported.length === 1
          ? "imported"
          : json<ImportReport>(res)
              .refused.map((row) => row.message)
              .join()
        : `${res.statusCode} ${res.body}`,
    );
    expect(outcomes.filter((outcome) => outcome === "imported")).toHaveLength(1);
    const lost = outcomes.find((outcome) => outcome !== "imported");
    expect([
      "hash: this key cannot be imported",
      expect.stringMatching(
        /^409 .*a key with one of these hashes was stored while this import ran; run it again/,
      ),
    ]).toContainEqual(lost);
    const stored = await service.store.db
      .selectFrom("key_secrets")
      .select("key_id")
      .where("secret_hash", "=", sha256(key, "base64url"))
      .execute();
    expect(stored).toHaveLength(1);
  });

  it("answers the same report on a dry run and writes nothing", async () => {
    const key = foreignKey();
    const body = {
      keys: [
        { hash: sha256(key), name: "dry" },
        { hash: "x", name: "bad" },
      ],
    };
    const count = await keyCount();
    const events = (await importEvents()).length;
    const dry = await report({ ...body, dryRun: true });
    expect(dry.imported.map((row) => row.index)).toEqual([0]);
    expect(dry.refused.map((row) => row.index)).toEqual([1]);
    expect(await keyCount()).toBe(count);
    expect(await importEvents()).toHaveLength(events);
    expect(await verify(service, seed.rootKey, { key })).toEqual({ valid: false, code: "NOT_FOUND" });
    // The real run then stores it, and the "not found" cached meanwhile is gone.
    const real = await report(body);
    expect(real.imported.map((row) => row.index)).toEqual([0]);
    expect(await verify(service, seed.rootKey, { key })).toMatchObject({
      valid: true,
      keyId: real.imported[0]?.id,
    });
  });

  it("refuses a body that is not the import's shape, or holds more than 1,000 rows", async () => {
    const row = { hash: sha256("x"), name: "x" };
    expectError(await importKeys({ keys: [] }), 400, "VALIDATION_FAILED", "keys: must hold at least 1 key");
    expectError(
      await importKeys({ keys: Array.from({ length: 1001 }, () => row) }),
      400,
      "VALIDATION_FAILED",
      "keys: must hold at most 1000 keys",
    );
    expectError(
      await importKeys({ keys: [row], other: true }),
      400,
      "VALIDATION_FAILED",
      "other: unknown field",
    );
    expectError(await importKeys({ keys: ["a"] }), 400, "VALIDATION_FAILED", /^keys\.0: /);
    expectError(await importKeys({ keys: [row], dryRun: "yes" }), 400, "VALIDATION_FAILED", /^dryRun: /);
  });

  it("imports 1,000 rows in one request", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ hash: sha256(foreignKey()), name: `bulk ${i}` }));
    const answer = await report({ keys: rows });
    expect(answer.imported).toHaveLength(1000);
    expect(answer.refused).toEqual([]);
    // One event for the batch: the counts and the first 100 ids.
    const [event] = (await importEvents()).slice(-1);
    expect(event?.details).toMatchObject({
      imported: 1000,
      keyIds: answer.imported.slice(0, 100).map((row) => row.id),
      keyIdsOmitted: 900,
    });
  });

  it("lets an imported key be disabled, rotated to a Keygate key, revoked and deleted", async () => {
    const keys = [foreignKey(), foreignKey()];
    const answer = await report({ keys: keys.map((key, i) => ({ hash: sha256(key), name: `life ${i}` })) });
    const [first, second] = answer.imported.map((row) => row.id);
    expect((await post(service, seed.rootKey, `/v1/keys/${first}/disable`)).statusCode).toBe(200);
    expect(await verify(service, seed.rootKey, { key: keys[0] })).toMatchObject({ code: "DISABLED" });
    expect((await post(service, seed.rootKey, `/v1/keys/${first}/enable`)).statusCode).toBe(200);

    const rotated = await post(service, seed.rootKey, `/v1/keys/${first}/rotate`, { gracePeriodSeconds: 0 });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const fresh = json<{ key: string; source: string }>(rotated);
    expect(fresh.key).toMatch(/^acme_[0-9A-Za-z]{38}$/);
    expect(fresh.source).toBe("import");
    expect(await verify(service, seed.rootKey, { key: fresh.key })).toMatchObject({
      valid: true,
      keyId: first,
    });
    // The old (imported) secret ends at once: EXPIRED, as any rotated secret past its grace.
    expect(await verify(service, seed.rootKey, { key: keys[0] })).toEqual({
      valid: false,
      code: "EXPIRED",
      keyId: first,
    });

    expect((await post(service, seed.rootKey, `/v1/keys/${second}/revoke`, {})).statusCode).toBe(200);
    expect(await verify(service, seed.rootKey, { key: keys[1] })).toMatchObject({ code: "REVOKED" });
    expect((await del(service, seed.rootKey, `/v1/keys/${second}`)).statusCode).toBe(204);
    expect(await verify(service, seed.rootKey, { key: keys[1] })).toEqual({
      valid: false,
      code: "NOT_FOUND",
    });
    // A deleted key's hash is not imported again.
    expect((await report({ keys: [{ hash: sha256(keys[1] ?? ""), name: "back" }] })).refused).toEqual([
      {
        index: 0,
        code: "CONFLICT",
        message: "hash: a deleted key of this workspace had this secret; it cannot be imported again",
      },
    ]);
  });

  it("refuses the import on a plan without API access, and the rows past the plan's key limit", async () => {
    const free = await seedWorkspace(service, { plan: "free" });
    expectError(
      await importKeys({ keys: [{ hash: sha256(foreignKey()), name: "x" }] }, free.rootKey),
      402,
      "PLAN_REQUIRED",
      "the free plan does not include API Access; upgrade required",
    );
    const pro = await seedWorkspace(service, { plan: "pro" });
    await service.store.db
      .updateTable("workspaces")
      .set({ live_keys: 9_999 })
      .where("id", "=", pro.workspace.id)
      .execute();
    const answer = await report(
      {
        keys: [
          { hash: sha256(foreignKey()), name: "last one", ipAllowlist: ["10.0.0.0/8"] },
          { hash: sha256(foreignKey()), name: "one too many" },
        ],
      },
      pro.rootKey,
    );
    expect(answer.imported.map((row) => row.index)).toEqual([0]);
    expect(answer.refused).toEqual([
      {
        index: 1,
        code: "PLAN_REQUIRED",
        message: "the pro plan allows 10000 keys; upgrade required for more keys",
      },
    ]);
  });

  it("is secured: no credential, too little permission, and a developer's production import", async () => {
    await expectSecured(
      service,
      seed.workspace.id,
      { method: "POST", url: "/v1/keys/import", payload: { keys: [{ hash: sha256("s"), name: "s" }] } },
      "keys:write",
    );
    const reader = await seedRootKey(service, seed.workspace.id, ["keys:read"]);
    expectError(await importKeys({ keys: [{ hash: sha256("r"), name: "r" }] }, reader), 403, "FORBIDDEN");
    const developer = await signInAs(service, seed.workspace.id, "developer");
    const res = await post(service, developer.headers, "/v1/keys/import", {
      keys: [{ hash: sha256(foreignKey()), name: "prod" }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<ImportReport>(res).refused).toEqual([
      {
        index: 0,
        code: "FORBIDDEN",
        message: "developers may create keys only outside production; ask an admin for a production key",
      },
    ]);
  });

  it("never touches another workspace: its keys stay its own and its trail is unchanged", async () => {
    const mine = foreignKey();
    const before = await importEvents(other.workspace.id);
    await report({ keys: [{ hash: sha256(mine), name: "mine" }] });
    expect(await importEvents(other.workspace.id)).toEqual(before);
    expect(await verify(service, other.rootKey, { key: mine })).toEqual({ valid: false, code: "NOT_FOUND" });
  });

  it("gives a key made by create the keygate source in lists", async () => {
    const created = await createKey(service, seed.rootKey, { name: "listed" });
    expect(created.source).toBe("keygate");
  });
});
