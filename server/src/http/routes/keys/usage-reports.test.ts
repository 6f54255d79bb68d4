/**
 * POST /v1/keys/usage-reports: reported outcomes land in the key's usage exactly as server-side
 * verifications do (usageCount, lastUsedAt, lastUsedIp, /usage buckets) once the buffer flushes;
 * reports of keys the caller cannot reach are ignored; bad bodies are 400; the caller needs
 * keys:verify (or the operator's keys:verify:any).
 */
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import {
  bearer,
  createTestService,
  expectError,
  expectSecured,
  json,
  seedRootKey,
  seedWorkspace,
  type TestService,
} from "../../../../test/harness.js";
import { insertKey } from "../../../../test/key-fixtures.js";
import {
  type SeededOperator,
  type SeededTenant,
  seedOperator,
  seedTenant,
} from "../../../../test/tenant-fixtures.js";
import { verify } from "../../../../test/verify-helpers.js";

describe.each(backends)("POST /v1/keys/usage-reports on $name", (backend) => {
  let service: TestService;
  let workspaceId: string;
  let rootKey: string;
  let verifier: string;
  let operator: SeededOperator;
  let tenant: SeededTenant;

  beforeAll(async () => {
    service = await createTestService({ backend });
    const seeded = await seedWorkspace(service);
    workspaceId = seeded.workspace.id;
    rootKey = seeded.rootKey;
    verifier = await seedRootKey(service, workspaceId, ["keys:verify"]);
    operator = await seedOperator(service);
    tenant = await seedTenant(service, operator.rootKey);
  });
  afterAll(async () => service.close());

  const minutesAgo = (minutes: number) => new Date(service.clock.nowMs() - minutes * 60_000).toISOString();

  const report = (caller: string, reports: unknown): InjectOptions => ({
    method: "POST",
    url: "/v1/keys/usage-reports",
    headers: bearer(caller),
    payload: { reports },
  });

  async function keyOf(id: string) {
    const res = await service.app.inject({ method: "GET", url: `/v1/keys/${id}`, headers: bearer(rootKey) });
    expect(res.statusCode).toBe(200);
    return json<{ usageCount: number; lastUsedAt: string | null; lastUsedIp: string | null }>(res);
  }

  async function hourCounts(id: string, headers = bearer(rootKey)) {
    // Up to the end of the clock's hour: the current hour's bucket starts at the clock's 12:00.
    const to = encodeURIComponent(new Date(service.clock.nowMs() + 3_600_000).toISOString());
    const res = await service.app.inject({ method: "GET", url: `/v1/keys/${id}/usage?to=${to}`, headers });
    expect(res.statusCode).toBe(200);
    return json<{ data: Array<{ bucket: string; counts: Record<string, number>; total: number }> }>(res).data;
  }

  it("adds the reported outcomes to the key's usage count, last use and usage buckets", async () => {
    const key = await insertKey(service, workspaceId);
    const res = await service.app.inject(
      report(verifier, [
        { keyId: key.id, outcome: "VALID", count: 40, lastUsedAt: minutesAgo(2), lastUsedIp: "203.0.113.9" },
        {
          keyId: key.id,
          outcome: "INSUFFICIENT_SCOPE",
          count: 3,
          lastUsedAt: minutesAgo(1),
          lastUsedIp: null,
        },
      ]),
    );
    expect(res.statusCode).toBe(202);
    expect(json(res)).toEqual({ accepted: 2, ignored: 0 });
    await service.ctx.usage.flush();
    expect(await keyOf(key.id)).toMatchObject({
      usageCount: 40,
      lastUsedAt: minutesAgo(2),
      lastUsedIp: "203.0.113.9",
    });
    const buckets = await hourCounts(key.id);
    expect(buckets.reduce((sum, bucket) => sum + bucket.total, 0)).toBe(43);
    const counts = buckets.find((bucket) => bucket.total > 0)?.counts;
    expect(counts).toMatchObject({ VALID: 40, INSUFFICIENT_SCOPE: 3, DISABLED: 0 });
  });

  it("adds reports to the server's own verifications of the same key", async () => {
    const key = await insertKey(service, workspaceId);
    expect(await verify(service, verifier, { key: key.secret, ip: "198.51.100.1" })).toMatchObject({
      code: "VALID",
    });
    const res = await service.app.inject(
      report(verifier, [
        { keyId: key.id, outcome: "VALID", count: 9, lastUsedAt: minutesAgo(5), lastUsedIp: null },
      ]),
    );
    expect(json(res)).toEqual({ accepted: 1, ignored: 0 });
    await service.ctx.usage.flush();
    // The server's verification is the later use: it stays the last one.
    expect(await keyOf(key.id)).toEqual(
      expect.objectContaining({
        usageCount: 10,
        lastUsedAt: service.clock.now().toISOString(),
        lastUsedIp: "198.51.100.1",
      }),
    );
  });

  it("counts a last use older than an hour an hour ago, and one in the future now", async () => {
    const old = await insertKey(service, workspaceId);
    const future = await insertKey(service, workspaceId);
    const res = await service.app.inject(
      report(verifier, [
        { keyId: old.id, outcome: "VALID", count: 1, lastUsedAt: minutesAgo(600), lastUsedIp: null },
        { keyId: future.id, outcome: "VALID", count: 1, lastUsedAt: minutesAgo(-600), lastUsedIp: null },
      ]),
    );
    expect(json(res)).toEqual({ accepted: 2, ignored: 0 });
    await service.ctx.usage.flush();
    expect((await keyOf(old.id)).lastUsedAt).toBe(minutesAgo(60));
    expect((await keyOf(future.id)).lastUsedAt).toBe(service.clock.now().toISOString());
    // Each counted in the hour it was clamped into (the clock stands at 12:00 UTC).
    const bucketsOf = async (id: string) =>
      (await hourCounts(id))
        .filter((bucket) => bucket.total > 0)
        .map((bucket) => [bucket.bucket, bucket.total]);
    expect(await bucketsOf(old.id)).toEqual([["2026-06-01T11:00:00.000Z", 1]]);
    expect(await bucketsOf(future.id)).toEqual([["2026-06-01T12:00:00.000Z", 1]]);
  });

  it("ignores reports of another workspace's keys, deleted keys and unknown ids, and records the rest", async () => {
    const own = await insertKey(service, workspaceId);
    const foreign = await insertKey(service, tenant.id);
    const deleted = await insertKey(service, workspaceId, { deleted: true });
    const res = await service.app.inject(
      report(verifier, [
        { keyId: foreign.id, outcome: "VALID", count: 7, lastUsedAt: minutesAgo(1), lastUsedIp: null },
        { keyId: deleted.id, outcome: "VALID", count: 7, lastUsedAt: minutesAgo(1), lastUsedIp: null },
        {
          keyId: "key_01NOSUCHKEY0000000000000",
          outcome: "VALID",
          count: 7,
          lastUsedAt: minutesAgo(1),
          lastUsedIp: null,
        },
        { keyId: own.id, outcome: "REVOKED", count: 2, lastUsedAt: minutesAgo(1), lastUsedIp: null },
      ]),
    );
    expect(res.statusCode).toBe(202);
    expect(json(res)).toEqual({ accepted: 1, ignored: 3 });
    await service.ctx.usage.flush();
    const foreignUsage = await service.app.inject({
      method: "GET",
      url: `/v1/keys/${foreign.id}`,
      headers: bearer(tenant.rootKey),
    });
    expect(json(foreignUsage)).toMatchObject({ usageCount: 0, lastUsedAt: null });
    // A refused outcome is counted in the buckets but is no use of the key.
    expect(await keyOf(own.id)).toMatchObject({ usageCount: 0, lastUsedAt: null });
    expect((await hourCounts(own.id)).reduce((sum, bucket) => sum + (bucket.counts.REVOKED ?? 0), 0)).toBe(2);
  });

  it("ignores a key once it is deleted, though it was known from an earlier report", async () => {
    const key = await insertKey(service, workspaceId);
    const one = [{ keyId: key.id, outcome: "VALID", count: 1, lastUsedAt: minutesAgo(1), lastUsedIp: null }];
    expect(json(await service.app.inject(report(verifier, one)))).toEqual({ accepted: 1, ignored: 0 });
    const deleted = await service.app.inject({
      method: "DELETE",
      url: `/v1/keys/${key.id}`,
      headers: bearer(rootKey),
    });
    expect(deleted.statusCode).toBe(204);
    expect(json(await service.app.inject(report(verifier, one)))).toEqual({ accepted: 0, ignored: 1 });
  });

  it("lets the operator's keys:verify:any root key report any tenant's key", async () => {
    const anyVerifier = await seedRootKey(service, operator.workspace.id, ["keys:verify:any"]);
    const key = await insertKey(service, tenant.id);
    const res = await service.app.inject(
      report(anyVerifier, [
        { keyId: key.id, outcome: "VALID", count: 4, lastUsedAt: minutesAgo(1), lastUsedIp: null },
      ]),
    );
    expect(json(res)).toEqual({ accepted: 1, ignored: 0 });
    await service.ctx.usage.flush();
    const got = await service.app.inject({
      method: "GET",
      url: `/v1/keys/${key.id}`,
      headers: bearer(tenant.rootKey),
    });
    expect(json(got)).toMatchObject({ usageCount: 4 });
  });

  it.each([
    ["no reports", []],
    [
      "more than 1000 reports",
      Array.from({ length: 1001 }, () => ({
        keyId: "key_x",
        outcome: "VALID",
        count: 1,
        lastUsedAt: "2026-06-01T12:00:00Z",
        lastUsedIp: null,
      })),
    ],
    [
      "a count of 0",
      [{ keyId: "key_x", outcome: "VALID", count: 0, lastUsedAt: "2026-06-01T12:00:00Z", lastUsedIp: null }],
    ],
    [
      "a count over 1,000,000",
      [
        {
          keyId: "key_x",
          outcome: "VALID",
          count: 1_000_001,
          lastUsedAt: "2026-06-01T12:00:00Z",
          lastUsedIp: null,
        },
      ],
    ],
    [
      "a NOT_FOUND outcome",
      [
        {
          keyId: "key_x",
          outcome: "NOT_FOUND",
          count: 1,
          lastUsedAt: "2026-06-01T12:00:00Z",
          lastUsedIp: null,
        },
      ],
    ],
    [
      "a MALFORMED outcome",
      [
        {
          keyId: "key_x",
          outcome: "MALFORMED",
          count: 1,
          lastUsedAt: "2026-06-01T12:00:00Z",
          lastUsedIp: null,
        },
      ],
    ],
    [
      "a time that is not ISO 8601",
      [{ keyId: "key_x", outcome: "VALID", count: 1, lastUsedAt: "yesterday", lastUsedIp: null }],
    ],
    [
      "an address that is not one",
      [
        {
          keyId: "key_x",
          outcome: "VALID",
          count: 1,
          lastUsedAt: "2026-06-01T12:00:00Z",
          lastUsedIp: "localhost",
        },
      ],
    ],
    [
      "an unknown field",
      [
        {
          keyId: "key_x",
          outcome: "VALID",
          count: 1,
          lastUsedAt: "2026-06-01T12:00:00Z",
          lastUsedIp: null,
          extra: 1,
        },
      ],
    ],
    [
      "a missing lastUsedIp",
      [{ keyId: "key_x", outcome: "VALID", count: 1, lastUsedAt: "2026-06-01T12:00:00Z" }],
    ],
  ])("refuses a body with %s (400)", async (_name, reports) => {
    expectError(await service.app.inject(report(verifier, reports)), 400, "VALIDATION_FAILED");
  });

  it("refuses a body that is not an object of reports (400)", async () => {
    for (const payload of [[], { reports: "all" }, {}]) {
      const res = await service.app.inject({
        method: "POST",
        url: "/v1/keys/usage-reports",
        headers: bearer(verifier),
        payload,
      });
      expectError(res, 400, "VALIDATION_FAILED");
    }
  });

  it("needs a credential (401) and keys:verify (403: keys:read is not enough)", async () => {
    const body = [
      { keyId: "key_x", outcome: "VALID", count: 1, lastUsedAt: minutesAgo(1), lastUsedIp: null },
    ];
    await expectSecured(service, workspaceId, report(verifier, body), "keys:verify");
    const reader = await seedRootKey(service, workspaceId, ["keys:read"]);
    expectError(
      await service.app.inject(report(reader, body)),
      403,
      "FORBIDDEN",
      "this needs the keys:verify permission",
    );
  });
});
