import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import {
  createTestService,
  expectError,
  expectSecured,
  json,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../../test/harness.js";
import { createApp, createKey, del, get, post } from "../../../../test/key-lifecycle.js";
import type { PublicKey } from "../../../domain/keys/key-object.js";

type Page = { data: PublicKey[]; nextCursor: string | null };

describe.each(backends)("GET /v1/keys on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  const names = async (credential: string, url: string) =>
    json<Page>(await get(service, credential, url)).data.map((key) => key.name);

  it("lists newest first with cursor paging and no secrets", async () => {
    const { rootKey } = await seedWorkspace(service);
    const created = [];
    for (const name of ["one", "two", "three", "four", "five"]) {
      created.push(await createKey(service, rootKey, { name }));
      service.clock.advance(1000);
    }
    const first = json<Page>(await get(service, rootKey, "/v1/keys?limit=2"));
    expect(first.data.map((key) => key.name)).toEqual(["five", "four"]);
    expect(first.nextCursor).toBe(first.data[1]?.id);
    const second = json<Page>(await get(service, rootKey, `/v1/keys?limit=2&cursor=${first.nextCursor}`));
    expect(second.data.map((key) => key.name)).toEqual(["three", "two"]);
    const third = json<Page>(await get(service, rootKey, `/v1/keys?limit=2&cursor=${second.nextCursor}`));
    expect(third).toEqual({ data: [expect.objectContaining({ name: "one" })], nextCursor: null });
    const all = await get(service, rootKey, "/v1/keys");
    for (const key of created) expect(all.body).not.toContain(key.key);
    expect(json<Page>(all).data[4]).toEqual({ ...created[0], key: undefined });
  });

  it("filters by app and by status, judged with the clock", async () => {
    const { rootKey } = await seedWorkspace(service);
    const app = await createApp(service, rootKey);
    await createKey(service, rootKey, { name: "of-app", appId: app.id });
    await createKey(service, rootKey, { name: "active" });
    const disabled = await createKey(service, rootKey, { name: "disabled" });
    await post(service, rootKey, `/v1/keys/${disabled.id}/disable`);
    const revoked = await createKey(service, rootKey, { name: "revoked" });
    await post(service, rootKey, `/v1/keys/${revoked.id}/revoke`, { reason: "leaked" });
    await createKey(service, rootKey, { name: "expiring", expiresAt: "2026-06-01T13:00:00Z" });
    const gone = await createKey(service, rootKey, { name: "deleted" });
    await del(service, rootKey, `/v1/keys/${gone.id}`);

    expect(await names(rootKey, `/v1/keys?appId=${app.id}`)).toEqual(["of-app"]);
    expect(await names(rootKey, "/v1/keys?status=active")).toEqual(["expiring", "active", "of-app"]);
    expect(await names(rootKey, "/v1/keys?status=disabled")).toEqual(["disabled"]);
    expect(await names(rootKey, "/v1/keys?status=revoked")).toEqual(["revoked"]);
    expect(await names(rootKey, "/v1/keys?status=expired")).toEqual([]);

    service.clock.advance(3600_000);
    expect(await names(rootKey, "/v1/keys?status=expired")).toEqual(["expiring"]);
    expect(await names(rootKey, "/v1/keys?status=active")).toEqual(["active", "of-app"]);
    const page = json<Page>(await get(service, rootKey, "/v1/keys"));
    expect(page.data.map((key) => [key.name, key.status])).toEqual([
      ["expiring", "expired"],
      ["revoked", "revoked"],
      ["disabled", "disabled"],
      ["active", "active"],
      ["of-app", "active"],
    ]);
  });

  it("filters by environment: the keys of apps in it and workspace keys made for it, with paging and the other filters", async () => {
    const { rootKey } = await seedWorkspace(service);
    const dev = await createApp(service, rootKey, { title: "Dev app", environment: "development" });
    const staging = await createApp(service, rootKey, { title: "Staging app", environment: "staging" });
    await createKey(service, rootKey, { name: "dev-1", appId: dev.id });
    service.clock.advance(1000);
    await createKey(service, rootKey, { name: "staging-1", appId: staging.id });
    service.clock.advance(1000);
    await createKey(service, rootKey, { name: "prod-loose" });
    service.clock.advance(1000);
    const devLoose = await createKey(service, rootKey, { name: "dev-loose", environment: "development" });
    service.clock.advance(1000);
    const dev2 = await createKey(service, rootKey, { name: "dev-2", appId: dev.id });
    await post(service, rootKey, `/v1/keys/${dev2.id}/disable`);

    expect(await names(rootKey, "/v1/keys?environment=development")).toEqual(["dev-2", "dev-loose", "dev-1"]);
    expect(await names(rootKey, "/v1/keys?environment=staging")).toEqual(["staging-1"]);
    expect(await names(rootKey, "/v1/keys?environment=production")).toEqual(["prod-loose"]);
    expect(await names(rootKey, "/v1/keys?environment=development&status=disabled")).toEqual(["dev-2"]);
    expect(await names(rootKey, `/v1/keys?environment=development&appId=${dev.id}`)).toEqual([
      "dev-2",
      "dev-1",
    ]);
    expect(await names(rootKey, "/v1/keys?environment=development&search=loose")).toEqual(["dev-loose"]);
    const first = json<Page>(await get(service, rootKey, "/v1/keys?environment=development&limit=2"));
    expect(first.data.map((key) => key.name)).toEqual(["dev-2", "dev-loose"]);
    expect(first.nextCursor).toBe(devLoose.id);
    expect(
      await names(rootKey, `/v1/keys?environment=development&limit=2&cursor=${first.nextCursor}`),
    ).toEqual(["dev-1"]);

    // Moving the app moves its keys, and the filter follows.
    const moved = await service.app.inject({
      method: "PATCH",
      url: `/v1/apps/${dev.id}`,
      headers: { authorization: `Bearer ${rootKey}` },
      payload: { environment: "staging" },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await names(rootKey, "/v1/keys?environment=development")).toEqual(["dev-loose"]);
    expect(await names(rootKey, "/v1/keys?environment=staging")).toEqual(["dev-2", "staging-1", "dev-1"]);

    expectError(
      await get(service, rootKey, "/v1/keys?environment=qa"),
      400,
      "VALIDATION_FAILED",
      /^querystring\.environment: /,
    );
  });

  it("searches by name, start, key id, Shared Key and a whole pasted key", async () => {
    const { rootKey } = await seedWorkspace(service);
    const token = await createKey(service, rootKey, { name: "CRM Integration" });
    const pair = await createKey(service, rootKey, { name: "mobile app", kind: "pair", prefix: "shop" });
    await createKey(service, rootKey, { name: "100% legit_key" });
    const search = (value: string) => names(rootKey, `/v1/keys?search=${encodeURIComponent(value)}`);

    expect(await search("integration")).toEqual(["CRM Integration"]);
    expect(await search("  crm ")).toEqual(["CRM Integration"]);
    expect(await search(token.start)).toEqual(["CRM Integration"]);
    expect(await search(token.start.toLowerCase())).toEqual(["CRM Integration"]);
    expect(await search(token.id)).toEqual(["CRM Integration"]);
    expect(await search(token.key ?? "")).toEqual(["CRM Integration"]);
    expect(await search(pair.sharedKey ?? "")).toEqual(["mobile app"]);
    expect(await search(pair.secretKey ?? "")).toEqual(["mobile app"]);
    expect(await search("shop_")).toEqual(["mobile app"]);
    expect(await search("%")).toEqual(["100% legit_key"]);
    expect(await search("_")).toEqual(["100% legit_key"]);
    expect(await search("nothing like it")).toEqual([]);
    // A well-formed key that is not one of ours finds nothing, and a secret is never matched in part.
    const stranger = await createKey(service, (await seedWorkspace(service)).rootKey);
    expect(await search(stranger.key ?? "")).toEqual([]);
    expect(await search((token.key ?? "").slice(0, 20))).toEqual([]);
  });

  it("finds a key by its old secret during the rotation grace", async () => {
    const { rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey, { name: "rotated" });
    await post(service, rootKey, `/v1/keys/${key.id}/rotate`, { gracePeriodSeconds: 60 });
    expect(await names(rootKey, `/v1/keys?search=${key.key}`)).toEqual(["rotated"]);
  });

  it.each([
    ["status=gone", /^querystring\.status: /],
    ["limit=0", /^querystring\.limit: /],
    ["limit=101", /^querystring\.limit: /],
    ["limit=many", /^querystring\.limit: /],
    [`search=${"x".repeat(201)}`, "querystring.search: must be at most 200 characters"],
    ["colour=blue", /colour/],
  ])("refuses a bad query %s with 400", async (query, message) => {
    const { rootKey } = await seedWorkspace(service);
    expectError(await get(service, rootKey, `/v1/keys?${query}`), 400, "VALIDATION_FAILED", message);
  });

  it("shows only the caller's workspace, and lets a viewer read", async () => {
    const mine = await seedWorkspace(service);
    const theirs = await seedWorkspace(service);
    const own = await createKey(service, mine.rootKey, { name: "mine" });
    const other = await createKey(service, theirs.rootKey, { name: "theirs" });
    expect(await names(mine.rootKey, "/v1/keys")).toEqual(["mine"]);
    expect(await names(mine.rootKey, `/v1/keys?search=${other.key}`)).toEqual([]);
    const viewer = await signInAs(service, mine.workspace.id, "viewer");
    const response = await service.app.inject({
      method: "GET",
      url: `/v1/keys/${own.id}`,
      headers: viewer.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(json<PublicKey>(response).name).toBe("mine");
  });

  it("is secured", async () => {
    const { workspace } = await seedWorkspace(service);
    await expectSecured(service, workspace.id, { method: "GET", url: "/v1/keys" }, "keys:read");
  });
});

describe.each(backends)("GET /v1/keys/{id} on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  it("answers one key, its status judged now", async () => {
    const { rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey, { expiresAt: "2026-06-02T12:00:00Z" });
    const response = await get(service, rootKey, `/v1/keys/${key.id}`);
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({ ...key, key: undefined });
    service.clock.advance(86_400_000);
    expect(json<PublicKey>(await get(service, rootKey, `/v1/keys/${key.id}`)).status).toBe("expired");
  });

  it("answers 404 for another workspace's key, a deleted key and an unknown id; 400 for a bad id", async () => {
    const mine = await seedWorkspace(service);
    const theirs = await seedWorkspace(service);
    const other = await createKey(service, theirs.rootKey);
    expectError(await get(service, mine.rootKey, `/v1/keys/${other.id}`), 404, "NOT_FOUND", "key not found");
    const gone = await createKey(service, mine.rootKey);
    await del(service, mine.rootKey, `/v1/keys/${gone.id}`);
    expectError(await get(service, mine.rootKey, `/v1/keys/${gone.id}`), 404, "NOT_FOUND", "key not found");
    expectError(await get(service, mine.rootKey, "/v1/keys/key_nothing"), 404, "NOT_FOUND", "key not found");
    expectError(
      await get(service, mine.rootKey, "/v1/keys/app_nothing"),
      400,
      "VALIDATION_FAILED",
      /must be an id starting with key_/,
    );
  });

  it("is secured", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey);
    await expectSecured(service, workspace.id, { method: "GET", url: `/v1/keys/${key.id}` }, "keys:read");
  });
});
