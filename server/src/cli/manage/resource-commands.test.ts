import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveCli, startLiveCli, testTerminal } from "../../../test/live-cli.js";
import { bar } from "./usage-command.js";

const parse = <T>(line: string | undefined): T => JSON.parse(line ?? "null") as T;

describe("keygate apis, apps, root-keys, audit and usage", () => {
  let cli: LiveCli;
  let apiId: string;
  let appId: string;
  let createdAt: string;
  beforeAll(async () => {
    cli = await startLiveCli();
  });
  afterAll(async () => cli.close());

  it("creates and lists Apis and apps as tables", async () => {
    const api = await cli.run([
      "apis",
      "create",
      "--name",
      "orders",
      "--scopes",
      "orders:read orders:write",
      "--json",
    ]);
    expect(api.code).toBe(0);
    ({ id: apiId, createdAt } = parse<{ id: string; createdAt: string }>(api.out[0]));
    const app = await cli.run([
      "apps",
      "create",
      "--title",
      "CRM",
      "--environment",
      "staging",
      "--apis",
      apiId,
    ]);
    expect(app.out).toEqual([expect.stringMatching(/^Created app app_\w+ "CRM"\.$/)]);
    appId = app.out[0]?.split(" ")[2] ?? "";
    const now = new Date(new Date(createdAt).getTime() + 3 * 3600_000 + 30_000);
    expect(await cli.run(["apis", "list"], { now })).toEqual({
      code: 0,
      out: [
        "ID                              NAME    SCOPES                    CREATED",
        `${apiId}  orders  orders:read orders:write  3 hours ago`,
      ],
      errors: [],
    });
    expect((await cli.run(["apps", "list"], { now })).out).toEqual([
      "ID                              TITLE  ENVIRONMENT  KEYS  APIS  CREATED",
      `${appId}  CRM    staging         0     1  3 hours ago`,
    ]);
    expect((await cli.run(["apps", "get", appId])).out.slice(0, 5)).toEqual([
      `id           ${appId}`,
      "title        CRM",
      "environment  staging",
      "description  none",
      `apis         ${apiId}`,
    ]);
  });

  it("updates and deletes Apis and apps, refusing an app key's scope its Apis do not offer", async () => {
    expect((await cli.run(["apis", "update", apiId, "--description", "the orders API"])).out).toEqual([
      `Updated Api ${apiId} "orders".`,
    ]);
    const refused = await cli.run([
      "keys",
      "create",
      "--name",
      "crm",
      "--app",
      appId,
      "--scopes",
      "billing:write",
    ]);
    expect(refused.code).toBe(1);
    expect(refused.errors).toEqual([expect.stringMatching(/^keygate: VALIDATION_FAILED: /)]);
    expect((await cli.run(["apps", "delete", appId])).code).toBe(2);
    expect(await cli.run(["apps", "delete", appId, "--yes"])).toEqual({
      code: 0,
      out: [`Deleted app ${appId}.`],
      errors: [],
    });
    expect((await cli.run(["apis", "delete", apiId, "-y"])).out).toEqual([`Deleted Api ${apiId}.`]);
  });

  it("creates a root key (secret on stdout once), lists and deletes root keys", async () => {
    const created = await cli.run([
      "root-keys",
      "create",
      "--name",
      "ci",
      "--permissions",
      "keys:read,keys:write",
    ]);
    expect(created.code).toBe(0);
    expect(created.out).toEqual([expect.stringMatching(/^kg_root_\w+$/)]);
    expect(created.errors).toEqual([
      expect.stringMatching(/^Created root key key_\w+ "ci" \(keys:read keys:write\)\.$/),
      "keygate: the secret is shown once; store it now",
    ]);
    const ci = await cli.run(["keys", "list", "--json"], { env: { KEYGATE_ROOT_KEY: created.out[0] ?? "" } });
    expect(ci.code).toBe(0);
    const listed = await cli.run(["root-keys", "list"]);
    expect(listed.out[0]).toMatch(/^ID {30}NAME +START +PERMISSIONS +LAST USED {2}CREATED$/);
    const row = listed.out.find((line) => line.includes(" ci "));
    expect(row).toMatch(
      /^key_\w+ {2}ci +kg_root_\w{4} {2}keys:read keys:write +(never {6}|just now {3})just now$/,
    );
    const id = row?.split(" ")[0] ?? "";
    expect((await cli.run(["root-keys", "delete", id, "--yes"])).out).toEqual([`Deleted root key ${id}.`]);
    const gone = await cli.run(["keys", "list"], { env: { KEYGATE_ROOT_KEY: created.out[0] ?? "" } });
    expect(gone.code).toBe(1);
    expect(gone.errors).toEqual([expect.stringMatching(/^keygate: UNAUTHENTICATED: /)]);
  });

  it("lists audit events newest first, filtered by action", async () => {
    const run = await cli.run(["audit", "list", "--action", "app.deleted"]);
    expect(run.code).toBe(0);
    expect(run.out).toHaveLength(2);
    expect(run.out[0]).toMatch(/^TIME +ACTION +ACTOR +TARGET$/);
    expect(run.out[1]).toMatch(new RegExp(`^\\S+ \\(just now\\)  app\\.deleted  \\S+ +${appId}$`));
    const json = parse<{ data: { action: string }[] }>(
      (await cli.run(["audit", "list", "--json", "--limit", "2"])).out[0],
    );
    expect(json.data.map((event) => event.action)).toEqual(["root_key.deleted", "root_key.created"]);
  });

  it("follows the audit trail: the latest events oldest first, then new ones as they happen", async () => {
    const stop = new AbortController();
    const terminal = { ...testTerminal({ tty: false }), stop: stop.signal };
    const following = cli.run(
      ["audit", "list", "--follow", "--json", "--limit", "2", "--interval", "100ms"],
      { terminal },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await cli.run(["apis", "create", "--name", "later"]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    stop.abort();
    const run = await following;
    expect(run.code).toBe(0);
    expect(run.out.map((line) => parse<{ action: string }>(line).action)).toEqual([
      "root_key.created",
      "root_key.deleted",
      "api.created",
    ]);
  });

  it("draws a key's usage as a bar chart with the totals per outcome", async () => {
    const created = await cli.run(["keys", "create", "--name", "used", "--scopes", "a", "--json"]);
    const key = parse<{ id: string; key: string }>(created.out[0]);
    for (const scopes of ["a", "a", "a", "b"]) await cli.run(["keys", "verify", key.key, "--scopes", scopes]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const run = await cli.run(["usage", key.id, "--granularity", "day", "--from", "2d"]);
    expect(run.code).toBe(0);
    expect(run.out[0]).toBe(`Verifications of ${key.id} per day (UTC):`);
    const today = new Date().toISOString().slice(0, 10);
    expect(run.out).toContain(`${today}  ${"█".repeat(40)}  4`);
    expect(run.out.at(-1)).toBe("Total 4: VALID 3, INSUFFICIENT_SCOPE 1");
    const json = parse<{ granularity: string; data: { total: number }[] }>(
      (await cli.run(["usage", key.id, "--json"])).out[0],
    );
    expect(json.granularity).toBe("hour");
    expect(json.data.reduce((sum, bucket) => sum + bucket.total, 0)).toBe(4);
  });

  it("draws bars to the eighth of a cell", () => {
    expect(bar(0, 10)).toBe("");
    expect(bar(10, 10, 4)).toBe("████");
    expect(bar(5, 10, 4)).toBe("██");
    expect(bar(1, 16, 4)).toBe("▎");
    expect(bar(1, 1000, 4)).toBe("▏");
  });
});
