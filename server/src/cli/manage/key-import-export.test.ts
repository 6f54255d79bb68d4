import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveCli, startLiveCli, testTerminal } from "../../../test/live-cli.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const LEGACY = [
  "sk_live_aaaaaaaaaaaaaaaaaaaaaaaa",
  "sk_live_bbbbbbbbbbbbbbbbbbbbbbbb",
  "sk_live_cccccccccccccccccccccccc",
];

describe("keygate keys import and export", () => {
  let cli: LiveCli;
  let csv: string;
  beforeAll(async () => {
    cli = await startLiveCli();
    csv = path.join(cli.configHome, "keys.csv");
    await writeFile(
      csv,
      [
        "hash,name,start,scopes,meta,expiresAt,enabled,rateLimit.limit,rateLimit.windowMs,quota.remaining",
        `${sha256(LEGACY[0] ?? "")},billing,sk_live_aaaa,orders:read orders:write,"{""plan"":""gold""}",2030-01-01T00:00:00Z,true,100,60000,`,
        "not-a-hash,broken,,,,,,,,",
        `${sha256(LEGACY[1] ?? "")},reports,sk_live_bbbb,,,,false,,,50`,
        `${sha256(LEGACY[2] ?? "")},bad meta,,,{oops,,,,,`,
        "",
      ].join("\n"),
    );
  });
  afterAll(async () => cli.close());

  it("refuses a file with an unknown column (exit 2) and sends nothing", async () => {
    const file = path.join(cli.configHome, "typo.csv");
    await writeFile(file, `hash,name,scope\n${sha256("x")},x,a\n`);
    expect(await cli.run(["keys", "import", "--file", file])).toEqual({
      code: 2,
      out: [],
      errors: [
        'keygate: unknown column "scope" in the CSV header; the columns are: hash, name, start, appId, externalId, scopes, meta, expiresAt, ipAllowlist, enabled, rateLimit.limit, rateLimit.windowMs, rateLimits, quota.remaining, quota.refill.amount, quota.refill.interval',
      ],
    });
    await writeFile(file, "name,start\nx,y\n");
    expect((await cli.run(["keys", "import", "--file", file])).errors).toEqual([
      "keygate: the CSV header needs the column hash",
    ]);
    expect(
      (await cli.run(["keys", "import", "--file", path.join(cli.configHome, "none.csv")])).errors,
    ).toEqual([`keygate: --file: cannot read ${path.join(cli.configHome, "none.csv")}: no such file`]);
  });

  it("stops at the first batch the server refuses, saying how far it got", async () => {
    const readOnly = await cli.keygate.rootKey(["keys:read"]);
    const run = await cli.run(["keys", "import", "--file", csv], { env: { KEYGATE_ROOT_KEY: readOnly } });
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^keygate: FORBIDDEN: .+ \(the import stopped after 0 rows were through; run it again to go on: imported rows are skipped\)$/,
      ),
    ]);
  });

  it("checks every row in a dry run and writes nothing", async () => {
    const run = await cli.run(["keys", "import", "--file", csv, "--dry-run", "--json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.out[0] ?? "");
    expect(report).toMatchObject({ dryRun: true, skipped: [] });
    expect(report.imported.map((row: { line: number }) => row.line)).toEqual([2, 4]);
    expect((await cli.run(["keys", "list", "--json"])).out).toEqual([
      JSON.stringify({ data: [], nextCursor: null }),
    ]);
  });

  it("imports the good rows in batches, reports the refused ones by line, and the keys verify", async () => {
    const terminal = testTerminal({ tty: false });
    const run = await cli.run(["keys", "import", "--file", csv, "--batch-size", "1"], { terminal });
    expect(run.code).toBe(1);
    expect(run.out).toEqual([
      expect.stringMatching(
        /^Imported 2, skipped 0 \(already imported\), refused 2; 4 rows in \d+\.\d s \([\d,]+ rows\/s\)\.$/,
      ),
      "line 3: VALIDATION_FAILED: hash: must be a SHA-256 of the whole key: 64 hex characters, or base64 / base64url",
      "line 5: VALIDATION_FAILED: meta: must be a JSON object",
    ]);
    expect(run.errors).toEqual([]);
    expect(terminal.drawn).toEqual([]);
    const listed = JSON.parse((await cli.run(["keys", "list", "--json"])).out[0] ?? "");
    expect(
      listed.data.map((key: Record<string, unknown>) => [key.name, key.start, key.status, key.source]),
    ).toEqual([
      ["reports", "sk_live_bbbb", "disabled", "import"],
      ["billing", "sk_live_aaaa", "active", "import"],
    ]);
    expect(listed.data[1]).toMatchObject({
      scopes: ["orders:read", "orders:write"],
      meta: { plan: "gold" },
      expiresAt: "2030-01-01T00:00:00.000Z",
      rateLimit: { limit: 100, windowMs: 60_000 },
      quota: null,
    });
    expect(listed.data[0]).toMatchObject({ quota: { remaining: 50 } });
  });

  it("skips what was imported on a re-run, drawing a progress bar on a terminal", async () => {
    const terminal = testTerminal({ tty: true });
    const run = await cli.run(["keys", "import", "--file", csv], { terminal });
    expect(run.out[0]).toMatch(/^Imported 0, skipped 2 \(already imported\), refused 2; /);
    const first = terminal.drawn.at(0) ?? "";
    expect(first.endsWith("\u001b[K")).toBe(true);
    expect(first.slice(0, -3)).toMatch(/^\r\[█+░*\] +\d+% \d+\/4 rows {2}[\d,]+ rows\/s$/);
    expect(terminal.drawn.at(-2)).toMatch(/^\r\[█{24}\] 100% 4\/4 rows/);
    expect(terminal.drawn.at(-1)).toBe("\n");
  });

  it("imports JSON Lines, one ImportRow per line, refusing a line that is not an object", async () => {
    const file = path.join(cli.configHome, "keys.jsonl");
    await writeFile(
      file,
      `${JSON.stringify({ hash: sha256("sk_test_one_1234567890"), name: "one", start: "sk_test_one" })}\n\n[1,2]\n${JSON.stringify({ hash: sha256("sk_test_two"), name: "two", colour: "red" })}\n`,
    );
    const run = await cli.run(["keys", "import", "--file", file, "--json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out[0] ?? "")).toEqual({
      dryRun: false,
      imported: [{ line: 1, id: expect.stringMatching(/^key_/) }],
      skipped: [],
      refused: [
        { line: 3, code: "VALIDATION_FAILED", message: "must be a JSON object (an ImportRow)" },
        { line: 4, code: "VALIDATION_FAILED", message: expect.stringContaining("colour") },
      ],
    });
  });

  it("exports every key's metadata as JSON Lines and CSV, never a secret or a hash", async () => {
    await cli.run(["keys", "create", "--name", "made-here"]);
    const jsonl = await cli.run(["keys", "export"]);
    expect(jsonl.code).toBe(0);
    const keys = jsonl.out.map((line) => JSON.parse(line));
    expect(keys.map((key) => key.name)).toEqual(["made-here", "one", "reports", "billing"]);
    const csvRun = await cli.run(["keys", "export", "--format", "csv", "--status", "disabled"]);
    expect(csvRun.out).toEqual([
      "id,name,kind,start,status,enabled,appId,externalId,environment,scopes,meta,expiresAt,ipAllowlist,rateLimit.limit,rateLimit.windowMs,rateLimits,quota.remaining,usageCount,lastUsedAt,createdAt,revokedAt",
      `${keys[2].id},reports,token,sk_live_bbbb,disabled,false,,,production,,{},,,,,,50,0,,${keys[2].createdAt},`,
    ]);
    const everything = [...jsonl.out, ...csvRun.out].join("\n");
    for (const legacy of LEGACY) {
      expect(everything).not.toContain(legacy);
      expect(everything).not.toContain(sha256(legacy));
    }
    expect(everything).not.toMatch(/"(hash|key|secretKey)":/);
  });

  it("imports named rate limits from the rateLimits column and exports them the same way", async () => {
    const file = path.join(cli.configHome, "limits.csv");
    await writeFile(
      file,
      [
        "hash,name,rateLimits,rateLimit.limit,rateLimit.windowMs",
        `${sha256("sk_test_limits_1")},limited,requests=100/60000 burst=10/1000,,`,
        `${sha256("sk_test_limits_2")},half,requests=100,,`,
        `${sha256("sk_test_limits_3")},both,burst=10/1000,5,1000`,
        "",
      ].join("\n"),
    );
    const run = await cli.run(["keys", "import", "--file", file]);
    expect(run.code).toBe(1);
    expect(run.out.slice(1)).toEqual([
      'line 3: VALIDATION_FAILED: rateLimits: "requests=100" is not name=limit/windowMs (such as requests=100/60000)',
      "line 4: VALIDATION_FAILED: rateLimits: send rateLimit (the limit named default) or rateLimits (the whole list), not both",
    ]);
    const keys = (await cli.run(["keys", "export"])).out.map((line) => JSON.parse(line));
    const limited = keys.find((key) => key.name === "limited");
    expect(limited).toMatchObject({
      rateLimit: null,
      rateLimits: [
        { name: "requests", limit: 100, windowMs: 60_000 },
        { name: "burst", limit: 10, windowMs: 1000 },
      ],
    });
    const csvRun = await cli.run(["keys", "export", "--format", "csv"]);
    const header = (csvRun.out[0] ?? "").split(",");
    const row = csvRun.out.find((line) => line.startsWith(`${limited.id},`)) ?? "";
    expect(row.split(",")[header.indexOf("rateLimits")]).toBe("requests=100/60000 burst=10/1000");
  });
});
