/** The SDK tests' Keygate answers over a real socket, the verify lane included. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveKeygate, startLiveKeygate } from "./live-keygate.js";

let keygate: LiveKeygate;
beforeAll(async () => {
  keygate = await startLiveKeygate();
});
afterAll(() => keygate.close());

describe("startLiveKeygate", () => {
  it("verifies a key it created over a listening socket", async () => {
    const writer = await keygate.rootKey(["keys:write"]);
    const created = await fetch(`${keygate.url}/v1/keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${writer}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "live" }),
    });
    expect(created.status).toBe(201);
    const { id, key } = (await created.json()) as { id: string; key: string };
    const verifier = await keygate.rootKey(["keys:verify"]);
    const verified = await fetch(`${keygate.url}/v1/keys/verify`, {
      method: "POST",
      headers: { authorization: `Bearer ${verifier}`, "content-type": "application/json" },
      body: JSON.stringify({ key }),
    });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({
      valid: true,
      code: "VALID",
      keyId: id,
      workspaceId: keygate.workspaceId,
    });
  });
});
