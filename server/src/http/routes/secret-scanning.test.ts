import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bearer,
  createTestService,
  expectError,
  json,
  type SeededWorkspace,
  seedRootKey,
  seedWorkspace,
  type TestService,
} from "../../../test/harness.js";
import { auditOf, createKey, secretOf } from "../../../test/key-lifecycle.js";
import { verify } from "../../../test/verify-helpers.js";
import { newId } from "../../domain/ids.js";
import { generateKey } from "../../domain/key-format.js";
import type { IssuedKey } from "../../domain/keys/key-object.js";
import { NOT_CONFIGURED_MESSAGE, UNUSABLE_MESSAGE } from "../../domain/leaks/github-public-keys.js";
import type { LeakResponse } from "../../store/schema.js";

interface SigningKey {
  identifier: string;
  privateKey: KeyObject;
  publicPem: string;
}

function newSigningKey(identifier: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return { identifier, privateKey, publicPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

/** The keys file as GitHub publishes it at https://api.github.com/meta/public_keys/secret_scanning. */
const keysFile = (keys: SigningKey[]) =>
  JSON.stringify({
    public_keys: keys.map((key, index) => ({
      key_identifier: key.identifier,
      key: key.publicPem,
      is_current: index === 0,
    })),
  });

const URL_FOUND = "https://github.com/octo/app/blob/0123456789abcdef0123456789abcdef01234567/.env";
const TOKEN_TYPE = "keygate_api_key";

const item = (token: string, url = URL_FOUND) => ({ token, type: TOKEN_TYPE, url, source: "content" });

describe("POST /v1/secret-scanning/github", () => {
  let service: TestService;
  let dir: string;
  let file: string;
  let github: SigningKey;

  /** POSTs these exact bytes, signed by `signer` (the signature over `signedBody` when given). */
  function report(
    body: string,
    options: { signer?: SigningKey; signedBody?: string; headers?: Record<string, string> } = {},
  ) {
    const signer = options.signer ?? github;
    const signature = sign("sha256", Buffer.from(options.signedBody ?? body), signer.privateKey).toString(
      "base64",
    );
    return service.app.inject({
      method: "POST",
      url: "/v1/secret-scanning/github",
      headers: options.headers ?? {
        "content-type": "application/json",
        "github-public-key-identifier": signer.identifier,
        "github-public-key-signature": signature,
      },
      payload: body,
    });
  }

  const labelsOf = async (items: unknown[]) => {
    const response = await report(JSON.stringify(items));
    expect(response.statusCode, response.body).toBe(200);
    return json<Array<{ token_raw: string; token_type: string; label: string }>>(response);
  };

  /** A workspace with this leak response (set in the store: the policy's API is not this route's). */
  async function workspaceWith(leakResponse: LeakResponse): Promise<SeededWorkspace> {
    const seeded = await seedWorkspace(service);
    await service.store.db
      .updateTable("workspaces")
      .set({ leak_response: leakResponse })
      .where("id", "=", seeded.workspace.id)
      .execute();
    return seeded;
  }

  async function liveKey(seeded: SeededWorkspace): Promise<{ key: IssuedKey; secret: string }> {
    const key = await createKey(service, seeded.rootKey, { name: "leaky" });
    const secret = secretOf(key);
    // Cached as valid first: the leak response must reach the cache, not only the store.
    expect(await verify(service, seeded.rootKey, { key: secret })).toMatchObject({ code: "VALID" });
    return { key, secret };
  }

  const keyRow = (id: string) =>
    service.store.db.selectFrom("keys").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  const leakEvents = async (keyId: string) =>
    (await auditOf(service, keyId)).filter((event) => event.action === "key.leaked");

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "keygate-secret-scanning-"));
    file = path.join(dir, "github-keys.json");
    github = newSigningKey("github-key-1");
    await writeFile(file, keysFile([github, newSigningKey("github-key-0")]));
    service = await createTestService({ env: { KEYGATE_SECRET_SCANNING_KEYS_FILE: file } });
  });
  afterAll(async () => {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("revokes a reported live key at once, audits key.leaked and records where it was found", async () => {
    const seeded = await seedWorkspace(service);
    const { key, secret } = await liveKey(seeded);
    service.clock.advance(1000);

    expect(await labelsOf([item(secret)])).toEqual([
      { token_raw: secret, token_type: TOKEN_TYPE, label: "true_positive" },
    ]);
    expect(await verify(service, seeded.rootKey, { key: secret })).toMatchObject({
      valid: false,
      code: "REVOKED",
    });

    const reason = `leaked: reported by GitHub secret scanning at ${URL_FOUND}`;
    const events = await auditOf(service, key.id);
    expect(events.map((event) => [event.action, event.actor_type, event.actor_label, event.details])).toEqual(
      [
        ["key.created", "root_key", null, expect.anything()],
        ["key.revoked", "system", "GitHub secret scanning", { name: "leaky", start: key.start, reason }],
        [
          "key.leaked",
          "system",
          "GitHub secret scanning",
          {
            name: "leaky",
            start: key.start,
            url: URL_FOUND,
            source: "content",
            type: TOKEN_TYPE,
            response: "revoke",
            policy: "revoke",
          },
        ],
      ],
    );
    expect(events[2]).toMatchObject({
      target_type: "key",
      target_id: key.id,
      workspace_id: seeded.workspace.id,
    });
    expect(await keyRow(key.id)).toMatchObject({
      leaked_at: new Date("2026-06-01T12:00:01.000Z"),
      leaked_url: URL_FOUND,
      revoked_at: new Date("2026-06-01T12:00:01.000Z"),
      revoked_reason: reason,
    });

    // Reported again (or twice in one report): still a true positive, audited, never revoked twice.
    service.clock.advance(1000);
    const again = `${URL_FOUND}?again`;
    expect((await labelsOf([item(secret, again), item(secret, again)])).map((label) => label.label)).toEqual([
      "true_positive",
      "true_positive",
    ]);
    const after = await auditOf(service, key.id);
    expect(after.filter((event) => event.action === "key.revoked")).toHaveLength(1);
    expect((await leakEvents(key.id)).map((event) => event.details)).toEqual([
      expect.objectContaining({ url: URL_FOUND, response: "revoke" }),
      expect.objectContaining({ url: again, response: "notify", policy: "revoke" }),
      expect.objectContaining({ url: again, response: "notify", policy: "revoke" }),
    ]);
    expect(await keyRow(key.id)).toMatchObject({
      leaked_at: new Date("2026-06-01T12:00:02.000Z"),
      leaked_url: again,
      revoked_reason: reason,
    });
  });

  it("disables or only notifies as each workspace's leak response says, across workspaces in one report", async () => {
    const disabling = await workspaceWith("disable");
    const notifying = await workspaceWith("notify");
    const toDisable = await liveKey(disabling);
    const toKeep = await liveKey(notifying);
    const neverIssued = generateKey("acme");

    expect(await labelsOf([item(toDisable.secret), item(neverIssued), item(toKeep.secret)])).toEqual([
      { token_raw: toDisable.secret, token_type: TOKEN_TYPE, label: "true_positive" },
      { token_raw: neverIssued, token_type: TOKEN_TYPE, label: "false_positive" },
      { token_raw: toKeep.secret, token_type: TOKEN_TYPE, label: "true_positive" },
    ]);

    expect(await verify(service, disabling.rootKey, { key: toDisable.secret })).toMatchObject({
      valid: false,
      code: "DISABLED",
    });
    expect((await auditOf(service, toDisable.key.id)).map((event) => [event.action, event.details])).toEqual([
      ["key.created", expect.anything()],
      [
        "key.disabled",
        { name: "leaky", reason: `leaked: reported by GitHub secret scanning at ${URL_FOUND}` },
      ],
      ["key.leaked", expect.objectContaining({ response: "disable", policy: "disable", url: URL_FOUND })],
    ]);
    expect(await keyRow(toDisable.key.id)).toMatchObject({
      enabled: false,
      revoked_at: null,
      leaked_url: URL_FOUND,
    });

    expect(await verify(service, notifying.rootKey, { key: toKeep.secret })).toMatchObject({
      valid: true,
      code: "VALID",
    });
    expect((await auditOf(service, toKeep.key.id)).map((event) => [event.action, event.details])).toEqual([
      ["key.created", expect.anything()],
      ["key.leaked", expect.objectContaining({ response: "notify", policy: "notify", source: "content" })],
    ]);
    expect(await keyRow(toKeep.key.id)).toMatchObject({ enabled: true, leaked_url: URL_FOUND });
  });

  it("deletes a reported root key at once (it answers 401 on every node), unless the workspace only notifies", async () => {
    const seeded = await seedWorkspace(service);
    const leaked = await seedRootKey(service, seeded.workspace.id, ["keys:read"]);
    const kept = await workspaceWith("notify");
    const noticed = await seedRootKey(service, kept.workspace.id, ["keys:read"]);
    const list = (key: string) =>
      service.app.inject({ method: "GET", url: "/v1/keys", headers: bearer(key) });
    // Both cached as valid first.
    expect((await list(leaked)).statusCode).toBe(200);
    expect((await list(noticed)).statusCode).toBe(200);

    expect(await labelsOf([item(leaked), item(noticed)])).toEqual([
      { token_raw: leaked, token_type: TOKEN_TYPE, label: "true_positive" },
      { token_raw: noticed, token_type: TOKEN_TYPE, label: "true_positive" },
    ]);
    expect((await list(leaked)).statusCode).toBe(401);
    expect((await list(noticed)).statusCode).toBe(200);
    const audit = await service.store.db
      .selectFrom("audit_events")
      .select(["workspace_id", "action", "details"])
      .where("action", "in", ["root_key.deleted", "root_key.leaked"])
      .where("workspace_id", "in", [seeded.workspace.id, kept.workspace.id])
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    expect(
      audit.map((event) => [
        event.workspace_id,
        event.action,
        (event.details as { response?: string; url?: string }).response ?? null,
      ]),
    ).toEqual([
      [seeded.workspace.id, "root_key.deleted", null],
      [seeded.workspace.id, "root_key.leaked", "delete"],
      [kept.workspace.id, "root_key.leaked", "notify"],
    ]);
    expect(audit[1]?.details).toMatchObject({ url: URL_FOUND, source: "content" });
  });

  it("labels tokens that are not issued Keygate keys as false positives", async () => {
    const neverIssued = generateKey("acme");
    const last = neverIssued.at(-1) === "A" ? "B" : "A";
    const badChecksum = `${neverIssued.slice(0, -1)}${last}`;
    const labels = await labelsOf([item(neverIssued), item(badChecksum), item("not a key at all"), item("")]);
    expect(labels.map((label) => [label.token_raw, label.label])).toEqual([
      [neverIssued, "false_positive"],
      [badChecksum, "false_positive"],
      ["not a key at all", "false_positive"],
      ["", "false_positive"],
    ]);
    expect(await labelsOf([])).toEqual([]);
  });

  it("handles 1,000 tokens in one report", async () => {
    const seeded = await seedWorkspace(service);
    const { key, secret } = await liveKey(seeded);
    const tokens = Array.from({ length: 999 }, () => generateKey("acme"));
    tokens.splice(500, 0, secret);
    const labels = await labelsOf(tokens.map((token) => item(token)));
    expect(labels).toHaveLength(1000);
    expect(labels.map((label) => label.token_raw)).toEqual(tokens);
    expect(labels.filter((label) => label.label === "true_positive").map((label) => label.token_raw)).toEqual(
      [secret],
    );
    expect(await verify(service, seeded.rootKey, { key: secret })).toMatchObject({ code: "REVOKED" });
    expect(await leakEvents(key.id)).toHaveLength(1);
  });

  it("fires the key.leaked webhook event to a subscribed endpoint", async () => {
    const seeded = await seedWorkspace(service);
    const { key, secret } = await liveKey(seeded);
    const endpointId = newId("webhook");
    const at = service.clock.now();
    await service.store.db
      .insertInto("webhook_endpoints")
      .values({
        id: endpointId,
        workspace_id: seeded.workspace.id,
        url: "https://hooks.example.com/keygate",
        events: JSON.stringify(["key.leaked"]),
        secret_ciphertext: await service.ctx.secrets.seal("whsec_test", endpointId),
        created_at: at,
        updated_at: at,
      })
      .execute();

    expect((await labelsOf([item(secret)]))[0]?.label).toBe("true_positive");
    const deliveries = await service.store.db
      .selectFrom("webhook_deliveries as d")
      .innerJoin("webhook_events as e", "e.id", "d.event_id")
      .select(["d.status", "e.type", "e.data"])
      .where("d.endpoint_id", "=", endpointId)
      .execute();
    expect(deliveries).toEqual([
      {
        status: "pending",
        type: "key.leaked",
        data: expect.objectContaining({
          key: expect.objectContaining({ id: key.id, start: key.start }),
          details: expect.objectContaining({ url: URL_FOUND, source: "content", response: "revoke" }),
        }),
      },
    ]);
    expect(JSON.stringify(deliveries)).not.toContain(secret);
  });

  it("refuses a report without GitHub's valid signature, looking nothing up", async () => {
    const seeded = await seedWorkspace(service);
    const { key, secret } = await liveKey(seeded);
    const body = JSON.stringify([item(secret)]);

    expectError(
      await report(body, { signedBody: JSON.stringify([item(generateKey("acme"))]) }),
      401,
      "UNAUTHENTICATED",
      "the Github-Public-Key-Signature is not a valid signature of the body",
    );
    // The same JSON with other bytes (a space): the signature covers the raw body, not its meaning.
    expectError(
      await report(JSON.stringify([item(secret)], null, 1), { signedBody: body }),
      401,
      "UNAUTHENTICATED",
      "the Github-Public-Key-Signature is not a valid signature of the body",
    );
    expectError(
      await report(body, { signer: newSigningKey("github-key-1") }),
      401,
      "UNAUTHENTICATED",
      "the Github-Public-Key-Signature is not a valid signature of the body",
    );
    expectError(
      await report(body, { signer: newSigningKey("someone-else") }),
      401,
      "UNAUTHENTICATED",
      "the Github-Public-Key-Identifier names no key of the configured GitHub public keys",
    );
    const missing =
      "send the Github-Public-Key-Identifier and Github-Public-Key-Signature headers GitHub signs reports with";
    expectError(
      await report(body, { headers: { "content-type": "application/json" } }),
      401,
      "UNAUTHENTICATED",
      missing,
    );
    expectError(
      await report(body, {
        headers: { "content-type": "application/json", "github-public-key-identifier": github.identifier },
      }),
      401,
      "UNAUTHENTICATED",
      missing,
    );
    expectError(
      await report(body, {
        headers: {
          "content-type": "application/json",
          "github-public-key-identifier": github.identifier,
          "github-public-key-signature": "not base64 at all!",
        },
      }),
      401,
      "UNAUTHENTICATED",
      "the Github-Public-Key-Signature is not a valid signature of the body",
    );

    expect(await verify(service, seeded.rootKey, { key: secret })).toMatchObject({ code: "VALID" });
    expect(await leakEvents(key.id)).toEqual([]);
    expect((await keyRow(key.id)).leaked_at).toBeNull();
  });

  it("refuses a malformed or oversized report with 400 and changes nothing", async () => {
    const seeded = await seedWorkspace(service);
    const { key, secret } = await liveKey(seeded);

    const notArray = expectError(await report(JSON.stringify(item(secret))), 400, "VALIDATION_FAILED");
    expect(notArray.message).toMatch(/array/);
    const tooMany = Array.from({ length: 1001 }, () => item(secret));
    expectError(
      await report(JSON.stringify(tooMany)),
      400,
      "VALIDATION_FAILED",
      "body: must have at most 1000 items",
    );
    const { url: _url, ...noUrl } = item(secret);
    expect(
      json<{ error: { details: unknown } }>(await report(JSON.stringify([item(secret), noUrl]))).error
        .details,
    ).toEqual([{ path: "1.url", message: "required" }]);
    expectError(await report("[{"), 400, "VALIDATION_FAILED", "the body is not valid JSON");
    expectError(
      await report(JSON.stringify([item(secret, "https://github.com/\u0000")])),
      400,
      "VALIDATION_FAILED",
      "0.url: must not contain the NUL character (\\u0000)",
    );

    expect(await verify(service, seeded.rootKey, { key: secret })).toMatchObject({ code: "VALID" });
    expect(await leakEvents(key.id)).toEqual([]);
  });

  it("picks up a replaced keys file without a restart, and answers 503 without a usable one", async () => {
    const body = JSON.stringify([item(generateKey("acme"))]);
    const rotated = newSigningKey("github-key-2");
    await writeFile(file, keysFile([rotated]));
    expectError(
      await report(body),
      401,
      "UNAUTHENTICATED",
      "the Github-Public-Key-Identifier names no key of the configured GitHub public keys",
    );
    const signedByNew = await report(body, { signer: rotated });
    expect(signedByNew.statusCode, signedByNew.body).toBe(200);

    await writeFile(file, "{ this is not json");
    expectError(await report(body, { signer: rotated }), 503, "UNAVAILABLE", UNUSABLE_MESSAGE);
    await writeFile(file, JSON.stringify({ public_keys: [{ key_identifier: "x", key: "not a pem" }] }));
    expectError(await report(body, { signer: rotated }), 503, "UNAVAILABLE", UNUSABLE_MESSAGE);
    await rm(file);
    expectError(await report(body, { signer: rotated }), 503, "UNAVAILABLE", UNUSABLE_MESSAGE);

    await writeFile(file, keysFile([github, rotated]));
    expect((await report(body)).statusCode).toBe(200);

    const configured = service.ctx.config.secretScanningKeysFile;
    service.ctx.config.secretScanningKeysFile = undefined;
    try {
      expectError(await report(body), 503, "UNAVAILABLE", NOT_CONFIGURED_MESSAGE);
    } finally {
      service.ctx.config.secretScanningKeysFile = configured;
    }
  });
});
