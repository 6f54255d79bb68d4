/**
 * The in-process cost of one verification on a cache hit: the verifier alone (parse and checksum,
 * SHA-256, cache lookup, checks, usage count, pre-serialised answer), no HTTP, on an in-memory
 * store with one key of a tenant created through the key lifecycle: verified by a caller of the
 * tenant, then by the operator's cross-tenant caller.
 */
import pino from "pino";
import { createContext } from "../server/src/app/context.js";
import { systemClock } from "../server/src/clock.js";
import { loadConfig } from "../server/src/config/config.js";
import { createKey } from "../server/src/domain/keys/create-key.js";
import { createKeyBody } from "../server/src/domain/keys/key-inputs.js";
import { createWorkspace } from "../server/src/domain/workspaces/workspaces.js";
import { openStore } from "../server/src/store/database.js";
import { migrateToLatest } from "../server/src/store/migrate.js";
import type { VerifyReach } from "../server/src/verifier/verify-reach.js";

export interface InProcessResult {
  /** Microseconds per verification (cache hit) by a caller of the key's workspace. */
  microseconds: number;
  /** The same by the operator's `keys:verify:any` caller (the answer names the workspace). */
  crossTenantMicroseconds: number;
  iterations: number;
}

export async function measureInProcess(iterations = 300_000): Promise<InProcessResult> {
  const store = await openStore({});
  try {
    await migrateToLatest(store.db);
    const ctx = createContext({
      config: loadConfig({ LOG_LEVEL: "silent", KEYGATE_DATA_DIR: "/nonexistent" }),
      store,
      clock: systemClock,
      logger: pino({ level: "silent" }),
    });
    const operator = await createWorkspace(store.db, {
      name: "platform",
      plan: "enterprise",
      keyPrefix: "bench",
      kind: "operator",
      at: new Date(),
    });
    const tenant = await createWorkspace(store.db, {
      name: "bench",
      plan: "enterprise",
      keyPrefix: "bench",
      externalId: "cus_bench",
      at: new Date(),
    });
    const issued = await createKey(
      ctx,
      {
        principal: {
          type: "root_key",
          rootKeyId: "key_bench",
          workspaceId: tenant.id,
          operator: false,
          permissions: ["*"],
        },
        ip: null,
      },
      createKeyBody.parse({ name: "in-process", meta: { tenant: "t_1" } }),
    );
    const input = { key: issued.key ?? "", cost: 1 };
    const measure = async (workspaceId: string, reach: VerifyReach): Promise<number> => {
      const first = await ctx.verifier.verify(workspaceId, reach, input);
      if (first.code !== "VALID") throw new Error(`the in-process key verified as ${first.code}`);
      let sink = 0;
      const run = (n: number) => {
        for (let i = 0; i < n; i++) {
          const result = ctx.verifier.verify(workspaceId, reach, input);
          if (result instanceof Promise) throw new Error("a cache hit went asynchronous");
          sink += result.body.length;
        }
      };
      run(20_000);
      const started = process.hrtime.bigint();
      run(iterations);
      const elapsedNs = Number(process.hrtime.bigint() - started);
      if (sink === 0) throw new Error("no answers");
      return elapsedNs / iterations / 1000;
    };
    const microseconds = await measure(tenant.id, "own");
    const crossTenantMicroseconds = await measure(operator.id, "any");
    await ctx.usage.close();
    await ctx.rateLimiter.close();
    return { microseconds, crossTenantMicroseconds, iterations };
  } finally {
    await store.close();
  }
}
