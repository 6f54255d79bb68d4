import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import {
  bearer,
  createTestService,
  expectError,
  expectSecured,
  seedRootKey,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../../test/harness.js";
import { type FixtureKey, insertKey, keyRow, updateKey } from "../../../../test/key-fixtures.js";
import { verify } from "../../../../test/verify-helpers.js";

const zero = {
  VALID: 0,
  WORKSPACE_SUSPENDED: 0,
  DISABLED: 0,
  REVOKED: 0,
  EXPIRED: 0,
  FORBIDDEN_IP: 0,
  INSUFFICIENT_SCOPE: 0,
  RATE_LIMITED: 0,
  USAGE_EXCEEDED: 0,
};

describe.each(backends)("GET /v1/keys/{id}/usage on $name", (backend) => {
  let service: TestService;
  let wsId: string;
  let rootKey: string;
  let verifier: string;
  let key: FixtureKey;

  beforeAll(async () => {
    service = await createTestService({ backend });
    const seeded = await seedWorkspace(service);
    wsId = seeded.workspace.id;
    rootKey = seeded.rootKey;
    verifier = await seedRootKey(service, wsId, ["keys:verify"]);
    service.clock.set("2026-06-03T10:30:00.000Z");
    key = await insertKey(service, wsId, { scopes: ["a"], rateLimit: { limit: 2, windowMs: 60_000 } });
    await verify(service, verifier, { key: key.secret, ip: "203.0.113.1" });
    await verify(service, verifier, { key: key.secret, scopes: ["b"] });
    await verify(service, verifier, { key: key.secret, ip: "203.0.113.2" });
    await verify(service, verifier, { key: key.secret });
    service.clock.set("2026-06-03T11:30:00.000Z");
    await verify(service, verifier, { key: key.secret, ip: "203.0.113.3" });
    await verify(service, verifier, { key: "not a key" });
    await service.ctx.usage.flush();
  });
  afterAll(async () => service.close());

  const get = (url: string, headers: Record<string, string> = bearer(rootKey)) =>
    service.app.inject({ method: "GET", url, headers });

  it("answers the last 24 hours by default, one bucket per hour with every outcome", async () => {
    const response = await get(`/v1/keys/${key.id}/usage`);
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      keyId: string;
      granularity: string;
      data: Array<Record<string, unknown>>;
    };
    expect(body.keyId).toBe(key.id);
    expect(body.granularity).toBe("hour");
    expect(body.data).toHaveLength(24);
    expect(body.data[0]).toEqual({ bucket: "2026-06-02T12:00:00.000Z", counts: zero, total: 0 });
    expect(body.data.slice(-2)).toEqual([
      {
        bucket: "2026-06-03T10:00:00.000Z",
        counts: { ...zero, VALID: 2, INSUFFICIENT_SCOPE: 1, RATE_LIMITED: 1 },
        total: 4,
      },
      { bucket: "2026-06-03T11:00:00.000Z", counts: { ...zero, VALID: 1 }, total: 1 },
    ]);
  });

  it("answers the last 30 days by day", async () => {
    const body = (await get(`/v1/keys/${key.id}/usage?granularity=day`)).json() as {
      data: Array<Record<string, unknown>>;
    };
    expect(body.data).toHaveLength(30);
    expect(body.data[0]).toMatchObject({ bucket: "2026-05-05T00:00:00.000Z", total: 0 });
    expect(body.data[29]).toEqual({
      bucket: "2026-06-03T00:00:00.000Z",
      counts: { ...zero, VALID: 3, INSUFFICIENT_SCOPE: 1, RATE_LIMITED: 1 },
      total: 5,
    });
  });

  it("sums hours into UTC days, whatever the store's time zone", async () => {
    const late = await insertKey(service, wsId);
    for (const at of ["2026-06-01T23:10:00.000Z", "2026-06-01T23:50:00.000Z", "2026-06-02T00:05:00.000Z"]) {
      service.clock.set(at);
      await verify(service, verifier, { key: late.secret });
    }
    service.clock.set("2026-06-03T11:30:00.000Z");
    await service.ctx.usage.flush();
    const days = async () =>
      (
        (
          await get(
            `/v1/keys/${late.id}/usage?granularity=day&from=2026-06-01T00:00:00Z&to=2026-06-03T00:00:00Z`,
          )
        ).json() as {
          data: Array<{ bucket: string; total: number }>;
        }
      ).data.map(({ bucket, total }) => [bucket, total]);
    const expected = [
      ["2026-06-01T00:00:00.000Z", 2],
      ["2026-06-02T00:00:00.000Z", 1],
    ];
    expect(await days()).toEqual(expected);
    // The embedded store has one connection, so the session's time zone reaches the read; a pooled
    // PostgreSQL connection set here might not be the one the read uses.
    if (backend.name !== "pglite") return;
    await sql`set time zone 'Asia/Tokyo'`.execute(service.store.db);
    try {
      expect(await days()).toEqual(expected);
    } finally {
      await sql`set time zone 'UTC'`.execute(service.store.db);
    }
  });

  it("answers an explicit range from the bucket holding `from` up to `to`", async () => {
    const response = await get(`/v1/keys/${key.id}/usage?from=2026-06-03T10:15:00Z&to=2026-06-03T11:00:00Z`);
    expect(response.json()).toEqual({
      keyId: key.id,
      granularity: "hour",
      data: [
        {
          bucket: "2026-06-03T10:00:00.000Z",
          counts: { ...zero, VALID: 2, INSUFFICIENT_SCOPE: 1, RATE_LIMITED: 1 },
          total: 4,
        },
      ],
    });
  });

  it("keeps the key's use count, last use time and address", async () => {
    const row = await keyRow(service, key.id);
    expect(row.usage_count).toBe(3);
    expect(row.last_used_at?.toISOString()).toBe("2026-06-03T11:30:00.000Z");
    expect(row.last_used_ip).toBe("203.0.113.3");
  });

  it("lets a viewer read it", async () => {
    const viewer = await signInAs(service, wsId, "viewer");
    expect((await get(`/v1/keys/${key.id}/usage`, viewer.headers)).statusCode).toBe(200);
  });

  it("refuses a bad range or granularity", async () => {
    expectError(
      await get(`/v1/keys/${key.id}/usage?from=2026-06-03T10:00:00Z&to=2026-06-03T10:00:00Z`),
      400,
      "VALIDATION_FAILED",
      "from must be before to",
    );
    expectError(
      await get(`/v1/keys/${key.id}/usage?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z`),
      400,
      "VALIDATION_FAILED",
      "the range holds 1416 hour buckets; at most 1000 may be asked for",
    );
    expectError(
      await get(`/v1/keys/${key.id}/usage?granularity=minute`),
      400,
      "VALIDATION_FAILED",
      /^querystring\.granularity: /,
    );
    expectError(
      await get(`/v1/keys/${key.id}/usage?from=yesterday`),
      400,
      "VALIDATION_FAILED",
      /^querystring\.from: /,
    );
    expectError(
      await get(`/v1/keys/${key.id}/usage?page=2`),
      400,
      "VALIDATION_FAILED",
      /^querystring\.page: /,
    );
    expectError(
      await get("/v1/keys/app_123/usage"),
      400,
      "VALIDATION_FAILED",
      "params.id: must be an id starting with key_",
    );
  });

  it("answers 404 for another workspace's key, a deleted key and an unknown id", async () => {
    const other = await seedWorkspace(service);
    const theirs = await insertKey(service, other.workspace.id);
    expectError(await get(`/v1/keys/${theirs.id}/usage`), 404, "NOT_FOUND", "key not found");
    const gone = await insertKey(service, wsId);
    await updateKey(service, gone.id, { deleted_at: service.clock.now() });
    expectError(await get(`/v1/keys/${gone.id}/usage`), 404, "NOT_FOUND", "key not found");
    expectError(await get("/v1/keys/key_01JD000000000000000000000/usage"), 404, "NOT_FOUND", "key not found");
  });

  it("is secured: no credential 401, a root key without keys:read 403", async () => {
    await expectSecured(service, wsId, { method: "GET", url: `/v1/keys/${key.id}/usage` }, "keys:read");
  });
});
