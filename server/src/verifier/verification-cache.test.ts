import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../test/backends.js";
import { createTestService, seedRootKey, seedWorkspace, type TestService } from "../../test/harness.js";
import { insertKey, updateKey } from "../../test/key-fixtures.js";
import { verify } from "../../test/verify-helpers.js";
import { generateKey, hashSecret } from "../domain/key-format.js";
import { publishKeyChange } from "../domain/keys/invalidate-key.js";
import { LocalInvalidation } from "./invalidation.js";
import { storeRecordLoader } from "./record-loader.js";
import { MISSING, VerificationCache } from "./verification-cache.js";
import { WorkspaceStates } from "./workspace-states.js";

async function counter(service: TestService, name: "cacheHits" | "cacheMisses"): Promise<number> {
  return (await service.ctx.metrics[name].get()).values[0]?.value ?? 0;
}

describe.each(backends)("the verifier's cache on $name", (backend) => {
  let service: TestService;
  let wsId: string;
  let root: string;

  beforeAll(async () => {
    service = await createTestService({ backend });
    wsId = (await seedWorkspace(service)).workspace.id;
    root = await seedRootKey(service, wsId, ["keys:verify"]);
  });
  afterAll(async () => service.close());

  it("reads the store once, then answers from memory", async () => {
    const key = await insertKey(service, wsId);
    const [hits, misses] = [await counter(service, "cacheHits"), await counter(service, "cacheMisses")];
    for (let i = 0; i < 3; i++)
      expect(await verify(service, root, { key: key.secret })).toMatchObject({ valid: true });
    expect(await counter(service, "cacheMisses")).toBe(misses + 1);
    expect(await counter(service, "cacheHits")).toBe(hits + 2);
  });

  it("sees a disable, a revoke and a delete on the very next verification", async () => {
    const key = await insertKey(service, wsId);
    expect(await verify(service, root, { key: key.secret })).toMatchObject({ code: "VALID" });
    await updateKey(service, key.id, { enabled: false });
    expect(await verify(service, root, { key: key.secret })).toMatchObject({ code: "DISABLED" });
    await updateKey(service, key.id, { enabled: true });
    expect(await verify(service, root, { key: key.secret })).toMatchObject({ code: "VALID" });
    await updateKey(service, key.id, { revoked_at: service.clock.now() });
    expect(await verify(service, root, { key: key.secret })).toMatchObject({ code: "REVOKED" });
    await updateKey(service, key.id, { deleted_at: service.clock.now() });
    expect(await verify(service, root, { key: key.secret })).toEqual({ valid: false, code: "NOT_FOUND" });
  });

  it("keeps an unpublished change out until the safety-net TTL passes", async () => {
    const key = await insertKey(service, wsId);
    expect(await verify(service, root, { key: key.secret })).toMatchObject({ code: "VALID" });
    await service.store.db.updateTable("keys").set({ enabled: false }).where("id", "=", key.id).execute();
    expect(await verify(service, root, { key: key.secret })).toMatchObject({ code: "VALID" });
    service.clock.advance(60_000);
    expect(await verify(service, root, { key: key.secret })).toMatchObject({ code: "VALID" });
    service.clock.advance(1);
    expect(await verify(service, root, { key: key.secret })).toMatchObject({ code: "DISABLED" });
  });

  it("remembers an unknown key briefly, and forgets it when a key with that secret appears", async () => {
    const secret = generateKey("acme");
    const misses = await counter(service, "cacheMisses");
    expect(await verify(service, root, { key: secret })).toMatchObject({ code: "NOT_FOUND" });
    expect(await verify(service, root, { key: secret })).toMatchObject({ code: "NOT_FOUND" });
    expect(await counter(service, "cacheMisses")).toBe(misses + 1);
    const key = await insertKey(service, wsId, { secret });
    expect(await verify(service, root, { key: secret })).toMatchObject({ code: "NOT_FOUND" });
    await publishKeyChange(service.ctx, [key.id]);
    expect(await verify(service, root, { key: secret })).toMatchObject({ code: "VALID", keyId: key.id });
  });

  it("forgets an unknown key after the negative TTL", async () => {
    const secret = generateKey("acme");
    expect(await verify(service, root, { key: secret })).toMatchObject({ code: "NOT_FOUND" });
    await insertKey(service, wsId, { secret });
    service.clock.advance(5_001);
    expect(await verify(service, root, { key: secret })).toMatchObject({ code: "VALID" });
  });

  it("shares one store read between concurrent misses of a key", async () => {
    const key = await insertKey(service, wsId);
    let reads = 0;
    const loader = storeRecordLoader(service.store.db, new WorkspaceStates());
    const cache = new VerificationCache(
      (hash) => {
        reads += 1;
        return loader(hash);
      },
      new LocalInvalidation(),
      service.clock,
    );
    const hash = hashSecret(key.secret);
    const records = await Promise.all([cache.load(hash), cache.load(hash), cache.load(hash)]);
    expect(reads).toBe(1);
    expect(records.map((record) => record?.keyId)).toEqual([key.id, key.id, key.id]);
    expect(cache.peek(hash)).toBe(records[0]);
  });

  it("does not cache a read that overlapped an invalidation of its key", async () => {
    const key = await insertKey(service, wsId);
    const invalidation = new LocalInvalidation();
    const loader = storeRecordLoader(service.store.db, new WorkspaceStates());
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const cache = new VerificationCache(
      async (hash) => {
        const record = await loader(hash);
        await gate;
        return record;
      },
      invalidation,
      service.clock,
    );
    const hash = hashSecret(key.secret);
    const reading = cache.load(hash);
    // The read has the old row; a change lands and is published before it completes.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await service.store.db.updateTable("keys").set({ enabled: false }).where("id", "=", key.id).execute();
    await invalidation.publish({ kind: "key", workspaceId: wsId, keyIds: [key.id], hashes: [hash] });
    release();
    expect((await reading)?.enabled).toBe(true);
    expect(cache.peek(hash)).toBeUndefined();
    expect((await cache.load(hash))?.enabled).toBe(false);
    expect(cache.peek(hash)).toMatchObject({ enabled: false });
  });

  it("caches nothing of a failed read: the next miss reads the store again", async () => {
    const key = await insertKey(service, wsId);
    const loader = storeRecordLoader(service.store.db, new WorkspaceStates());
    let reads = 0;
    const cache = new VerificationCache(
      async (hash) => {
        reads += 1;
        if (reads === 1) throw new Error("the store went away");
        return loader(hash);
      },
      new LocalInvalidation(),
      service.clock,
    );
    const hash = hashSecret(key.secret);
    await expect(cache.load(hash)).rejects.toThrow("the store went away");
    expect(cache.peek(hash)).toBeUndefined();
    expect((await cache.load(hash))?.keyId).toBe(key.id);
    expect(reads).toBe(2);
    expect(cache.peek(hash)).toMatchObject({ keyId: key.id });
  });

  it("keeps made-up keys in their own, smaller LRU so they cannot push real keys out", async () => {
    const cache = new VerificationCache(
      storeRecordLoader(service.store.db, new WorkspaceStates()),
      new LocalInvalidation(),
      service.clock,
      {
        maxEntries: 10,
        maxMissingEntries: 2,
      },
    );
    const key = await insertKey(service, wsId);
    const hash = hashSecret(key.secret);
    await cache.load(hash);
    for (let i = 0; i < 5; i++) await cache.load(hashSecret(generateKey("acme")));
    expect(cache.peek(hash)).toMatchObject({ keyId: key.id });
    const unknown = hashSecret(generateKey("acme"));
    await cache.load(unknown);
    expect(cache.peek(unknown)).toBe(MISSING);
  });

  it("counts verifications by outcome, cache hits and misses in /metrics", async () => {
    const key = await insertKey(service, wsId);
    await verify(service, root, { key: key.secret });
    await verify(service, root, { key: "nope" });
    const text = (await service.app.inject({ method: "GET", url: "/metrics" })).body;
    expect(text).toMatch(/^keygate_verifications_total\{code="VALID"\} \d+$/m);
    expect(text).toMatch(/^keygate_verifications_total\{code="MALFORMED"\} \d+$/m);
    expect(text).toMatch(/^keygate_verify_cache_hits_total \d+$/m);
    expect(text).toMatch(/^keygate_verify_cache_misses_total [1-9]\d*$/m);
    const valid = (await service.ctx.metrics.verifications.get()).values.find(
      (v) => v.labels.code === "VALID",
    );
    expect(valid?.value).toBeGreaterThan(0);
  });
});
