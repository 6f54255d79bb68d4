/**
 * `keygate keys import --file keys.csv|keys.jsonl [--dry-run] [--batch-size 1000]`: sends the
 * file's rows to `POST /v1/keys/import` in batches (two in flight, so reading the file and the
 * server's work overlap), with a progress bar on a terminal, and reports what was imported,
 * skipped (already there: re-runs are safe) and refused, by line number. Exit code 1 when any row
 * was refused. See import-file.ts for the formats.
 */
import type { Keygate } from "@keygate/sdk";
import { type Command, InvalidArgumentError, Option } from "commander";
import {
  countLines,
  type FileRow,
  formatOf,
  type ImportFormat,
  type ImportRow,
  readImportFile,
} from "./import-file.js";
import { ImportProgress } from "./import-progress.js";
import { RefusedError, UsageError } from "./manage-errors.js";
import { parseWholeNumber } from "./option-parsers.js";
import {
  type ManageIo,
  manageAction,
  type Session,
  type SessionOptions,
  withSessionOptions,
} from "./session.js";

interface ImportOptions extends SessionOptions {
  file: string;
  format?: ImportFormat;
  dryRun?: boolean;
  batchSize: number;
}

/** The whole import's outcome, by line of the file. */
export interface ImportOutcome {
  dryRun: boolean;
  imported: { line: number; id: string }[];
  skipped: { line: number; id: string; reason: string }[];
  refused: { line: number; code: string; message: string }[];
}

const IN_FLIGHT = 2;
const MAX_BATCH = 1000;

interface Batch {
  lines: number[];
  rows: ImportRow[];
}

async function sendBatch(
  session: Session,
  batch: Batch,
  dryRun: boolean,
  outcome: ImportOutcome,
): Promise<void> {
  const report = await session.call((keygate: Keygate) => keygate.keys.import({ keys: batch.rows, dryRun }));
  const lineOf = (index: number) => batch.lines[index] ?? -1;
  for (const item of report.imported) outcome.imported.push({ line: lineOf(item.index), id: item.id });
  for (const item of report.skipped)
    outcome.skipped.push({ line: lineOf(item.index), id: item.id, reason: item.reason });
  for (const item of report.refused) {
    outcome.refused.push({ line: lineOf(item.index), code: item.code, message: item.message });
  }
}

async function importFile(session: Session, options: ImportOptions): Promise<ImportOutcome> {
  const format = formatOf(options.file, options.format);
  const total = await countLines(options.file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(
      `--file: cannot read ${options.file}: ${error.code === "ENOENT" ? "no such file" : error.message}`,
    );
  });
  const rowsTotal = format === "csv" ? Math.max(0, total - 1) : total;
  const progress = new ImportProgress(session.terminal, rowsTotal, Date.now());
  const outcome: ImportOutcome = { dryRun: options.dryRun === true, imported: [], skipped: [], refused: [] };
  const inFlight = new Set<Promise<void>>();
  let done = 0;
  let refusedHere = 0;
  let failure: unknown;
  const launch = (batch: Batch) => {
    const sent = sendBatch(session, batch, outcome.dryRun, outcome)
      .then(() => {
        done += batch.rows.length;
        progress.update(done + refusedHere);
      })
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(sent));
    inFlight.add(sent);
  };
  let batch: Batch = { lines: [], rows: [] };
  for await (const item of readImportFile(options.file, format) as AsyncGenerator<FileRow>) {
    if (failure) break;
    if ("row" in item) {
      batch.lines.push(item.line);
      batch.rows.push(item.row);
    } else {
      outcome.refused.push({ line: item.line, code: item.code, message: item.message });
      refusedHere += 1;
    }
    if (batch.rows.length >= options.batchSize) {
      launch(batch);
      batch = { lines: [], rows: [] };
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
  }
  if (!failure && batch.rows.length > 0) launch(batch);
  await Promise.all(inFlight);
  progress.finish(done + refusedHere);
  if (failure) {
    const through = outcome.imported.length + outcome.skipped.length;
    const message = failure instanceof Error ? failure.message : String(failure);
    throw new RefusedError(
      `${message} (the import stopped after ${through.toLocaleString("en")} rows were through${outcome.dryRun ? "" : "; run it again to go on: imported rows are skipped"})`,
    );
  }
  outcome.refused.sort((a, b) => a.line - b.line);
  return outcome;
}

function printReport(session: Session, outcome: ImportOutcome, elapsedMs: number): void {
  const count = (n: number) => n.toLocaleString("en");
  const rows = outcome.imported.length + outcome.skipped.length + outcome.refused.length;
  const rate = elapsedMs > 0 ? Math.round((rows / elapsedMs) * 1000) : rows;
  const verb = outcome.dryRun ? "Dry run, nothing written: would import" : "Imported";
  session.out(
    `${verb} ${count(outcome.imported.length)}, skipped ${count(outcome.skipped.length)} (already imported), refused ${count(outcome.refused.length)}; ${count(rows)} rows in ${(elapsedMs / 1000).toFixed(1)} s (${count(rate)} rows/s).`,
  );
  for (const refusal of outcome.refused) {
    session.out(`line ${refusal.line}: ${session.style.paint("red", refusal.code)}: ${refusal.message}`);
  }
}

export function registerKeyImportCommand(keys: Command, io: ManageIo): void {
  withSessionOptions(
    keys
      .command("import")
      .description("import keys made elsewhere, by the SHA-256 of their secrets, from a CSV or JSONL file")
      .requiredOption(
        "--file <path>",
        "keys.csv (columns: see keygate keys import --help) or keys.jsonl (one ImportRow per line)",
      )
      .addOption(
        new Option("--format <format>", "the file's format (default: from its extension)").choices([
          "csv",
          "jsonl",
        ]),
      )
      .option("--dry-run", "check every row and report, writing nothing")
      .option(
        "--batch-size <rows>",
        `rows per request (1-${MAX_BATCH})`,
        (value: string) => {
          const size = parseWholeNumber(value);
          if (size < 1 || size > MAX_BATCH) throw new InvalidArgumentError(`must be from 1 to ${MAX_BATCH}.`);
          return size;
        },
        MAX_BATCH,
      )
      .addHelpText(
        "after",
        `
CSV columns (a header row; only hash and name are required; an empty cell means not given):
  hash                   SHA-256 of the whole key: 64 hex characters, or base64 / base64url
  name, start, appId, externalId
  scopes, ipAllowlist    space-separated
  meta                   a JSON object
  expiresAt              ISO time
  enabled                true or false
  rateLimit.limit, rateLimit.windowMs
                         the limit named default
  rateLimits             every named limit: space-separated name=limit/windowMs (requests=100/60000)
  quota.remaining, quota.refill.amount, quota.refill.interval
A column not in this list refuses the file (exit code 2). Exit code 1 when any row was refused.`,
      ),
  ).action(
    manageAction<ImportOptions>(io, async (session, _args, options) => {
      const started = Date.now();
      const outcome = await importFile(session, options);
      if (session.json) session.printJson(outcome);
      else printReport(session, outcome, Date.now() - started);
      if (outcome.refused.length > 0) throw new RefusedError("");
    }),
  );
}
