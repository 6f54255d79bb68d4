import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo } from "../../test/cli-target.js";
import { lockDataDir } from "../app/data-dir-lock.js";
import { ConfigError } from "../config/config.js";
import { CliError } from "./cli-error.js";
import { describeFailure, runCli } from "./program.js";

describe("the keygate command line", () => {
  let parent: string;
  beforeAll(async () => {
    parent = await mkdtemp(path.join(tmpdir(), "keygate-cli-"));
  });
  afterAll(async () => rm(parent, { recursive: true, force: true }));

  it("lists every command in --help, whatever the configuration", async () => {
    const io = captureIo({ PORT: "not a port" });
    expect(await runCli(["--help"], io)).toBe(0);
    const help = io.out.join("\n");
    expect(help).toContain("Usage: keygate [options] [command]");
    for (const command of [
      "serve",
      "migrate",
      "workspace",
      "admin",
      "login",
      "logout",
      "profiles",
      "keys",
      "apps",
      "apis",
      "root-keys",
      "audit",
      "usage",
      "completion",
    ])
      expect(help).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    expect(help).toContain("KEYGATE_DATA_DIR");
    expect(help).toContain("KEYGATE_URL and KEYGATE_ROOT_KEY");
  });

  it.each([
    [["serve", "--help"], "Usage: keygate serve [options]"],
    [["migrate", "--help"], "Usage: keygate migrate [options]"],
    [["workspace", "--help"], "Usage: keygate workspace [options] [command]"],
    [["workspace", "list", "--help"], "--json"],
    [["workspace", "plan", "--help"], '(choices: "free", "pro", "enterprise")'],
    [["admin", "create", "--help"], "--role <role>"],
  ])("answers %j", async (args, expected) => {
    const io = captureIo();
    expect(await runCli(args, io)).toBe(0);
    expect(io.out.join("\n")).toContain(expected);
    expect(io.errors).toEqual([]);
  });

  it("prints its version", async () => {
    const io = captureIo();
    expect(await runCli(["--version"], io)).toBe(0);
    expect(io.out).toEqual(["0.1.0"]);
  });

  it("refuses an unknown command with exit code 2 (a usage error)", async () => {
    const io = captureIo();
    expect(await runCli(["frobnicate"], io)).toBe(2);
    expect(io.errors[0]).toBe("error: unknown command 'frobnicate'");
  });

  it("stops on a bad configuration with one line naming the variable, and no stack trace", async () => {
    for (const command of [["serve"], ["migrate"], ["workspace", "list"]]) {
      const io = captureIo({ PORT: "eighty" });
      expect(await runCli(command, io)).toBe(1);
      expect(io.errors).toEqual([
        "error: invalid configuration: PORT: must be a whole number from 0 to 65535",
      ]);
    }
    const io = captureIo({ KEYGATE_ADMIN_EMAIL: "ops@example.com" });
    expect(await runCli(["serve"], io)).toBe(1);
    expect(io.errors).toEqual([
      "error: invalid configuration: KEYGATE_ADMIN_EMAIL and KEYGATE_ADMIN_PASSWORD must be set together",
    ]);
  });

  it("refuses a data folder that holds no Keygate data, without creating it", async () => {
    const dir = path.join(parent, "typo");
    const io = captureIo({ KEYGATE_DATA_DIR: dir });
    expect(await runCli(["workspace", "list"], io)).toBe(1);
    expect(io.errors).toEqual([
      `error: no Keygate data in ${dir}: start Keygate once (keygate serve), or set KEYGATE_DATA_DIR or DATABASE_URL`,
    ]);
    expect(existsSync(dir)).toBe(false);
  });

  it("refuses a data folder another process holds", async () => {
    const dir = path.join(parent, "busy");
    const lock = await lockDataDir(dir);
    try {
      const io = captureIo({ KEYGATE_DATA_DIR: dir });
      expect(await runCli(["migrate"], io)).toBe(1);
      expect(io.errors).toEqual([
        `error: the data folder ${dir} is in use by another Keygate process (pid ${process.pid}); stop it first, or use DATABASE_URL (PostgreSQL) to run several processes`,
      ]);
    } finally {
      await lock.release();
    }
  });
});

describe("describeFailure", () => {
  it("gives one line for expected failures and system errors, and the stack for a bug", () => {
    expect(describeFailure(new ConfigError("invalid configuration: PORT: bad"))).toBe(
      "invalid configuration: PORT: bad",
    );
    expect(describeFailure(new CliError("no such workspace"))).toBe("no such workspace");
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(describeFailure(refused)).toBe("connect ECONNREFUSED 127.0.0.1:5432");
    const silent = Object.assign(new AggregateError([], ""), { code: "ECONNREFUSED" });
    expect(describeFailure(silent)).toBe("AggregateError (ECONNREFUSED)");
    const bug = new TypeError("cannot read properties of undefined");
    expect(describeFailure(bug)).toBe(bug.stack);
    expect(describeFailure("thrown string")).toBe("thrown string");
  });
});
