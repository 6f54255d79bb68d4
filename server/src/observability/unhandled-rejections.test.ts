/**
 * An unhandled rejection, for real, in a process of its own (in a test worker the test runner
 * would catch it first): without the guard Node exits; with it the process logs, counts and lives.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, "../../..");

/** Runs a module script that leaves one rejection unhandled, guarded or not. */
function runRejecting(guarded: boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = `
    import pino from "pino";
    const { createMetrics } = await import(${JSON.stringify(path.join(here, "metrics.ts"))});
    const { guardUnhandledRejections } = await import(${JSON.stringify(path.join(here, "unhandled-rejections.ts"))});
    const metrics = createMetrics();
    if (${guarded}) guardUnhandledRejections(process, pino(), metrics.unhandledRejections);
    Promise.reject(new Error("the store went away"));
    setTimeout(async () => {
      const [counted] = (await metrics.unhandledRejections.get()).values;
      process.stdout.write(JSON.stringify({ counted: counted?.value }) + "\\n");
    }, 50);
  `;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      { cwd: ROOT },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

describe("unhandled rejections", () => {
  it("end an unguarded process, as Node does by default", async () => {
    const run = await runRejecting(false);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("the store went away");
  });

  it("are logged at error level and counted by the guard, and the process lives on", async () => {
    const run = await runRejecting(true);
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        msg: "unhandled promise rejection (the process keeps running)",
        err: expect.objectContaining({ type: "Error", message: "the store went away" }),
      }),
      { counted: 1 },
    ]);
  });
});
