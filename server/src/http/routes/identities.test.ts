import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import {
  createTestService,
  expectError,
  expectSecured,
  json,
  seedRootKey,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../test/harness.js";
import { auditOf, del, get, patch, post } from "../../../test/key-lifecycle.js";
import type { PublicIdentity } from "../../domain/identities/identity-object.js";

type Page = { data: PublicIdentity[]; nextCursor: string | null };

describe.each(backends)("/v1/identities on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  async function createIdentity(rootKey: string, body: Record<string, unknown>): Promise<PublicIdentity> {
    const response = await post(service, rootKey, "/v1/identities", body);
    expect(response.statusCode, response.body).toBe(201);
    return json<PublicIdentity>(response);
  }

  it("creates, lists newest first, gets by id or externalId, edits and deletes an identity, each change audited", async () => {
    const { rootKey } = await seedWorkspace(service);
    const response = await post(service, rootKey, "/v1/identities", {
      externalId: "user_42",
      meta: { plan: "gold", seats: 3 },
      rateLimits: [{ name: "requests", limit: 100, windowMs: 60000 }],
    });
    expect(response.statusCode).toBe(201);
    const gold = json<PublicIdentity>(response);
    expect(gold).toEqual({
      id: expect.stringMatching(/^idn_[0-9A-Z]{26}$/),
      externalId: "user_42",
      meta: { plan: "gold", seats: 3 },
      rateLimits: [{ name: "requests", limit: 100, windowMs: 60000 }],
      keyCount: 0,
      createdAt: "2026-06-01T12:00:00.000Z",
      updatedAt: "2026-06-01T12:00:00.000Z",
    });
    const bare = await createIdentity(rootKey, { externalId: "acme corp/eu" });
    expect(bare).toMatchObject({ externalId: "acme corp/eu", meta: {}, rateLimits: [] });

    const page = json<Page>(await get(service, rootKey, "/v1/identities?limit=1"));
    expect(page).toEqual({ data: [bare], nextCursor: bare.id });
    expect(json(await get(service, rootKey, `/v1/identities?cursor=${page.nextCursor}`))).toEqual({
      data: [gold],
      nextCursor: null,
    });
    expect(json(await get(service, rootKey, "/v1/identities?search=USER"))).toEqual({
      data: [gold],
      nextCursor: null,
    });
    expect(json(await get(service, rootKey, `/v1/identities?search=${bare.id}`))).toEqual({
      data: [bare],
      nextCursor: null,
    });
    expect(json(await get(service, rootKey, "/v1/identities?search=100%25"))).toEqual({
      data: [],
      nextCursor: null,
    });
    expect(json(await get(service, rootKey, `/v1/identities/${gold.id}`))).toEqual(gold);
    expect(json(await get(service, rootKey, "/v1/identities/user_42"))).toEqual(gold);
    expect(json(await get(service, rootKey, `/v1/identities/${encodeURIComponent("acme corp/eu")}`))).toEqual(
      bare,
    );

    service.clock.advance(1000);
    const edited = json<PublicIdentity>(
      await patch(service, rootKey, "/v1/identities/user_42", { meta: { plan: "platinum" }, rateLimits: [] }),
    );
    expect(edited).toEqual({
      ...gold,
      meta: { plan: "platinum" },
      rateLimits: [],
      updatedAt: "2026-06-01T12:00:01.000Z",
    });
    service.clock.advance(1000);
    const unchanged = await patch(service, rootKey, `/v1/identities/${gold.id}`, {
      meta: { plan: "platinum" },
    });
    expect(json(unchanged)).toEqual(edited);

    const deleted = await del(service, rootKey, `/v1/identities/${gold.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe("");
    expectError(
      await get(service, rootKey, `/v1/identities/${gold.id}`),
      404,
      "NOT_FOUND",
      "identity not found",
    );
    expectError(
      await get(service, rootKey, "/v1/identities/user_42"),
      404,
      "NOT_FOUND",
      "identity not found",
    );

    const events = await auditOf(service, gold.id);
    expect(events.map((event) => [event.action, event.actor_type, event.details])).toEqual([
      [
        "identity.created",
        "root_key",
        {
          externalId: "user_42",
          meta: { plan: "gold", seats: 3 },
          rateLimits: [{ name: "requests", limit: 100, windowMs: 60000 }],
        },
      ],
      [
        "identity.updated",
        "root_key",
        {
          externalId: "user_42",
          fields: ["meta", "rateLimits"],
          changes: {
            meta: { from: { plan: "gold", seats: 3 }, to: { plan: "platinum" } },
            rateLimits: { from: [{ name: "requests", limit: 100, windowMs: 60000 }], to: [] },
          },
        },
      ],
      [
        "identity.deleted",
        "root_key",
        { externalId: "user_42", meta: { plan: "platinum" }, rateLimits: [], revokedKeys: 0 },
      ],
    ]);
    // A new identity may take the externalId again.
    const again = await createIdentity(rootKey, { externalId: "user_42" });
    expect(again.id).not.toBe(gold.id);
  });

  it.each(
    (
      [
        [{}, "externalId", "required"],
        [{ externalId: "" }, "externalId", "must not be empty"],
        [{ externalId: "x".repeat(201) }, "externalId", "must be at most 200 characters"],
        [{ externalId: "tab\there" }, "externalId", "must not contain control characters"],
        [{ externalId: "bell\u0007" }, "externalId", "must not contain control characters"],
        [{ externalId: 42 }, "externalId", "Invalid input: expected string, received number"],
        [{ externalId: "u", extra: 1 }, "extra", "unknown field"],
        [{ externalId: "u", meta: [] }, "meta", /^Invalid input/],
        [{ externalId: "u", meta: { big: "x".repeat(16 * 1024) } }, "meta", "must be at most 16 KB as JSON"],
        [{ externalId: "u", rateLimits: {} }, "rateLimits", /^Invalid input/],
        [
          { externalId: "u", rateLimits: [{ name: "Requests", limit: 1, windowMs: 1000 }] },
          "rateLimits.0.name",
          "must be 1-50 lowercase letters, digits, _ or -",
        ],
        [
          { externalId: "u", rateLimits: [{ name: "x".repeat(51), limit: 1, windowMs: 1000 }] },
          "rateLimits.0.name",
          "must be 1-50 lowercase letters, digits, _ or -",
        ],
        [
          { externalId: "u", rateLimits: [{ name: "r", limit: 0, windowMs: 1000 }] },
          "rateLimits.0.limit",
          "must be at least 1",
        ],
        [
          { externalId: "u", rateLimits: [{ name: "r", limit: 1, windowMs: 999 }] },
          "rateLimits.0.windowMs",
          "must be at least 1000 (1 second)",
        ],
        [{ externalId: "u", rateLimits: [{ name: "r", limit: 1 }] }, "rateLimits.0.windowMs", "required"],
        [
          { externalId: "u", rateLimits: [{ name: "r", limit: 1, windowMs: 1000, burst: 2 }] },
          "rateLimits.0.burst",
          "unknown field",
        ],
        [
          {
            externalId: "u",
            rateLimits: [
              { name: "r", limit: 1, windowMs: 1000 },
              { name: "r", limit: 2, windowMs: 2000 },
            ],
          },
          "rateLimits.1.name",
          "must not repeat r",
        ],
        [
          {
            externalId: "u",
            rateLimits: Array.from({ length: 11 }, (_, i) => ({ name: `r${i}`, limit: 1, windowMs: 1000 })),
          },
          "rateLimits",
          "must hold at most 10 limits",
        ],
      ] as [Record<string, unknown>, string, string | RegExp][]
    ).map(([body, path, message]) => [JSON.stringify(body).slice(0, 60), body, path, message] as const),
  )(
    "refuses bad input %s with 400 naming the field, and creates nothing",
    async (_label, body, path, message) => {
      const { workspace, rootKey } = await seedWorkspace(service);
      const error = expectError(
        await post(service, rootKey, "/v1/identities", body),
        400,
        "VALIDATION_FAILED",
      );
      const details = (error as { details?: { path: string; message: string }[] }).details ?? [];
      expect(details).toHaveLength(1);
      expect(details[0]?.path).toBe(path);
      if (typeof message === "string") expect(details[0]?.message).toBe(message);
      else expect(details[0]?.message).toMatch(message);
      expect(error.message).toBe(`${path}: ${details[0]?.message}`);
      const rows = await service.store.db
        .selectFrom("identities")
        .select("id")
        .where("workspace_id", "=", workspace.id)
        .execute();
      expect(rows).toEqual([]);
    },
  );

  it("refuses a taken externalId (409), an empty edit and bad edits (400), and unknown identities (404)", async () => {
    const { rootKey } = await seedWorkspace(service);
    const taken = await createIdentity(rootKey, { externalId: "user_1" });
    expectError(
      await post(service, rootKey, "/v1/identities", { externalId: "user_1", meta: { other: true } }),
      409,
      "CONFLICT",
      "an identity with the externalId user_1 already exists",
    );
    expect(json(await get(service, rootKey, `/v1/identities/${taken.id}`))).toEqual(taken);
    expectError(
      await patch(service, rootKey, `/v1/identities/${taken.id}`, {}),
      400,
      "VALIDATION_FAILED",
      "body: send at least one field to change",
    );
    expectError(
      await patch(service, rootKey, `/v1/identities/${taken.id}`, { externalId: "user_2" }),
      400,
      "VALIDATION_FAILED",
      "externalId: unknown field",
    );
    expectError(
      await patch(service, rootKey, `/v1/identities/${taken.id}`, {
        rateLimits: [{ name: "a b", limit: 1, windowMs: 1000 }],
      }),
      400,
      "VALIDATION_FAILED",
      "rateLimits.0.name: must be 1-50 lowercase letters, digits, _ or -",
    );
    // The longest externalId is addressable by path; a longer reference can name no identity.
    const longest = await createIdentity(rootKey, { externalId: "x".repeat(200) });
    expect(json(await get(service, rootKey, `/v1/identities/${"x".repeat(200)}`))).toEqual(longest);
    expectError(
      await get(service, rootKey, `/v1/identities/${"x".repeat(201)}`),
      404,
      "NOT_FOUND",
      /^no route/,
    );
    expectError(
      await get(service, rootKey, "/v1/identities?limit=0"),
      400,
      "VALIDATION_FAILED",
      "querystring.limit: must be at least 1",
    );
    expectError(
      await del(service, rootKey, `/v1/identities/${taken.id}?revokeKeys=yes`),
      400,
      "VALIDATION_FAILED",
      'querystring.revokeKeys: must be one of "true", "false"',
    );
    const missing = "idn_01JD0000000000000000000000";
    for (const ref of [missing, "nobody"]) {
      expectError(
        await get(service, rootKey, `/v1/identities/${ref}`),
        404,
        "NOT_FOUND",
        "identity not found",
      );
      expectError(
        await patch(service, rootKey, `/v1/identities/${ref}`, { meta: {} }),
        404,
        "NOT_FOUND",
        "identity not found",
      );
      expectError(
        await del(service, rootKey, `/v1/identities/${ref}`),
        404,
        "NOT_FOUND",
        "identity not found",
      );
      expectError(
        await post(service, rootKey, `/v1/identities/${ref}/revoke-keys`, {}),
        404,
        "NOT_FOUND",
        "identity not found",
      );
    }
  });

  it("finds an identity by id before an externalId that looks like another identity's id", async () => {
    const { rootKey } = await seedWorkspace(service);
    const first = await createIdentity(rootKey, { externalId: "first" });
    const lookalike = await createIdentity(rootKey, { externalId: first.id, meta: { lookalike: true } });
    expect(json(await get(service, rootKey, `/v1/identities/${first.id}`))).toEqual(first);
    expect(json(await get(service, rootKey, `/v1/identities/${lookalike.id}`))).toEqual(lookalike);
  });

  it("needs a plan with usage limits for shared rate limits, while meta works on every plan", async () => {
    const free = await seedWorkspace(service, { plan: "free" });
    const refusal = "the free plan does not include rate limits and quotas; upgrade required";
    expectError(
      await post(service, free.rootKey, "/v1/identities", {
        externalId: "u",
        rateLimits: [{ name: "requests", limit: 10, windowMs: 1000 }],
      }),
      402,
      "PLAN_REQUIRED",
      refusal,
    );
    const plain = await createIdentity(free.rootKey, { externalId: "u", meta: { a: 1 }, rateLimits: [] });
    expectError(
      await patch(service, free.rootKey, `/v1/identities/${plain.id}`, {
        rateLimits: [{ name: "requests", limit: 10, windowMs: 1000 }],
      }),
      402,
      "PLAN_REQUIRED",
      refusal,
    );
    expect(
      json(await patch(service, free.rootKey, `/v1/identities/${plain.id}`, { meta: { a: 2 } })),
    ).toMatchObject({
      meta: { a: 2 },
      rateLimits: [],
    });

    // After a downgrade the limits it has stay, and an edit that keeps them is not refused.
    const pro = await seedWorkspace(service, { plan: "pro" });
    const limits = [{ name: "requests", limit: 10, windowMs: 1000 }];
    const limited = await createIdentity(pro.rootKey, { externalId: "u", rateLimits: limits });
    await service.store.db
      .updateTable("workspaces")
      .set({ plan: "free" })
      .where("id", "=", pro.workspace.id)
      .execute();
    expect(
      json(
        await patch(service, pro.rootKey, `/v1/identities/${limited.id}`, {
          meta: { b: 1 },
          rateLimits: limits,
        }),
      ),
    ).toMatchObject({ meta: { b: 1 }, rateLimits: limits });
    expect(
      json(await patch(service, pro.rootKey, `/v1/identities/${limited.id}`, { rateLimits: [] })),
    ).toMatchObject({
      rateLimits: [],
    });
  });

  it("never shows or changes another workspace's identity (404 by id and by externalId)", async () => {
    const mine = await seedWorkspace(service);
    const theirs = await seedWorkspace(service);
    const theirIdentity = await createIdentity(theirs.rootKey, {
      externalId: "shared-name",
      meta: { theirs: true },
    });
    for (const ref of [theirIdentity.id, "shared-name"]) {
      expectError(
        await get(service, mine.rootKey, `/v1/identities/${ref}`),
        404,
        "NOT_FOUND",
        "identity not found",
      );
      expectError(
        await patch(service, mine.rootKey, `/v1/identities/${ref}`, { meta: {} }),
        404,
        "NOT_FOUND",
        "identity not found",
      );
      expectError(
        await del(service, mine.rootKey, `/v1/identities/${ref}`),
        404,
        "NOT_FOUND",
        "identity not found",
      );
      expectError(
        await post(service, mine.rootKey, `/v1/identities/${ref}/revoke-keys`, {}),
        404,
        "NOT_FOUND",
        "identity not found",
      );
    }
    expect(json(await get(service, mine.rootKey, "/v1/identities"))).toEqual({ data: [], nextCursor: null });
    expect(json(await get(service, mine.rootKey, `/v1/identities?search=${theirIdentity.id}`))).toEqual({
      data: [],
      nextCursor: null,
    });
    // The same externalId is free in another workspace.
    const own = await createIdentity(mine.rootKey, { externalId: "shared-name" });
    expect(json(await get(service, theirs.rootKey, "/v1/identities/shared-name"))).toEqual(theirIdentity);
    expect(json(await get(service, mine.rootKey, "/v1/identities/shared-name"))).toEqual(own);
  });

  it("is secured: no credential, a bad key, a root key without the permission, a developer", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const identity = await createIdentity(rootKey, { externalId: "u" });
    const headers = { authorization: `Bearer ${rootKey}` };
    const url = `/v1/identities/${identity.id}`;
    await expectSecured(
      service,
      workspace.id,
      { method: "POST", url: "/v1/identities", headers, payload: { externalId: "v" } },
      "keys:write",
    );
    await expectSecured(
      service,
      workspace.id,
      { method: "GET", url: "/v1/identities", headers },
      "keys:read",
    );
    await expectSecured(service, workspace.id, { method: "GET", url, headers }, "keys:read");
    await expectSecured(
      service,
      workspace.id,
      { method: "PATCH", url, headers, payload: { meta: { x: 1 } } },
      "keys:write",
    );
    await expectSecured(service, workspace.id, { method: "DELETE", url, headers }, "keys:write");
    await expectSecured(
      service,
      workspace.id,
      { method: "POST", url: `${url}/revoke-keys`, headers, payload: {} },
      "keys:write",
    );

    const reader = await seedRootKey(service, workspace.id, ["keys:read"]);
    expect(json(await get(service, reader, url))).toEqual(identity);
    const needsWrite = "this needs the keys:write permission";
    expectError(
      await post(service, reader, "/v1/identities", { externalId: "w" }),
      403,
      "FORBIDDEN",
      needsWrite,
    );
    expectError(await patch(service, reader, url, { meta: {} }), 403, "FORBIDDEN", needsWrite);
    expectError(await del(service, reader, url), 403, "FORBIDDEN", needsWrite);
    expectError(await post(service, reader, `${url}/revoke-keys`, {}), 403, "FORBIDDEN", needsWrite);

    const developer = await signInAs(service, workspace.id, "developer");
    expect(json(await get(service, developer.headers, url))).toEqual(identity);
    expectError(
      await post(service, developer.headers, "/v1/identities", { externalId: "w" }),
      403,
      "FORBIDDEN",
      "developers may not create identities; ask an admin",
    );
    expectError(
      await patch(service, developer.headers, url, { meta: {} }),
      403,
      "FORBIDDEN",
      "developers may not change identities; ask an admin",
    );
    expectError(
      await del(service, developer.headers, url),
      403,
      "FORBIDDEN",
      "developers may not delete identities; ask an admin",
    );
    expectError(
      await post(service, developer.headers, `${url}/revoke-keys`, {}),
      403,
      "FORBIDDEN",
      "developers may not revoke the keys of identities; ask an admin",
    );
    const admin = await signInAs(service, workspace.id, "admin");
    const byAdmin = json<PublicIdentity>(
      await post(service, admin.headers, "/v1/identities", { externalId: "w" }),
    );
    expect((await auditOf(service, byAdmin.id))[0]).toMatchObject({
      actor_type: "user",
      actor_id: admin.userId,
    });
    const { "x-csrf-token": _, ...noCsrf } = admin.headers;
    expectError(await post(service, noCsrf, "/v1/identities", { externalId: "z" }), 403, "CSRF_FAILED");
    expect(json(await get(service, rootKey, url))).toEqual(identity);
  });
});
