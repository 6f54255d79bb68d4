import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { backends } from "../../test/backends.js";
import { createTestService, seedWorkspace, type TestService } from "../../test/harness.js";
import { insertKey } from "../../test/key-fixtures.js";
import { newId } from "../domain/ids.js";
import { generateKey, hashSecret } from "../domain/key-format.js";
import { MAX_WAIT_MS, storeRecordLoader } from "./record-loader.js";
import { WorkspaceStates } from "./workspace-states.js";

describe.each(backends)("reading verification records on $name", (backend) => {
  let service: TestService;
  let wsId: string;
  let queries = 0;
  /** The test's store, counting the queries it runs. */
  const countQueries: KyselyPlugin = {
    transformQuery: (args) => {
      queries += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };

  beforeAll(async () => {
    service = await createTestService({ backend });
    wsId = (await seedWorkspace(service)).workspace.id;
  });
  afterAll(async () => service.close());

  it("reads the misses of one turn in one query, each answered with its own record", async () => {
    const [first, second, deleted] = [
      await insertKey(service, wsId, { name: "first" }),
      await insertKey(service, wsId, { name: "second", kind: "pair" }),
      await insertKey(service, wsId, { deleted: true }),
    ];
    const load = storeRecordLoader(service.store.db.withPlugin(countQueries), new WorkspaceStates());
    queries = 0;
    const records = await Promise.all([
      load(hashSecret(first.secret)),
      load(hashSecret(generateKey("acme"))),
      load(hashSecret(second.secret)),
      load(hashSecret(deleted.secret)),
    ]);
    expect(queries).toBe(1);
    expect(records.map((record) => record && [record.keyId, record.kind, record.sharedKey])).toEqual([
      [first.id, "token", null],
      undefined,
      [second.id, "pair", second.sharedKey],
      undefined,
    ]);
  });

  it("joins each key's workspace (as one shared state) and identity in the same query", async () => {
    const other = (await seedWorkspace(service)).workspace.id;
    const at = service.clock.now();
    await service.store.db
      .updateTable("workspaces")
      .set({ external_id: `cus_${other}`, plan: "pro", deleted_at: at })
      .where("id", "=", other)
      .execute();
    const identityId = newId("identity");
    await service.store.db
      .insertInto("identities")
      .values({
        id: identityId,
        workspace_id: wsId,
        external_id: "user_1",
        meta: JSON.stringify({ tier: "gold" }),
        rate_limits: JSON.stringify([{ name: "requests", limit: 5, windowMs: 1000 }]),
        created_at: at,
        updated_at: at,
      })
      .execute();
    const [a, b, c] = [
      await insertKey(service, wsId),
      await insertKey(service, wsId),
      await insertKey(service, other),
    ];
    await service.store.db
      .updateTable("keys")
      .set({ identity_id: identityId, external_id: "user_1" })
      .where("id", "=", b.id)
      .execute();
    const states = new WorkspaceStates();
    const load = storeRecordLoader(service.store.db.withPlugin(countQueries), states);
    queries = 0;
    const [ra, rb, rc] = await Promise.all([a, b, c].map((key) => load(hashSecret(key.secret))));
    expect(queries).toBe(1);
    expect(ra?.workspace).toBe(rb?.workspace);
    expect(ra?.workspace).toMatchObject({ id: wsId, externalId: null, plan: "enterprise", suspended: false });
    // A deleted workspace counts as suspended.
    expect(rc?.workspace).toMatchObject({
      id: other,
      externalId: `cus_${other}`,
      plan: "pro",
      suspended: true,
    });
    expect(states.get(other)).toBe(rc?.workspace);
    expect(ra?.rateLimits).toBeNull();
    expect(rb?.rateLimits).toEqual([
      {
        limiterKey: `identity:${identityId}:requests`,
        name: "requests",
        limit: 5,
        windowMs: 1000,
        entryHead: '{"name":"requests",',
      },
    ]);
    expect(JSON.parse(rb?.validBody ?? "")).toMatchObject({
      externalId: "user_1",
      identity: { id: identityId, externalId: "user_1", meta: { tier: "gold" } },
    });
  });

  it("carries every named limit of the key, then its identity's, each counted under its owner", async () => {
    const at = service.clock.now();
    const identityId = newId("identity");
    await service.store.db
      .insertInto("identities")
      .values({
        id: identityId,
        workspace_id: wsId,
        external_id: "user_limits",
        meta: "{}",
        rate_limits: JSON.stringify([{ name: "daily", limit: 1000, windowMs: 86_400_000 }]),
        created_at: at,
        updated_at: at,
      })
      .execute();
    const key = await insertKey(service, wsId, {
      rateLimits: [
        { name: "burst", limit: 10, windowMs: 1000 },
        { name: "sustained", limit: 100, windowMs: 60_000 },
      ],
    });
    await service.store.db
      .updateTable("keys")
      .set({ identity_id: identityId, external_id: "user_limits" })
      .where("id", "=", key.id)
      .execute();
    const load = storeRecordLoader(service.store.db, new WorkspaceStates());
    const record = await load(hashSecret(key.secret));
    expect(record?.rateLimits).toEqual([
      {
        limiterKey: `key:${key.id}:burst`,
        name: "burst",
        limit: 10,
        windowMs: 1000,
        entryHead: '{"name":"burst",',
      },
      {
        limiterKey: `key:${key.id}:sustained`,
        name: "sustained",
        limit: 100,
        windowMs: 60_000,
        entryHead: '{"name":"sustained",',
      },
      {
        limiterKey: `identity:${identityId}:daily`,
        name: "daily",
        limit: 1000,
        windowMs: 86_400_000,
        entryHead: '{"name":"daily",',
      },
    ]);
    expect(record?.hasQuota).toBe(false);
  });

  it("reads misses of later turns in queries of their own", async () => {
    const key = await insertKey(service, wsId);
    const load = storeRecordLoader(service.store.db.withPlugin(countQueries), new WorkspaceStates());
    queries = 0;
    expect((await load(hashSecret(key.secret)))?.keyId).toBe(key.id);
    expect((await load(hashSecret(key.secret)))?.keyId).toBe(key.id);
    expect(queries).toBe(2);
  });

  it("gathers the misses that arrive while a read runs into the next read", async () => {
    const keys = [
      await insertKey(service, wsId),
      await insertKey(service, wsId),
      await insertKey(service, wsId),
    ];
    const hashes = keys.map((key) => hashSecret(key.secret));
    const started: number[] = [];
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowFirstRead: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        if (started.length === 1) await held;
        return args.result;
      },
    };
    const load = storeRecordLoader(
      service.store.db.withPlugin(slowFirstRead).withPlugin({
        transformQuery: (args) => {
          started.push(Date.now());
          return args.node;
        },
        transformResult: async (args) => args.result,
      }),
      new WorkspaceStates(),
    );
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    const first = load(hashes[0] ?? "");
    const later = [];
    try {
      await vi.waitFor(() => expect(started).toHaveLength(1));
      for (const hash of hashes.slice(1)) {
        later.push(load(hash));
        await nextTurn();
      }
      expect(started).toHaveLength(1);
    } finally {
      release();
    }
    const records = await Promise.all([first, ...later]);
    expect(started).toHaveLength(2);
    expect(records.map((record) => record?.keyId)).toEqual(keys.map((key) => key.id));
  });

  // PostgreSQL runs queries side by side on pooled connections; the embedded store runs one at a
  // time whatever the loader does.
  if (backend.name === "postgres") {
    it("does not let a stuck read hold up the next one for longer than the wait limit", async () => {
      const [stuckKey, nextKey] = [await insertKey(service, wsId), await insertKey(service, wsId)];
      let reads = 0;
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const firstReadStuck: KyselyPlugin = {
        transformQuery: (args) => {
          reads += 1;
          return args.node;
        },
        transformResult: async (args) => {
          if (reads === 1) await held;
          return args.result;
        },
      };
      const load = storeRecordLoader(service.store.db.withPlugin(firstReadStuck), new WorkspaceStates());
      const stuck = load(hashSecret(stuckKey.secret));
      try {
        await vi.waitFor(() => expect(reads).toBe(1));
        const started = performance.now();
        expect((await load(hashSecret(nextKey.secret)))?.keyId).toBe(nextKey.id);
        expect(performance.now() - started).toBeGreaterThanOrEqual(MAX_WAIT_MS - 5);
      } finally {
        release();
      }
      expect((await stuck)?.keyId).toBe(stuckKey.id);
    });
  }

  it("fails every load of a batch whose query fails", async () => {
    const key = await insertKey(service, wsId);
    const failing: KyselyPlugin = {
      transformQuery: () => {
        throw new Error("store unreachable");
      },
      transformResult: async (args) => args.result,
    };
    const load = storeRecordLoader(service.store.db.withPlugin(failing), new WorkspaceStates());
    const results = await Promise.allSettled([
      load(hashSecret(key.secret)),
      load(hashSecret(generateKey("acme"))),
    ]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
  });
});
