/**
 * The built `keygate` binary (node server/dist/cli/main.js, made by npm run build) as a real
 * process against a live Keygate: no colour when piped, colour on a terminal (a pseudo-terminal
 * from util-linux's script) unless NO_COLOR, the exit codes, and an unreachable server's one line.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveKeygate, startLiveKeygate } from "../../../../sdk/test/live-keygate.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const BINARY = path.join(ROOT, "server/dist/cli/main.js");
const ESC = "\u001b[";

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: ROOT, env: { PATH: process.env.PATH, ...env } },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === "number" ? error.code : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}

describe("the built keygate binary", () => {
  let keygate: LiveKeygate;
  let env: NodeJS.ProcessEnv;
  let home: string;
  const keygateCli = (args: string[], more: NodeJS.ProcessEnv = {}) =>
    run(process.execPath, [BINARY, ...args], { ...env, ...more });
  /** Runs the binary on a pseudo-terminal: stdout and stderr arrive together, lines end in \r\n. */
  const onTerminal = (args: string[], more: NodeJS.ProcessEnv = {}) =>
    run("script", ["-qec", [process.execPath, BINARY, ...args].join(" "), "/dev/null"], { ...env, ...more });

  beforeAll(async () => {
    if (!existsSync(BINARY)) throw new Error(`${BINARY} is missing: run npm run build first`);
    keygate = await startLiveKeygate();
    home = await mkdtemp(path.join(tmpdir(), "keygate-cli-home-"));
    env = { XDG_CONFIG_HOME: home, KEYGATE_URL: keygate.url, KEYGATE_ROOT_KEY: await keygate.rootKey(["*"]) };
    const created = await keygateCli(["keys", "create", "--name", "piped"]);
    expect(created.code).toBe(0);
  });
  afterAll(async () => {
    await keygate.close();
    await rm(home, { recursive: true, force: true });
  });

  it("prints no colour when piped, and colour on a terminal unless NO_COLOR is set", async () => {
    const piped = await keygateCli(["keys", "list"]);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(
      /^ID +NAME +START +STATUS +USES +LAST USED +EXPIRES +CREATED\nkey_\w+ +piped +\w+ +active /,
    );
    expect(piped.stdout).not.toContain(ESC);
    const terminal = await onTerminal(["keys", "list"]);
    expect(terminal.code).toBe(0);
    expect(terminal.stdout).toContain(`${ESC}32mactive${ESC}39m`);
    expect(terminal.stdout).toContain(`${ESC}1mID `);
    const noColour = await onTerminal(["keys", "list"], { NO_COLOR: "1" });
    expect(noColour.stdout).toMatch(/active/);
    expect(noColour.stdout).not.toContain(ESC);
  });

  it("exits 0 when done, 1 when the server refuses, 2 for a usage error", async () => {
    expect((await keygateCli(["keys", "list", "--json"])).code).toBe(0);
    expect(await keygateCli(["keys", "get", "key_01M8TP7ESC12JTVTGHVV2CT1NK"])).toEqual({
      code: 1,
      stdout: "",
      stderr: "keygate: NOT_FOUND: key not found\n",
    });
    expect(await keygateCli(["keys", "list", "--colour"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: unknown option '--colour'\n(add --help for usage)\n",
    });
    const revoke = await keygateCli(["keys", "revoke", "key_01M8TP7ESC12JTVTGHVV2CT1NK"]);
    expect(revoke.code).toBe(2);
    expect(revoke.stderr).toMatch(/add --yes\n$/);
  });

  it("says in one line that an unreachable server cannot be reached, and exits 1", async () => {
    const port = await closedPort();
    expect(await keygateCli(["keys", "list"], { KEYGATE_URL: `http://127.0.0.1:${port}` })).toEqual({
      code: 1,
      stdout: "",
      stderr: `keygate: cannot reach http://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}\n`,
    });
  });
});
