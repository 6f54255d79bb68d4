/**
 * The embedded store as the main thread sees it: PGlite running in its own worker thread
 * (`pglite-worker.ts`), reached by messages. It offers what the Kysely PGlite dialect uses of a
 * PGlite instance (`query` and `close`), so the rest of the code cannot tell the difference,
 * while every query runs beside the event loop instead of on it: a cache-hit verification is never
 * held up by the store's work.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker, type WorkerOptions } from "node:worker_threads";
import type { PGlite } from "@electric-sql/pglite";
import {
  deserializeError,
  type FromWorker,
  type PgliteAssets,
  type PgliteWorkerData,
  type ToWorker,
  type WasmModule,
} from "./messages.js";

export interface PgliteThreadOptions {
  dataDir?: string | undefined;
  loadDataDir?: Blob | undefined;
}

interface Pending {
  resolve: (result: { rows: unknown[]; affectedRows?: number }) => void;
  reject: (error: Error) => void;
}

let assets: Promise<PgliteAssets> | undefined;

/** The WebAssembly global (Node has it; the project's type libraries do not declare it). */
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule> } })
  .WebAssembly;

/**
 * PGlite's WebAssembly, compiled once per process and handed to every store's thread: compiling it
 * in each new thread would add about a second to every store that opens.
 */
export function pgliteAssets(): Promise<PgliteAssets> {
  assets ??= (async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
    const compile = async (file: string) => wasm.compile(await readFile(path.join(dist, file)));
    const [pgliteWasmModule, initdbWasmModule, fsBundle] = await Promise.all([
      compile("pglite.wasm"),
      compile("initdb.wasm"),
      readFile(path.join(dist, "pglite.data")),
    ]);
    return { pgliteWasmModule, initdbWasmModule, fsBundle: new Uint8Array(fsBundle) };
  })();
  return assets;
}

/**
 * Built, the worker is the JavaScript beside this file. From the sources (tests, tsx scripts) it is
 * TypeScript, loaded through tsx (a development dependency) registered inside the worker.
 */
function spawnWorker(options: WorkerOptions): Worker {
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./pglite-worker.js", import.meta.url), options);
  const source = new URL("./pglite-worker.ts", import.meta.url).href;
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

export class PgliteThread {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closing: Promise<void> | undefined;
  /** Set once the worker is gone: every query after it fails with this. */
  private gone: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (message: FromWorker) => this.receive(message));
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) =>
      this.fail(new Error(`the embedded store's thread stopped (exit code ${code})`)),
    );
  }

  /** Starts the worker and opens PGlite in it; rejects when PGlite cannot open. */
  static async start(options: PgliteThreadOptions): Promise<PgliteThread> {
    const data: PgliteWorkerData = {
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir ? new Uint8Array(await options.loadDataDir.arrayBuffer()) : undefined,
      assets: await pgliteAssets(),
    };
    const worker = spawnWorker({
      workerData: data,
      transferList: data.loadDataDir ? [data.loadDataDir.buffer as ArrayBuffer] : [],
    });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: FromWorker) => {
        if (message.type !== "ready" && message.type !== "failed") return;
        worker.off("message", onMessage);
        worker.off("error", reject);
        if (message.type === "ready") resolve();
        else reject(deserializeError(message.error));
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
    }).catch(async (error: unknown) => {
      await worker.terminate();
      throw error;
    });
    return new PgliteThread(worker);
  }

  /** Runs one statement in the worker: its rows, or the PostgreSQL error (same message and code). */
  query(sql: string, params: unknown[] = []): Promise<{ rows: unknown[]; affectedRows?: number }> {
    if (this.gone) return Promise.reject(this.gone);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: "query", id, sql, params } satisfies ToWorker);
    });
  }

  /** Closes PGlite (writing it to its folder) and stops the worker; safe to call twice. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.gone) return;
      const exited = new Promise<void>((resolve) => this.worker.once("exit", () => resolve()));
      this.worker.postMessage({ type: "close" } satisfies ToWorker);
      await exited;
    })();
    return this.closing;
  }

  /** This object as the Kysely PGlite dialect's client (it calls `query` and `close` only). */
  asPglite(): PGlite {
    return this as unknown as PGlite;
  }

  private receive(message: FromWorker): void {
    if (message.type === "closed") {
      void this.worker.terminate();
      return;
    }
    if (message.type !== "result" && message.type !== "error") return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.type === "error") pending.reject(deserializeError(message.error));
    else
      pending.resolve(
        message.affectedRows === undefined
          ? { rows: message.rows }
          : { rows: message.rows, affectedRows: message.affectedRows },
      );
  }

  private fail(error: Error): void {
    this.gone ??= error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
