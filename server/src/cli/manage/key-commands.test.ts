import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveCli, startLiveCli, testTerminal } from "../../../test/live-cli.js";

interface CreatedKey {
  id: string;
  name: string;
  start: string;
  createdAt: string;
  key: string;
}

const parse = <T>(line: string | undefined): T => JSON.parse(line ?? "null") as T;

describe("keygate keys", () => {
  let cli: LiveCli;
  let alpha: CreatedKey;
  let beta: CreatedKey;
  beforeAll(async () => {
    cli = await startLiveCli();
  });
  afterAll(async () => cli.close());

  it("creates a key and prints its secret alone on stdout, the rest and the warning on stderr", async () => {
    const run = await cli.run(["keys", "create", "--name", "alpha", "--scopes", "orders:read,orders:write"]);
    expect(run.code).toBe(0);
    expect(run.out).toHaveLength(1);
    const secret = run.out[0] ?? "";
    expect(secret).toMatch(/^acme_[A-Za-z0-9]{38}$/);
    const listed = parse<{ data: CreatedKey[] }>((await cli.run(["keys", "list", "--json"])).out[0]);
    const key = listed.data.find((item) => item.name === "alpha");
    expect(run.errors).toEqual([
      `Created key ${key?.id} "alpha" (${secret.slice(0, 9)}).`,
      "keygate: the secret is shown once; store it now",
    ]);
    alpha = { ...(key as CreatedKey), key: secret };
  });

  it("answers the API's JSON with --json, the secret included, still warning on stderr", async () => {
    const run = await cli.run(["keys", "create", "--name", "beta", "--rate-limit", "100/1m", "--json"]);
    expect(run.code).toBe(0);
    beta = parse<CreatedKey>(run.out[0]);
    expect(beta).toMatchObject({
      name: "beta",
      status: "active",
      rateLimit: { limit: 100, windowMs: 60_000 },
      key: expect.stringMatching(/^acme_/),
    });
    expect(run.errors).toEqual(["keygate: the secret is shown once; store it now"]);
  });

  it("prints both halves of a pair, labelled, on stdout", async () => {
    const run = await cli.run(["keys", "create", "--name", "pair", "--kind", "pair"]);
    expect(run.code).toBe(0);
    expect(run.out).toEqual([
      expect.stringMatching(/^shared key: acme_pk_\w+$/),
      expect.stringMatching(/^secret key: acme_\w+$/),
    ]);
    const id = run.errors[0]?.split(" ")[2] ?? "";
    expect((await cli.run(["keys", "delete", id, "--yes"])).code).toBe(0);
  });

  it("lists keys as an aligned table, newest first, with times relative to now", async () => {
    const now = new Date(new Date(beta.createdAt).getTime() + 2 * 60_000);
    const run = await cli.run(["keys", "list"], { now });
    expect(run).toEqual({
      code: 0,
      out: [
        "ID                              NAME   START      STATUS  USES  LAST USED  EXPIRES  CREATED",
        `${beta.id}  beta   ${beta.start}  active     0  never      never    2 minutes ago`,
        `${alpha.id}  alpha  ${alpha.start}  active     0  never      never    2 minutes ago`,
      ],
      errors: [],
    });
  });

  it("pages with --limit and says how to get the next page on stderr", async () => {
    const run = await cli.run(["keys", "list", "--limit", "1"]);
    expect(run.out).toHaveLength(2);
    expect(run.errors).toEqual([
      expect.stringMatching(/^keygate: more keys: add --cursor \S+ \(or --all\)$/),
    ]);
    const all = await cli.run(["keys", "list", "--all", "--json"]);
    expect(parse<{ data: unknown[]; nextCursor: null }>(all.out[0])).toMatchObject({ nextCursor: null });
    expect(parse<{ data: unknown[] }>(all.out[0]).data).toHaveLength(2);
  });

  it("shows one key's fields, never its secret", async () => {
    const run = await cli.run(["keys", "get", alpha.id], {
      now: new Date(new Date(alpha.createdAt).getTime() + 5000),
    });
    expect(run.code).toBe(0);
    expect(run.out).toEqual([
      `id            ${alpha.id}`,
      "name          alpha",
      "kind          token",
      `start         ${alpha.start}`,
      "status        active",
      "app           none",
      "externalId    none",
      "scopes        orders:read orders:write",
      "meta          {}",
      "expires       never",
      "ip allowlist  any address",
      "rate limits   none",
      "quota         none",
      "uses          0",
      "last used     never",
      `created       ${alpha.createdAt} (just now)`,
    ]);
    expect(run.out.join("\n")).not.toContain(alpha.key);
  });

  it("verifies a key: exit 0 when valid, 1 with the code when not", async () => {
    expect(await cli.run(["keys", "verify", alpha.key, "--scopes", "orders:read"])).toEqual({
      code: 0,
      out: [`VALID ${alpha.id}`],
      errors: [],
    });
    expect(await cli.run(["keys", "verify", alpha.key, "--scopes", "admin"])).toEqual({
      code: 1,
      out: [`INSUFFICIENT_SCOPE ${alpha.id}`],
      errors: [],
    });
    const malformed = await cli.run(["keys", "verify", "not-a-key", "--json"]);
    expect(malformed.code).toBe(1);
    expect(parse(malformed.out[0])).toEqual({ valid: false, code: "MALFORMED" });
  });

  it("updates, disables and enables a key", async () => {
    const updated = await cli.run([
      "keys",
      "update",
      alpha.id,
      "--name",
      "alpha-2",
      "--quota",
      "5",
      "--meta",
      '{"team":"ops"}',
    ]);
    expect(updated).toEqual({ code: 0, out: [`Updated key ${alpha.id} "alpha-2": now active.`], errors: [] });
    const disabled = await cli.run(["keys", "disable", alpha.id, "--json"]);
    expect(parse(disabled.out[0])).toMatchObject({
      id: alpha.id,
      status: "disabled",
      quota: { remaining: 5 },
      meta: { team: "ops" },
    });
    expect(await cli.run(["keys", "verify", alpha.key])).toMatchObject({
      code: 1,
      out: [`DISABLED ${alpha.id}`],
    });
    expect((await cli.run(["keys", "enable", alpha.id])).out).toEqual([
      `Enabled key ${alpha.id} "alpha-2": now active.`,
    ]);
  });

  it("refuses an update that changes nothing, a bad option value and a missing argument with exit code 2", async () => {
    expect(await cli.run(["keys", "update", alpha.id])).toEqual({
      code: 2,
      out: [],
      errors: [
        "keygate: nothing to change: give --name, --scopes, --meta, --expires-at, --ip-allowlist, --rate-limit, --rate-limits or --quota",
      ],
    });
    const badMeta = await cli.run(["keys", "update", alpha.id, "--meta", "[1]"]);
    expect(badMeta.code).toBe(2);
    expect(badMeta.errors[0]).toBe(
      "error: option '--meta <json>' argument '[1]' is invalid. must be a JSON object.",
    );
    const badStatus = await cli.run(["keys", "list", "--status", "gone"]);
    expect(badStatus.code).toBe(2);
    expect(badStatus.errors[0]).toBe(
      "error: option '--status <status>' argument 'gone' is invalid. Allowed choices are active, disabled, revoked, expired.",
    );
    expect(await cli.run(["keys", "get"])).toEqual({
      code: 2,
      out: [],
      errors: ["error: missing required argument 'id'", "(add --help for usage)"],
    });
  });

  it("sets named rate limits with --rate-limits, the default one alone with --rate-limit, and shows them all", async () => {
    const created = await cli.run([
      "keys",
      "create",
      "--name",
      "limited",
      "--rate-limits",
      "requests=100/1m,burst=10/1s",
      "--rate-limits",
      "daily=5000/1d",
      "--json",
    ]);
    expect(created.code).toBe(0);
    const key = parse<CreatedKey & { rateLimits: unknown }>(created.out[0]);
    expect(key.rateLimits).toEqual([
      { name: "requests", limit: 100, windowMs: 60_000 },
      { name: "burst", limit: 10, windowMs: 1000 },
      { name: "daily", limit: 5000, windowMs: 86_400_000 },
    ]);
    expect((await cli.run(["keys", "update", key.id, "--rate-limit", "20/10s"])).code).toBe(0);
    const shown = await cli.run(["keys", "get", key.id]);
    expect(shown.out.find((line) => line.startsWith("rate limits"))).toBe(
      "rate limits   default 20 per 10000 ms, requests 100 per 60000 ms, burst 10 per 1000 ms, daily 5000 per 86400000 ms",
    );
    const cleared = await cli.run(["keys", "update", key.id, "--rate-limit", "none"]);
    expect(cleared.code, cleared.errors.join()).toBe(0);
    const kept = parse<{ rateLimits: unknown }>((await cli.run(["keys", "get", key.id, "--json"])).out[0]);
    expect(kept.rateLimits).toEqual([
      { name: "requests", limit: 100, windowMs: 60_000 },
      { name: "burst", limit: 10, windowMs: 1000 },
      { name: "daily", limit: 5000, windowMs: 86_400_000 },
    ]);
    expect((await cli.run(["keys", "update", key.id, "--rate-limits", "none"])).code).toBe(0);
    expect((await cli.run(["keys", "get", key.id])).out).toContain("rate limits   none");

    expect(
      await cli.run(["keys", "update", key.id, "--rate-limit", "1/1s", "--rate-limits", "a=1/1s"]),
    ).toEqual({
      code: 2,
      out: [],
      errors: [
        "keygate: give --rate-limit (the limit named default) or --rate-limits (every limit), not both",
      ],
    });
    const bad = await cli.run(["keys", "update", key.id, "--rate-limits", "requests=100"]);
    expect(bad.code).toBe(2);
    expect(bad.errors[0]).toBe(
      "error: option '--rate-limits <limits>' argument 'requests=100' is invalid. must be <name>=<limit>/<window> items, such as \"requests=100/1m burst=10/1s\", or \"none\".",
    );
    expect(await cli.run(["keys", "update", key.id, "--rate-limits", "a=1/1s,a=2/1s"])).toEqual({
      code: 1,
      out: [],
      errors: ["keygate: VALIDATION_FAILED: rateLimits.1.name: must not repeat a"],
    });
    expect((await cli.run(["keys", "delete", key.id, "--yes"])).code).toBe(0);
  });

  it("rotates a key: the new secret on stdout, the old one refused at once", async () => {
    const run = await cli.run(["keys", "rotate", beta.id]);
    expect(run.code).toBe(0);
    expect(run.out).toEqual([expect.stringMatching(/^acme_/)]);
    expect(run.errors).toEqual([
      expect.stringMatching(new RegExp(`^Rotated key ${beta.id} "beta" \\(acme_.{4}\\)\\.$`)),
      "keygate: the secret is shown once; store it now",
    ]);
    expect((await cli.run(["keys", "verify", run.out[0] ?? ""])).code).toBe(0);
    expect((await cli.run(["keys", "verify", beta.key])).out).toEqual([`EXPIRED ${beta.id}`]);
  });

  it("refuses a server refusal with exit code 1 and the server's code and message", async () => {
    expect(await cli.run(["keys", "get", "key_01M8TP7ESC12JTVTGHVV2CT1NK"])).toEqual({
      code: 1,
      out: [],
      errors: ["keygate: NOT_FOUND: key not found"],
    });
  });

  it("will not revoke or delete without confirmation when there is no terminal to ask on", async () => {
    expect(await cli.run(["keys", "revoke", alpha.id])).toEqual({
      code: 2,
      out: [],
      errors: [`keygate: Revoke key ${alpha.id} for good: not confirmed (no terminal to ask on): add --yes`],
    });
    expect((await cli.run(["keys", "delete", alpha.id])).code).toBe(2);
    expect(
      parse<{ status: string }>((await cli.run(["keys", "get", alpha.id, "--json"])).out[0]).status,
    ).toBe("active");
  });

  it("asks on a terminal, and does nothing unless the answer is yes", async () => {
    const declining = testTerminal({ tty: true, answers: ["n"] });
    expect(await cli.run(["keys", "revoke", alpha.id], { terminal: declining })).toEqual({
      code: 1,
      out: [],
      errors: ["keygate: cancelled; nothing was changed"],
    });
    expect(declining.asked).toEqual([`Revoke key ${alpha.id} for good? [y/N] `]);
    const agreeing = testTerminal({ tty: true, answers: ["y"] });
    const revoked = await cli.run(["keys", "revoke", alpha.id, "--reason", "leaked"], { terminal: agreeing });
    expect(revoked.code).toBe(0);
    expect(revoked.out).toEqual([`Revoked key ${alpha.id} "alpha-2": now \u001b[31mrevoked\u001b[39m.`]);
  });

  it("deletes with --yes", async () => {
    expect(await cli.run(["keys", "delete", beta.id, "--yes"])).toEqual({
      code: 0,
      out: [`Deleted key ${beta.id}.`],
      errors: [],
    });
    expect((await cli.run(["keys", "get", beta.id])).code).toBe(1);
  });
});
