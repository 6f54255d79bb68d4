/**
 * The files `keygate scan` reads and what it finds in them. A named file is read as named; a named
 * folder is walked recursively, skipping `.git` and `node_modules` folders and every symbolic link
 * (so the walk never leaves the tree nor loops). A file over 5 MB, or with a NUL byte in its first
 * 8 KB (binary), is skipped. Files are read a few at a time, each in one read, so a repository of
 * 10,000 files takes seconds.
 */
import type { Dirent } from "node:fs";
import * as fs from "node:fs/promises";
import path from "node:path";
import { UsageError } from "./manage/manage-errors.js";
import { findKeys } from "./scan-keys.js";

/** Larger files are not read (generated bundles, dumps, media). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** A NUL byte in this many first bytes makes a file binary. */
const BINARY_SNIFF_BYTES = 8 * 1024;
const SKIPPED_FOLDERS = new Set([".git", "node_modules"]);
/** Files read at once. */
const CONCURRENCY = 16;

export interface Finding {
  /** The file, as named (a walked file: joined to the folder as named). */
  path: string;
  line: number;
  column: number;
  /** The whole secret: the command prints only its start. */
  key: string;
}

export interface ScanResult {
  /** Sorted by path, line and column. */
  findings: Finding[];
  /** Text files read (skipped ones are not counted). */
  scanned: number;
}

async function* walk(folder: string): AsyncGenerator<string> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    // A folder that vanished or cannot be read mid-walk is not the user's mistake.
    if (isNotThere(error)) return;
    throw error;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) yield* walk(file);
    } else if (entry.isFile()) yield file;
  }
}

function isNotThere(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR" || code === "EACCES" || code === "EPERM";
}

/** Every file to read under the named paths; a path that does not exist is a usage error. */
async function* filesOf(paths: string[], cwd: string): AsyncGenerator<string> {
  for (const named of paths) {
    const stats = await fs.stat(path.resolve(cwd, named)).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === "ENOENT")
        throw new UsageError(`${named}: no such file or directory`);
      throw error;
    });
    if (stats.isDirectory()) {
      for await (const file of walk(path.resolve(cwd, named))) {
        yield path.join(named, path.relative(path.resolve(cwd, named), file));
      }
    } else if (stats.isFile()) yield named;
  }
}

/** The text of a file, or undefined when it is too large, binary or gone. */
async function readText(file: string): Promise<string | undefined> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, "r");
  } catch (error) {
    if (isNotThere(error)) return undefined;
    throw error;
  }
  try {
    if ((await handle.stat()).size > MAX_FILE_BYTES) return undefined;
    const content = await handle.readFile();
    if (content.length > MAX_FILE_BYTES || content.subarray(0, BINARY_SNIFF_BYTES).includes(0))
      return undefined;
    return content.toString("utf8");
  } finally {
    await handle.close();
  }
}

function byPosition(a: Finding, b: Finding): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

/**
 * Reads the files under `paths` (resolved against `cwd`) and finds the keys in them.
 * @example await scanPaths(["."], process.cwd()) // { findings: [{ path: ".env", line: 2, ... }], scanned: 120 }
 */
export async function scanPaths(paths: string[], cwd: string): Promise<ScanResult> {
  const findings: Finding[] = [];
  let scanned = 0;
  const files = filesOf(paths, cwd);
  const seen = new Set<string>();
  async function worker(): Promise<void> {
    for (;;) {
      const next = await files.next();
      if (next.done) return;
      const file = next.value;
      const absolute = path.resolve(cwd, file);
      // A file named twice (`scan . src/app.ts`) is read once.
      if (seen.has(absolute)) continue;
      seen.add(absolute);
      const text = await readText(absolute);
      if (text === undefined) continue;
      scanned++;
      for (const found of findKeys(text)) findings.push({ path: file, ...found });
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { findings: findings.sort(byPosition), scanned };
}
