import type { PGliteOptions } from "@electric-sql/pglite";

/** The messages between the store's main-thread side ({@link PgliteThread}) and its worker. */

/** A compiled WebAssembly module, as PGlite takes it. */
export type WasmModule = NonNullable<PGliteOptions["pgliteWasmModule"]>;

/** PGlite's WebAssembly and file bundle, compiled and read once per process. */
export interface PgliteAssets {
  pgliteWasmModule: WasmModule;
  initdbWasmModule: WasmModule;
  fsBundle: Uint8Array;
}

/** What the worker needs to open PGlite. */
export interface PgliteWorkerData {
  dataDir: string | undefined;
  /** A PGlite data dump (`dumpDataDir`) to start from. */
  loadDataDir: Uint8Array | undefined;
  assets: PgliteAssets;
}

export type ToWorker = { type: "query"; id: number; sql: string; params: unknown[] } | { type: "close" };

/** A PostgreSQL error as it crosses the thread: its message and the fields callers read. */
export interface SerializedError {
  message: string;
  name?: string;
  code?: string;
  severity?: string;
  detail?: string;
  hint?: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
}

export type FromWorker =
  | { type: "ready" }
  | { type: "failed"; error: SerializedError }
  | { type: "result"; id: number; rows: unknown[]; affectedRows: number | undefined }
  | { type: "error"; id: number; error: SerializedError }
  | { type: "closed" };

const ERROR_FIELDS = [
  "name",
  "code",
  "severity",
  "detail",
  "hint",
  "constraint",
  "table",
  "column",
  "schema",
] as const;

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { message: String(error) };
  const out: SerializedError = { message: error.message };
  for (const field of ERROR_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === "string") out[field] = value;
  }
  return out;
}

/** An Error with the same message and fields as the one thrown in the worker. */
export function deserializeError(serialized: SerializedError): Error {
  const { message, ...fields } = serialized;
  return Object.assign(new Error(message), fields);
}
