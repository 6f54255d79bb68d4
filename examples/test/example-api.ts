/**
 * What both example tests need: a real Keygate process started from the build with a fresh data
 * folder (e2e/harness/keygate-process.ts), its owner set up and root keys made over HTTP
 * (e2e/harness/api.ts), and the example itself started as a real process (`node server.js` with
 * KEYGATE_URL, KEYGATE_ROOT_KEY and PORT), as its README runs it.
 *
 * @example
 * const world = await startExampleWorld("express-api");   // in beforeAll
 * await fetch(`${world.exampleUrl}/orders`, { headers: { authorization: `Bearer ${key}` } });
 * await world.dispose();                                   // in afterAll
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { Keygate } from "@keygate/sdk";
import { completeSetup, createRootKey } from "../../e2e/harness/api.js";
import { freePort } from "../../e2e/harness/free-port.js";
import { type KeygateProcess, REPO_ROOT, startKeygate } from "../../e2e/harness/keygate-process.js";

export interface ExampleWorld {
  keygate: KeygateProcess;
  /** A management client with every permission, to make and revoke keys as the platform would. */
  admin: Keygate;
  /** The root key the example verifies with (`keys:verify` only). */
  verifyRootKey: string;
  /** `http://127.0.0.1:<port>` of the running example. */
  exampleUrl: string;
  /** Everything the example printed. */
  exampleOutput(): string;
  /** Resolves once the example has printed `text` (within 10 s). */
  waitForOutput(text: string): Promise<void>;
  dispose(): Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the example exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  throw new Error(`the example did not answer /health within 30 s:\n${output()}`);
}

/** Starts Keygate, sets it up, and starts `examples/<name>/server.js` against it. */
export async function startExampleWorld(name: "express-api" | "hono-api"): Promise<ExampleWorld> {
  const keygate = await startKeygate();
  const owner = await completeSetup(keygate);
  const admin = new Keygate({ baseUrl: keygate.url, rootKey: (await createRootKey(owner, ["*"])).key });
  const verifyRootKey = (await createRootKey(owner, ["keys:verify"])).key;

  const port = await freePort();
  const exampleUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["server.js"], {
    cwd: join(REPO_ROOT, "examples", name),
    env: {
      PATH: process.env.PATH,
      KEYGATE_URL: keygate.url,
      KEYGATE_ROOT_KEY: verifyRootKey,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  await waitForHealth(exampleUrl, child, () => output);

  return {
    keygate,
    admin,
    verifyRootKey,
    exampleUrl,
    exampleOutput: () => output,
    async waitForOutput(text) {
      const deadline = Date.now() + 10_000;
      while (!output.includes(text)) {
        if (Date.now() > deadline) throw new Error(`the example did not print "${text}":\n${output}`);
        await new Promise((resolveWait) => setTimeout(resolveWait, 10));
      }
    },
    async dispose() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, "exit");
        child.kill("SIGTERM");
        await exited;
      }
      await admin.close();
      await keygate.dispose();
    },
  };
}
