/**
 * The root-key authenticator's cache is fenced like the key cache: a store read that overlaps a
 * root key's delete answers its own request but is never cached, so the next request is refused.
 * Driven over both doors (route and lane) on both stores, with the real read held open by a gate.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import {
  bearer,
  createTestService,
  seedRootKey,
  seedWorkspace,
  type TestService,
} from "../../../test/harness.js";
import { insertKey } from "../../../test/key-fixtures.js";
import { expectRefusal, verifyDoors } from "../../../test/verify-doors.js";
import { hashSecret, keyStart } from "../key-format.js";
import { RootKeyAuthenticator, type RootKeyRead, storeRootKeyRead } from "./root-key-authenticator.js";

/** The real store read; reads of a held hash finish reading, then wait for the gate to open. */
class HeldReads {
  private held: { hash: string; read: () => void; gate: Promise<void> } | undefined;

  wrap(read: RootKeyRead): RootKeyRead {
    return async (hash) => {
      const identity = await read(hash);
      const held = this.held;
      if (held?.hash === hash) {
        held.read();
        await held.gate;
      }
      return identity;
    };
  }

  /** Holds reads of this hash until `release`; `read` resolves once the first has the row. */
  hold(hash: string): { read: Promise<void>; release: () => void } {
    let release = () => {};
    let read = () => {};
    const gate = new Promise<void>((resolve) => {
      release = () => {
        this.held = undefined;
        resolve();
      };
    });
    const hasRow = new Promise<void>((resolve) => {
      read = resolve;
    });
    this.held = { hash, read, gate };
    return { read: hasRow, release };
  }
}

describe.each(backends)("a root key deleted while its read is in flight on $name", (backend) => {
  let service: TestService;
  let admin: string;
  let workspaceId: string;
  const reads = new HeldReads();
  const doors = verifyDoors();

  beforeAll(async () => {
    service = await createTestService({
      backend,
      configure: (ctx) => {
        ctx.rootKeys = new RootKeyAuthenticator(reads.wrap(storeRootKeyRead(ctx.store.db)), ctx.invalidation);
      },
    });
    const seeded = await seedWorkspace(service);
    admin = seeded.rootKey;
    workspaceId = seeded.workspace.id;
    await doors.open(service);
  });
  afterAll(async () => service.close());

  describe.each(doors.all)("through $name", (door) => {
    it("is refused 401 on the next request, not served from a cached read for minutes", async () => {
      const doomed = await seedRootKey(service, workspaceId, ["keys:verify"]);
      const key = await insertKey(service, workspaceId);
      const listed = await service.app.inject({
        method: "GET",
        url: "/v1/root-keys",
        headers: bearer(admin),
      });
      const id = (listed.json() as { data: Array<{ id: string; start: string }> }).data.find(
        (rootKey) => rootKey.start === keyStart(doomed),
      )?.id;

      const held = reads.hold(hashSecret(doomed));
      const first = door.post(doomed, { key: key.secret });
      await held.read;
      // The read has the row; the delete commits and its invalidation arrives before it returns.
      const removed = await service.app.inject({
        method: "DELETE",
        url: `/v1/root-keys/${id}`,
        headers: bearer(admin),
      });
      expect(removed.statusCode).toBe(204);
      held.release();
      // The request that was in flight is answered with what it read...
      expect((await first).status).toBe(200);
      // ...but nothing of that read was kept.
      expectRefusal(
        await door.post(doomed, { key: key.secret }),
        401,
        "UNAUTHENTICATED",
        "the root key is not valid",
      );
    });
  });
});
