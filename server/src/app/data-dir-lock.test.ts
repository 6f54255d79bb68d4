import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataDirInUseError, LOCK_FILE, lockDataDir } from "./data-dir-lock.js";

describe("lockDataDir", () => {
  let parent: string;
  let n = 0;
  const folder = () => {
    n += 1;
    return path.join(parent, `data-${n}`);
  };
  beforeAll(async () => {
    parent = await mkdtemp(path.join(tmpdir(), "keygate-lock-"));
  });
  afterAll(async () => rm(parent, { recursive: true, force: true }));

  it("creates the folder, writes its pid, and removes the lock on release", async () => {
    const dir = folder();
    const lock = await lockDataDir(dir);
    expect(await readFile(path.join(dir, LOCK_FILE), "utf8")).toBe(`${process.pid}\n`);
    await lock.release();
    await lock.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    await (await lockDataDir(dir)).release();
  });

  it("refuses a folder this process already holds", async () => {
    const dir = folder();
    const lock = await lockDataDir(dir);
    try {
      await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirInUseError);
    } finally {
      await lock.release();
    }
  });

  it("refuses a folder a live process holds, naming its pid", async () => {
    const dir = folder();
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, LOCK_FILE), `${process.ppid}\n`);
    await expect(lockDataDir(dir)).rejects.toThrow(
      `the data folder ${dir} is in use by another Keygate process (pid ${process.ppid}); stop it first, or use DATABASE_URL (PostgreSQL) to run several processes`,
    );
    expect(await readFile(path.join(dir, LOCK_FILE), "utf8")).toBe(`${process.ppid}\n`);
  });

  it("takes over the lock of a process that is gone, a leftover with its own pid, and garbage", async () => {
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid;
    for (const content of [`${gone}\n`, `${process.pid}\n`, "not a pid"]) {
      const dir = folder();
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, LOCK_FILE), content);
      const lock = await lockDataDir(dir);
      expect(await readFile(path.join(dir, LOCK_FILE), "utf8")).toBe(`${process.pid}\n`);
      await lock.release();
    }
  });
});
