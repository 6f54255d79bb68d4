import type {
  Kysely,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  Transaction,
  UnknownRow,
} from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import { createTestService, seedRootKey, seedWorkspace, type TestService } from "../../../test/harness.js";
import { insertKey } from "../../../test/key-fixtures.js";
import { verify } from "../../../test/verify-helpers.js";
import type { Database } from "../../store/schema.js";
import { type InvalidationMessage, LocalInvalidation } from "../../verifier/invalidation.js";
import { hashSecret } from "../key-format.js";
import type { Principal } from "../principal.js";
import { deleteKey } from "./delete-key.js";
import { publishCollectedKeyChange } from "./invalidate-key.js";
import type { Caller, KeyDeps } from "./key-access.js";
import { revokeKey } from "./revoke-key.js";
import { updateKey } from "./update-key.js";

/** Refuses every query once `down` is set, as a store that has just become unreachable. */
class Outage implements KyselyPlugin {
  down = false;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.down) throw new Error("the store is unreachable");
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/**
 * The real store, which becomes unreachable the moment a transaction has committed: whatever a
 * change does after its commit fails, as it would in a PostgreSQL blip.
 */
function unreachableAfterCommit(db: Kysely<Database>, outage: Outage): Kysely<Database> {
  const fenced = db.withPlugin(outage);
  return new Proxy(fenced, {
    get(target, property, receiver) {
      if (property !== "transaction") return Reflect.get(target, property, receiver);
      return () => {
        const builder = target.transaction();
        return new Proxy(builder, {
          get(inner, name, innerReceiver) {
            if (name !== "execute") return Reflect.get(inner, name, innerReceiver);
            return async <T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> => {
              const result = await inner.execute(work);
              outage.down = true;
              return result;
            };
          },
        });
      };
    },
  });
}

describe.each(backends)("a key change's invalidation on $name", (backend) => {
  let service: TestService;
  let workspaceId: string;
  let verifier: string;
  let caller: Caller;

  beforeAll(async () => {
    service = await createTestService({ backend });
    workspaceId = (await seedWorkspace(service)).workspace.id;
    verifier = await seedRootKey(service, workspaceId, ["keys:verify"]);
    const principal: Principal = {
      type: "root_key",
      rootKeyId: "key_test_root",
      operator: false,
      workspaceId,
      permissions: ["*"],
    };
    caller = { principal, ip: "203.0.113.10" };
  });
  afterAll(async () => service.close());

  /** The context's caches and invalidation, with a store that fails after each commit. */
  function depsWithOutage(): KeyDeps {
    const outage = new Outage();
    return {
      ...service.ctx,
      store: { ...service.store, db: unreachableAfterCommit(service.store.db, outage) },
    };
  }

  it.each([
    ["a disable", "DISABLED", (deps: KeyDeps, id: string) => updateKey(deps, caller, id, { enabled: false })],
    ["a revoke", "REVOKED", (deps: KeyDeps, id: string) => revokeKey(deps, caller, id, { reason: "leaked" })],
    ["a delete", "NOT_FOUND", (deps: KeyDeps, id: string) => deleteKey(deps, caller, id)],
  ] as const)(
    "publishes what %s's transaction collected: the cached key is refused at once although the store fails right after the commit",
    async (_change, code, change) => {
      const key = await insertKey(service, workspaceId);
      const cached = await verify(service, verifier, { key: key.secret });
      expect(cached).toMatchObject({ valid: true, code: "VALID" });

      await change(depsWithOutage(), key.id);

      expect(await verify(service, verifier, { key: key.secret })).toMatchObject({ valid: false, code });
    },
  );

  it("tells which keys of which workspace changed, with every secret hash of each", async () => {
    const key = await insertKey(service, workspaceId);
    const heard: InvalidationMessage[] = [];
    service.ctx.invalidation.subscribe((message) => heard.push(message));
    await revokeKey(service.ctx, caller, key.id, { reason: "leaked" });
    expect(heard).toEqual([{ kind: "key", workspaceId, keyIds: [key.id], hashes: [hashSecret(key.secret)] }]);
  });
});

describe("publishing a collected key change", () => {
  it("sends one message per workspace and at most 100 ids and hashes each, every one under NOTIFY's 8000 bytes", async () => {
    const invalidation = new LocalInvalidation();
    const heard: InvalidationMessage[] = [];
    invalidation.subscribe((message) => heard.push(message));
    const keyOf = (workspaceId: string, index: number) => ({
      keyId: `key_01JD${String(index).padStart(22, "0")}`,
      workspaceId,
      hashes: [hashSecret(`a${index}`), hashSecret(`b${index}`)],
    });
    const keys = [
      ...Array.from({ length: 70 }, (_, index) => keyOf("ws_alpha", index)),
      keyOf("ws_bravo", 999),
    ];
    await publishCollectedKeyChange({ invalidation }, { keys });
    expect(
      heard.map(
        (message) =>
          message.kind === "key" && [message.workspaceId, message.keyIds.length, message.hashes.length],
      ),
    ).toEqual([
      ["ws_alpha", 33, 66],
      ["ws_alpha", 33, 66],
      ["ws_alpha", 4, 8],
      ["ws_bravo", 1, 2],
    ]);
    for (const message of heard) expect(JSON.stringify(message).length).toBeLessThan(8000);
  });
});
