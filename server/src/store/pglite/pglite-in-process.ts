/**
 * The embedded store in the calling thread, for tests: the same PGlite, options and extensions as
 * the worker thread (`pglite-worker.ts`) opens, without the thread. It opens in about half the
 * time (no worker to start, no TypeScript loader inside it), at the price the thread exists to
 * avoid: store work runs on the event loop. Production always uses the thread.
 */
import { setImmediate } from "node:timers/promises";
import { PGlite } from "@electric-sql/pglite";
import { PGLITE_EXTENSIONS } from "./pglite-extensions.js";
import { pgliteAssets } from "./pglite-thread.js";

const INT8_OID = 20;
const NUMERIC_OID = 1700;

export interface PgliteInProcessOptions {
  dataDir?: string | undefined;
  loadDataDir?: Blob | undefined;
}

/** Opens PGlite here, with the WebAssembly compiled once per process. */
export async function openPgliteInProcess(options: PgliteInProcessOptions): Promise<PGlite> {
  const assets = await pgliteAssets();
  return PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    pgliteWasmModule: assets.pgliteWasmModule,
    initdbWasmModule: assets.initdbWasmModule,
    // The bundle is read from a file into an ArrayBuffer, never a SharedArrayBuffer.
    fsBundle: new Blob([assets.fsBundle as Uint8Array<ArrayBuffer>]),
    parsers: { [INT8_OID]: Number, [NUMERIC_OID]: Number },
    extensions: PGLITE_EXTENSIONS,
  });
}

/**
 * Runs one statement and answers in a later turn of the event loop, as an answer from the thread
 * arrives. PGlite in this thread answers through promises alone; a loop of queries would then
 * never let timers and I/O callbacks (an argon2 hash finishing) run.
 */
export async function queryYielding(
  client: PGlite,
  sql: string,
  params?: unknown[],
): Promise<Awaited<ReturnType<PGlite["query"]>>> {
  try {
    return await client.query(sql, params);
  } finally {
    await setImmediate();
  }
}
