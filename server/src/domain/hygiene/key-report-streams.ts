/**
 * The key hygiene report as a stream, JSON (`{ generatedAt, policy, keys: [...] }`) or CSV (a
 * header row, then one key per row, breaches and badges joined with `;`, written by csv-stringify
 * as the audit export is), so a report of 100,000 keys is sent as it is read, never held whole.
 */
import { pipeline, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { toPublicHygienePolicy } from "./hygiene-policy.js";
import type { KeyReport, ReportKey } from "./key-report.js";

export const KEY_REPORT_CSV_COLUMNS = [
  "id",
  "name",
  "start",
  "appId",
  "environment",
  "status",
  "createdAt",
  "ageDays",
  "lastRotatedAt",
  "lastUsedAt",
  "lastUsedIp",
  "expiresAt",
  "breaches",
  "attention",
] as const;

type CsvRecord = Record<(typeof KEY_REPORT_CSV_COLUMNS)[number], string | number | null>;

function toCsvRecord(key: ReportKey): CsvRecord {
  return { ...key, breaches: key.breaches.join(";"), attention: key.attention.join(";") };
}

async function* csvRecords(keys: AsyncIterable<ReportKey>): AsyncGenerator<CsvRecord> {
  for await (const key of keys) yield toCsvRecord(key);
}

async function* jsonChunks(report: KeyReport): AsyncGenerator<string> {
  const head = {
    generatedAt: report.generatedAt.toISOString(),
    policy: toPublicHygienePolicy(report.policy),
  };
  yield `${JSON.stringify(head).slice(0, -1)},"keys":[`;
  let first = true;
  for await (const key of report.keys) {
    yield `${first ? "" : ","}${JSON.stringify(key)}`;
    first = false;
  }
  yield "]}";
}

/** The report as JSON text; a failure mid-way ends the stream and is passed to `onError`. */
export function keyReportJsonStream(report: KeyReport, onError: (error: Error) => void): Readable {
  const source = Readable.from(jsonChunks(report));
  source.on("error", onError);
  return source;
}

/** The report's keys as CSV; a failure mid-way ends the stream and is passed to `onError`. */
export function keyReportCsvStream(report: KeyReport, onError: (error: Error) => void): Readable {
  return pipeline(
    Readable.from(csvRecords(report.keys)),
    stringify({ header: true, columns: [...KEY_REPORT_CSV_COLUMNS] }),
    (error) => {
      if (error) onError(error);
    },
  );
}
