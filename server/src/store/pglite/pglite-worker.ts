/**
 * The embedded store's thread: PGlite (PostgreSQL compiled to WebAssembly) runs here, so its work
 * (a usage flush, a vacuum, a large list) never pauses the main thread that answers verifications.
 * It opens PGlite from the worker data, answers each query message with its rows or its error,
 * and closes PGlite (writing it to its folder) when asked.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { type FromWorker, type PgliteWorkerData, serializeError, type ToWorker } from "./messages.js";
import { PGLITE_EXTENSIONS } from "./pglite-extensions.js";

const INT8_OID = 20;
const NUMERIC_OID = 1700;

const channel = parentPort;
if (!channel) throw new Error("pglite-worker runs as a worker thread");
const post = (message: FromWorker) => channel.postMessage(message);

async function main(): Promise<void> {
  const data = workerData as PgliteWorkerData;
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(data.dataDir ? { dataDir: data.dataDir } : {}),
      ...(data.loadDataDir ? { loadDataDir: new Blob([data.loadDataDir]) } : {}),
      pgliteWasmModule: data.assets.pgliteWasmModule,
      initdbWasmModule: data.assets.initdbWasmModule,
      fsBundle: new Blob([data.assets.fsBundle]),
      parsers: { [INT8_OID]: Number, [NUMERIC_OID]: Number },
      extensions: PGLITE_EXTENSIONS,
    });
  } catch (error) {
    post({ type: "failed", error: serializeError(error) });
    return;
  }
  channel?.on("message", (message: ToWorker) => {
    if (message.type === "close") {
      client.close().then(
        () => post({ type: "closed" }),
        () => post({ type: "closed" }),
      );
      return;
    }
    client.query(message.sql, message.params).then(
      (result) =>
        post({ type: "result", id: message.id, rows: result.rows, affectedRows: result.affectedRows }),
      (error: unknown) => post({ type: "error", id: message.id, error: serializeError(error) }),
    );
  });
  post({ type: "ready" });
}

void main();
