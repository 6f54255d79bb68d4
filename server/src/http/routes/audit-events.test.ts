import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import {
  bearer,
  createTestService,
  expectError,
  expectSecured,
  json,
  type SeededWorkspace,
  seedRootKey,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../test/harness.js";
import { recordAudit } from "../../domain/audit/record-audit.js";
import { newId } from "../../domain/ids.js";
import type { Actor } from "../../domain/principal.js";

interface AuditEvent {
  id: string;
  action: string;
  actor: { type: string; id: string | null };
  target: { type: string; id: string } | null;
  ip: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}
interface Page {
  data: AuditEvent[];
  nextCursor: string | null;
}

const alice: Actor = { type: "user", id: "usr_01JDALICE000000000000000000", ip: "203.0.113.9" };
const robot: Actor = { type: "root_key", id: "key_01JDROBOT000000000000000000", ip: "198.51.100.7" };

describe.each(backends)("audit events on $name", (backend) => {
  let service: TestService;
  let seeded: SeededWorkspace;
  let other: SeededWorkspace;
  let free: SeededWorkspace;
  /** The events this file wrote into `seeded`, oldest first, with their times. */
  const written: { id: string; action: string; at: string }[] = [];
  let otherEventId = "";

  async function record(
    workspaceId: string,
    actor: Actor,
    action: string,
    target?: { type: string; id: string },
    details: Record<string, unknown> = {},
  ): Promise<string> {
    service.clock.advance(60_000);
    const at = service.clock.now();
    const id = await recordAudit(service.store.db, { workspaceId, actor, action, target, details, at });
    if (workspaceId === seeded.workspace.id) written.push({ id, action, at: at.toISOString() });
    return id;
  }

  const get = (url: string, key = seeded.rootKey) =>
    service.app.inject({ method: "GET", url, headers: bearer(key) });

  beforeAll(async () => {
    service = await createTestService({ backend });
    seeded = await seedWorkspace(service, { plan: "pro" });
    other = await seedWorkspace(service);
    free = await seedWorkspace(service, { plan: "free" });
    // The seeded root key's own creation event is in `seeded` too: drop it for a known trail.
    await service.store.db
      .deleteFrom("audit_events")
      .where("workspace_id", "=", seeded.workspace.id)
      .execute();
    const key1 = { type: "key", id: "key_01JDKEY1000000000000000000" };
    const key2 = { type: "key", id: "key_01JDKEY2000000000000000000" };
    await record(seeded.workspace.id, alice, "key.created", key1, { name: "crm", scopes: ["orders:read"] });
    await record(seeded.workspace.id, robot, "key.rotated", key1, { gracePeriodSeconds: 3600 });
    await record(seeded.workspace.id, alice, "keyring.created", key2);
    await record(seeded.workspace.id, robot, "root_key.created", { type: "root_key", id: robot.id ?? "" });
    await record(seeded.workspace.id, alice, "key.revoked", key2, { reason: 'leaked, "oops"' });
    await record(seeded.workspace.id, { type: "system", id: null, ip: null }, "workspace.created");
    await record(seeded.workspace.id, alice, "app.created", {
      type: "app",
      id: "app_01JDAPP1000000000000000000",
    });
    otherEventId = await record(other.workspace.id, alice, "key.created", key1, { name: "not yours" });
  });
  afterAll(async () => service.close());

  const newestFirst = () => [...written].reverse();

  it("lists the workspace's events newest first in the documented shape", async () => {
    const response = await get("/v1/audit-events");
    expect(response.statusCode).toBe(200);
    const page = json<Page>(response);
    expect(page.nextCursor).toBeNull();
    expect(page.data.map((e) => e.id)).toEqual(newestFirst().map((e) => e.id));
    const created = page.data.find((e) => e.action === "key.created");
    expect(created).toEqual({
      id: written[0]?.id,
      action: "key.created",
      actor: { type: "user", id: alice.id, label: null },
      target: { type: "key", id: "key_01JDKEY1000000000000000000" },
      ip: "203.0.113.9",
      details: { name: "crm", scopes: ["orders:read"] },
      createdAt: "2026-06-01T12:01:00.000Z",
    });
    expect(page.data.find((e) => e.action === "workspace.created")).toMatchObject({
      actor: { type: "system", id: null },
      target: null,
      ip: null,
      details: {},
    });
  });

  it("never shows another workspace's events, even by its ids", async () => {
    const mine = json<Page>(await get("/v1/audit-events?limit=100"));
    expect(mine.data.map((e) => e.id)).not.toContain(otherEventId);
    const theirs = json<Page>(await get("/v1/audit-events?limit=100", other.rootKey));
    expect(theirs.data.map((e) => e.id)).toContain(otherEventId);
    for (const id of written.map((e) => e.id)) expect(theirs.data.map((e) => e.id)).not.toContain(id);
    const byTarget = json<Page>(await get("/v1/audit-events?targetId=key_01JDKEY1000000000000000000"));
    expect(byTarget.data.map((e) => e.id)).toEqual([written[1]?.id, written[0]?.id]);
  });

  it("filters by exact action and by action prefix", async () => {
    const exact = json<Page>(await get("/v1/audit-events?action=key.created"));
    expect(exact.data.map((e) => e.id)).toEqual([written[0]?.id]);
    const prefix = json<Page>(await get("/v1/audit-events?action=key.*"));
    expect(prefix.data.map((e) => e.action)).toEqual(["key.revoked", "key.rotated", "key.created"]);
    const rootKeys = json<Page>(await get("/v1/audit-events?action=root_key.*"));
    expect(rootKeys.data.map((e) => e.action)).toEqual(["root_key.created"]);
    const none = json<Page>(await get("/v1/audit-events?action=key"));
    expect(none).toEqual({ data: [], nextCursor: null });
  });

  it("filters by target, actor and time, and combines filters", async () => {
    const byTarget = json<Page>(await get("/v1/audit-events?targetId=key_01JDKEY2000000000000000000"));
    expect(byTarget.data.map((e) => e.action)).toEqual(["key.revoked", "keyring.created"]);
    const byActor = json<Page>(await get(`/v1/audit-events?actorId=${robot.id}`));
    expect(byActor.data.map((e) => e.action)).toEqual(["root_key.created", "key.rotated"]);
    // from is inclusive, to exclusive: 12:02 and 12:03 but not 12:04.
    const window = json<Page>(
      await get("/v1/audit-events?from=2026-06-01T12:02:00Z&to=2026-06-01T12:04:00.000Z"),
    );
    expect(window.data.map((e) => e.action)).toEqual(["keyring.created", "key.rotated"]);
    const offset = json<Page>(await get("/v1/audit-events?from=2026-06-01T14:06:00%2B02:00"));
    expect(offset.data.map((e) => e.action)).toEqual(["app.created", "workspace.created"]);
    const combined = json<Page>(
      await get(`/v1/audit-events?action=key.*&actorId=${alice.id}&to=2026-06-01T12:05:00Z`),
    );
    expect(combined.data.map((e) => e.action)).toEqual(["key.created"]);
  });

  it("pages with a cursor across every event, with no duplicate and no gap", async () => {
    const seen: string[] = [];
    let url = "/v1/audit-events?limit=3";
    const sizes: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const page = json<Page>(await get(url));
      sizes.push(page.data.length);
      seen.push(...page.data.map((e) => e.id));
      if (page.nextCursor === null) break;
      expect(page.nextCursor).toBe(page.data.at(-1)?.id);
      url = `/v1/audit-events?limit=3&cursor=${page.nextCursor}`;
    }
    expect(sizes).toEqual([3, 3, 1]);
    expect(seen).toEqual(newestFirst().map((e) => e.id));

    const filtered = json<Page>(await get("/v1/audit-events?action=key.*&limit=2"));
    expect(filtered.data.map((e) => e.action)).toEqual(["key.revoked", "key.rotated"]);
    const rest = json<Page>(await get(`/v1/audit-events?action=key.*&limit=2&cursor=${filtered.nextCursor}`));
    expect(rest).toEqual({ data: [expect.objectContaining({ action: "key.created" })], nextCursor: null });
  });

  it("refuses bad query values with a 400 naming the parameter", async () => {
    const cases: [string, string][] = [
      ["limit=0", "querystring.limit: must be at least 1"],
      ["limit=101", "querystring.limit: must be at most 100"],
      ["limit=ten", "querystring.limit: must be a number"],
      ["limit=2.5", "querystring.limit: must be a whole number"],
      [
        "from=yesterday",
        "querystring.from: must be an ISO 8601 time with a zone, such as 2027-01-01T00:00:00Z",
      ],
      ["to=2026-06-01", "querystring.to: must be an ISO 8601 time with a zone, such as 2027-01-01T00:00:00Z"],
      ["from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z", "querystring.to: must be after from"],
      ["from=2026-06-01T00:00:00Z&to=2026-06-01T00:00:00Z", "querystring.to: must be after from"],
      [
        "action=KEY.created",
        "querystring.action: must be an action such as key.created, or a prefix such as key.*",
      ],
      [
        "action=key.*.x",
        "querystring.action: must be an action such as key.created, or a prefix such as key.*",
      ],
      ["action=%25", "querystring.action: must be an action such as key.created, or a prefix such as key.*"],
      ["action=a&action=b", "querystring.action: Invalid input: expected string, received array"],
      ["targetId=", "querystring.targetId: must not be empty"],
      [`actorId=${"a".repeat(208)}`, "querystring.actorId: must be at most 207 characters"],
      ["cursor=abc", "querystring.cursor: must be the nextCursor of a previous page"],
      [
        "cursor=key_01JD0000000000000000000000",
        "querystring.cursor: must be the nextCursor of a previous page",
      ],
      ["format=xlsx", 'querystring.format: must be one of "json", "csv"'],
      ["sort=asc", "querystring.sort: unknown field"],
    ];
    for (const [query, message] of cases) {
      expectError(await get(`/v1/audit-events?${query}`), 400, "VALIDATION_FAILED", message);
    }
  });

  it("lets any role that reads the audit trail list it", async () => {
    const viewer = await signInAs(service, seeded.workspace.id, "viewer");
    const response = await service.app.inject({
      method: "GET",
      url: "/v1/audit-events?limit=1",
      headers: viewer.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(json<Page>(response).data).toHaveLength(1);
  });

  it("is secured", async () => {
    await expectSecured(
      service,
      seeded.workspace.id,
      { method: "GET", url: "/v1/audit-events" },
      "audit:read",
    );
    await expectSecured(
      service,
      seeded.workspace.id,
      { method: "GET", url: "/v1/audit-events?format=csv" },
      "audit:read",
    );
  });

  describe("CSV export", () => {
    it("answers text/csv as an attachment, with a header row and every field of a known event", async () => {
      const response = await get("/v1/audit-events?format=csv&targetId=key_01JDKEY2000000000000000000");
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(response.headers["content-disposition"]).toBe(
        `attachment; filename="keygate-audit-${service.clock.now().toISOString().slice(0, 10)}.csv"`,
      );
      const [revoked, ring] = [written[4], written[2]];
      expect(response.body).toBe(
        [
          "id,created_at,action,actor_type,actor_id,target_type,target_id,ip,details",
          `${revoked?.id},2026-06-01T12:05:00.000Z,key.revoked,user,${alice.id},key,key_01JDKEY2000000000000000000,203.0.113.9,"{""reason"":""leaked, \\""oops\\""""}"`,
          `${ring?.id},2026-06-01T12:03:00.000Z,keyring.created,user,${alice.id},key,key_01JDKEY2000000000000000000,203.0.113.9,{}`,
          "",
        ].join("\n"),
      );
    });

    it("writes empty cells for a missing actor, target and ip", async () => {
      const response = await get("/v1/audit-events?format=csv&action=workspace.created");
      expect(response.body.split("\n")[1]).toBe(
        `${written[5]?.id},2026-06-01T12:06:00.000Z,workspace.created,system,,,,,{}`,
      );
    });

    it("exports every matching event, across many pages, and only this workspace's", async () => {
      const ws = await seedWorkspace(service, { plan: "enterprise" });
      const base = service.clock.now().getTime();
      const ids: string[] = [];
      const rows = Array.from({ length: 2345 }, (_, i) => {
        const id = newId("event");
        ids.push(id);
        return {
          id,
          workspace_id: ws.workspace.id,
          actor_type: "system" as const,
          actor_id: null,
          action: i % 2 === 0 ? "bulk.even" : "bulk.odd",
          target_type: null,
          target_id: null,
          ip: null,
          details: JSON.stringify({ i }),
          created_at: new Date(base + i * 1000),
        };
      });
      for (let i = 0; i < rows.length; i += 500) {
        await service.store.db
          .insertInto("audit_events")
          .values(rows.slice(i, i + 500))
          .execute();
      }
      const response = await get("/v1/audit-events?format=csv&action=bulk.*", ws.rootKey);
      expect(response.statusCode).toBe(200);
      const lines = response.body.trimEnd().split("\n");
      expect(lines).toHaveLength(2346);
      const exported = lines.slice(1).map((line) => line.split(",")[0]);
      expect(exported).toEqual([...ids].reverse());
      expect(new Set(exported).size).toBe(2345);

      const odd = await get("/v1/audit-events?format=csv&action=bulk.odd&limit=1", ws.rootKey);
      expect(odd.body.trimEnd().split("\n")).toHaveLength(1 + 1172);
      expect(odd.body).not.toContain("bulk.even");

      const everything = await get("/v1/audit-events?format=csv", ws.rootKey);
      expect(everything.body).not.toContain(otherEventId);
      expect(everything.body).not.toContain(written[0]?.id ?? "missing");
    });

    it("needs a plan with audit export, while listing stays open", async () => {
      expectError(
        await get("/v1/audit-events?format=csv", free.rootKey),
        402,
        "PLAN_REQUIRED",
        "the free plan does not include audit export; upgrade required",
      );
      expect((await get("/v1/audit-events", free.rootKey)).statusCode).toBe(200);
    });

    it("is refused to a root key without audit:read even on a plan with export", async () => {
      const weak = await seedRootKey(service, seeded.workspace.id, ["keys:read"]);
      expectError(
        await get("/v1/audit-events?format=csv", weak),
        403,
        "FORBIDDEN",
        "this needs the audit:read permission",
      );
    });
  });
});
