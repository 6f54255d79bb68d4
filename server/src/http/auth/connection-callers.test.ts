import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestService, seedRootKey, seedWorkspace, type TestService } from "../../../test/harness.js";
import { hashSecret } from "../../domain/key-format.js";
import { RootKeyAuthenticator, storeRootKeyRead } from "../../domain/root-keys/root-key-authenticator.js";
import { ConnectionCallers, REMEMBER_CALLER_MS } from "./connection-callers.js";

/** The real authenticator, counting how often it is asked. */
class CountingAuthenticator extends RootKeyAuthenticator {
  calls = 0;
  override authenticate(secret: string) {
    this.calls += 1;
    return super.authenticate(secret);
  }
}

describe("remembering the root key of a connection", () => {
  let service: TestService;
  let rootKeys: CountingAuthenticator;
  let callers: ConnectionCallers;
  let key: string;
  let other: string;
  let workspaceId: string;
  // Only the identity of a connection matters to the memory; any object stands for one.
  const connection = () => ({}) as Socket;

  beforeAll(async () => {
    service = await createTestService();
    workspaceId = (await seedWorkspace(service)).workspace.id;
    key = await seedRootKey(service, workspaceId, ["keys:verify"]);
    other = await seedRootKey(service, workspaceId, ["keys:read"]);
    rootKeys = new CountingAuthenticator(storeRootKeyRead(service.store.db), service.ctx.invalidation);
    callers = new ConnectionCallers(rootKeys);
    // Load both into the authenticator's cache, so every answer below is synchronous.
    await rootKeys.authenticate(key);
    await rootKeys.authenticate(other);
  });
  afterAll(async () => service.close());

  it("asks the authenticator once per connection and header, then answers from memory", () => {
    const socket = connection();
    rootKeys.calls = 0;
    const first = callers.authenticate(socket, `Bearer ${key}`, 0);
    expect(first).toMatchObject({ type: "root_key", workspaceId, permissions: ["keys:verify"] });
    expect(callers.authenticate(socket, `Bearer ${key}`, 10)).toBe(first);
    expect(rootKeys.calls).toBe(1);
    expect(callers.authenticate(connection(), `Bearer ${key}`, 10)).toBe(first);
    expect(rootKeys.calls).toBe(2);
  });

  it("checks again when the header changes, and answers for the new key", () => {
    const socket = connection();
    callers.authenticate(socket, `Bearer ${key}`, 0);
    rootKeys.calls = 0;
    expect(callers.authenticate(socket, `Bearer ${other}`, 1)).toMatchObject({ permissions: ["keys:read"] });
    expect(callers.authenticate(socket, "Basic abc", 2)).toBeUndefined();
    expect(callers.authenticate(socket, `Bearer ${key}x`, 3)).toBeUndefined();
    expect(rootKeys.calls).toBe(2);
  });

  it("checks again once the memory is a second old", () => {
    const socket = connection();
    callers.authenticate(socket, `Bearer ${key}`, 5000);
    rootKeys.calls = 0;
    callers.authenticate(socket, `Bearer ${key}`, 5000 + REMEMBER_CALLER_MS - 1);
    expect(rootKeys.calls).toBe(0);
    callers.authenticate(socket, `Bearer ${key}`, 5000 + REMEMBER_CALLER_MS);
    expect(rootKeys.calls).toBe(1);
  });

  it("forgets every connection's caller when a root key changes", async () => {
    const socket = connection();
    expect(callers.authenticate(socket, `Bearer ${key}`, 0)).toBeDefined();
    await service.store.db.deleteFrom("root_keys").where("secret_hash", "=", hashSecret(key)).execute();
    await service.ctx.invalidation.publish({ kind: "root_key", hashes: [hashSecret(key)] });
    rootKeys.calls = 0;
    const again = callers.authenticate(socket, `Bearer ${key}`, 1);
    expect(rootKeys.calls).toBe(1);
    expect(await again).toBeUndefined();
  });
});
