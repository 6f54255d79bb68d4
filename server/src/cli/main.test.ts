/**
 * The `keygate` executable as its own process: it serves, refuses a second user of its data
 * folder, and stops with exit code 0 on SIGTERM; a bad configuration exits 1 without a stack.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo } from "../../test/cli-target.js";
import { type TempDataDir, tempDataDir } from "../../test/data-dir.js";
import { LOCK_FILE } from "../app/data-dir-lock.js";
import { runCli } from "./program.js";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));
const ROOT = path.resolve(path.dirname(MAIN), "../../..");

interface Run {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

function run(args: string[], env: NodeJS.ProcessEnv): Run {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => stdout.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, stdout, stderr, exited };
}

async function listeningUrl(server: Run): Promise<string> {
  for (let waited = 0; waited < 60_000; waited += 50) {
    const match = /Keygate is listening on (http:\/\/[\d.:]+)/.exec(server.stdout.join(""));
    if (match?.[1]) return match[1];
    if (server.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the server did not start: ${server.stderr.join("")}`);
}

describe("the keygate executable", () => {
  let data: TempDataDir;
  beforeAll(async () => {
    data = await tempDataDir("migrated");
  });
  afterAll(async () => data.remove());

  it("serves, keeps its data folder to itself, and stops cleanly on SIGTERM", async () => {
    const server = run(["serve"], {
      KEYGATE_DATA_DIR: data.dir,
      PORT: "0",
      LOG_LEVEL: "info",
      KEYGATE_ADMIN_EMAIL: "ops@example.com",
      KEYGATE_ADMIN_PASSWORD: "correct horse battery staple",
    });
    try {
      const url = await listeningUrl(server);
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);

      const io = captureIo({ KEYGATE_DATA_DIR: data.dir });
      expect(await runCli(["workspace", "list"], io)).toBe(1);
      expect(io.errors).toEqual([
        `error: the data folder ${data.dir} is in use by another Keygate process (pid ${server.child.pid}); stop it first, or use DATABASE_URL (PostgreSQL) to run several processes`,
      ]);

      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
      const lines = server.stdout
        .join("")
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as { msg: string });
      expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(["shutting down", "stopped"]));
      expect(server.stderr.join("")).toBe("");
      expect(existsSync(path.join(data.dir, LOCK_FILE))).toBe(false);
    } finally {
      if (server.child.exitCode === null) server.child.kill("SIGKILL");
    }
  });

  it("exits 1 on a bad configuration with one line and no stack trace", async () => {
    const bad = run(["serve"], { KEYGATE_DATA_DIR: data.dir, PORT: "99999" });
    expect(await bad.exited).toBe(1);
    expect(bad.stderr.join("")).toBe(
      "error: invalid configuration: PORT: must be a whole number from 0 to 65535\n",
    );
    expect(bad.stdout.join("")).toBe("");
  });
});
