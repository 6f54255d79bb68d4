/**
 * Bytes per cached key: the heap before and after filling the verifier's cache with N records
 * built as a store read builds them (the benchmark's keys: a name, no scopes, `meta: { tenant }`),
 * each answer written out once as a response would be (which flattens a joined string). The
 * figure covers everything an entry holds: the hash it is filed under, the record, its answer and
 * the LRU's slot. The records point at one shared workspace state, as a workspace's keys do.
 * With `any`, each record holds the answer to a `keys:verify:any` caller instead (built on its
 * first cross-tenant verification), as a platform's cache of its tenants' keys does.
 *
 *   node --expose-gc --import tsx bench/cache-bytes.ts [N, default 50000] [any]
 *
 * Prints one line, `bytes per cached key: <n> (<N> keys, answer <b> bytes)`; `npm run bench` runs it.
 */
import { ManualClock } from "../server/src/clock.js";
import { generateKey, hashSecret } from "../server/src/domain/key-format.js";
import { LocalInvalidation } from "../server/src/verifier/invalidation.js";
import { VerificationCache } from "../server/src/verifier/verification-cache.js";
import { toVerificationRecord, type VerificationRow } from "../server/src/verifier/verification-record.js";
import { anyWorkspaceValidBody, ownValidBody } from "../server/src/verifier/verify-response.js";
import { WorkspaceStates } from "../server/src/verifier/workspace-states.js";

const count = Number(process.argv[2] ?? 50_000);
const crossTenant = process.argv[3] === "any";
const WORKSPACE_ID = "ws_01JDBENCH0000000000000000";
const states = new WorkspaceStates();
const workspace = states.fromStore(
  { id: WORKSPACE_ID, externalId: "cus_bench_42", plan: "pro", suspended: false },
  states.generation,
);
const collect = (globalThis as { gc?: () => void }).gc;
if (collect === undefined) throw new Error("run with node --expose-gc");

const ULID_LETTERS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const idOf = (prefix: string, n: number) =>
  `${prefix}_01JD${Array.from({ length: 22 }, (_, i) => ULID_LETTERS[(n >> (i % 20)) % 32]).join("")}`;

function rowOf(n: number): VerificationRow {
  return {
    id: idOf("key", n),
    workspace_id: WORKSPACE_ID,
    app_id: null,
    kind: "token",
    name: `bench-${n}`,
    shared_key: null,
    scopes: [],
    meta: { tenant: `t_${n}` },
    expires_at: null,
    ip_allowlist: [],
    rate_limits: [],
    quota_remaining: null,
    enabled: true,
    revoked_at: null,
    secret_expires_at: null,
    external_id: null,
    identity_id: null,
    identity_external_id: null,
    identity_meta: null,
    identity_rate_limits: null,
  };
}

function heapUsed(): number {
  for (let i = 0; i < 3; i++) collect?.();
  return process.memoryUsage().heapUsed;
}

function fill(size: number) {
  let next = 0;
  const cache = new VerificationCache(
    async () => toVerificationRecord(rowOf(next), workspace),
    new LocalInvalidation(),
    new ManualClock(),
    { maxEntries: size },
  );
  return async (n: number) => {
    next = n;
    return cache.load(hashSecret(generateKey("bench")));
  };
}

async function main(): Promise<void> {
  // Warm the code paths on a cache of its own, so compiled code is not counted.
  const warm = fill(100);
  for (let i = 0; i < 100; i++) await warm(i);
  const before = heapUsed();
  // The LRU's slots (allocated up front for maxEntries) count too: the cache is built after `before`.
  const load = fill(count);
  let answerBytes = 0;
  for (let i = 0; i < count; i++) {
    const record = await load(i);
    if (record === undefined) throw new Error("no record");
    // Writing the answer out flattens it, as the first response with it does.
    answerBytes = Buffer.byteLength(crossTenant ? anyWorkspaceValidBody(record) : ownValidBody(record));
  }
  const after = heapUsed();
  // The cache must still be reachable when `after` is taken.
  if ((await load(count)) === undefined) throw new Error("the cache lost its loader");
  process.stdout.write(
    `bytes per cached key: ${Math.round((after - before) / count)} (${count} keys, answer ${answerBytes} bytes)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
