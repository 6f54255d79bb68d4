/** Starting, waiting for and stopping the processes a benchmark drives, on free local ports. */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Started {
  child: ChildProcess;
  /** Everything the process wrote, for the error message when it fails. */
  output(): string;
}

/** Spawns a process; its output is kept (and shown only if something goes wrong). */
export function start(command: string, args: string[], env: NodeJS.ProcessEnv): Started {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, output: () => output };
}

/** Polls `url` until it answers 200, or fails after `timeoutMs`. */
export async function waitForHttp(url: string, started: Started, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) {
      throw new Error(
        `the process exited (${started.child.exitCode}) before answering:\n${started.output()}`,
      );
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${started.output()}`);
}

/** Waits until the process prints `text`, or fails after `timeoutMs`. */
export async function waitForOutput(started: Started, text: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!started.output().includes(text)) {
    if (started.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the process did not print "${text}":\n${started.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends SIGTERM and waits for the exit code (SIGKILL after `timeoutMs`). */
export function stop(started: Started, timeoutMs = 15_000): Promise<number | null> {
  const { child } = started;
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill("SIGTERM");
  });
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) the process has used so far, from /proc (Linux); `undefined`
 * elsewhere. The difference over a run divided by its requests is the server's CPU per request,
 * a figure that holds even when the machine is busy with other work.
 */
export function cpuSeconds(started: Started): number | undefined {
  const pid = started.child.pid;
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const user = Number(fields[11]);
    const system = Number(fields[12]);
    return Number.isFinite(user + system) ? (user + system) / CLOCK_TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The line bench/cache-bytes.ts prints: bytes per cached key, measured in a process of its own
 * (with --expose-gc, and nothing else on its heap); `crossTenant`: with the answers of a
 * keys:verify:any caller too.
 */
export function measureCacheBytes(crossTenant = false): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        "--expose-gc",
        "--import",
        "tsx",
        path.join(ROOT, "bench/cache-bytes.ts"),
        "50000",
        ...(crossTenant ? ["any"] : []),
      ],
      { cwd: ROOT },
      (error, stdout) =>
        error ? reject(error) : resolve(stdout.trim().replace(/^bytes per cached key: /, "")),
    );
  });
}
