/**
 * Reads a key import file into rows for `POST /v1/keys/import`, each with its line number:
 * `.jsonl` (one ImportRow object per line) or `.csv` (a header row of the columns below; an
 * unknown or repeated column refuses the whole file, exit 2). A cell that cannot be converted
 * (bad JSON, "maybe" for enabled) refuses that row alone, as the server refuses a bad row.
 *
 * CSV columns (only hash and name are required; an empty cell means "not given"):
 * hash, name, start, appId, externalId, scopes (space-separated), meta (a JSON object), expiresAt
 * (ISO), ipAllowlist (space-separated CIDRs), enabled (true/false), rateLimit.limit,
 * rateLimit.windowMs (the limit named default), rateLimits (space-separated `name=limit/windowMs`,
 * such as `requests=100/60000 burst=10/1000`; not with rateLimit.*), quota.remaining,
 * quota.refill.amount, quota.refill.interval.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { RequestBody } from "@keygate/sdk";
import { parse } from "csv-parse";
import { UsageError } from "./manage-errors.js";

/** One key of `POST /v1/keys/import` (the SDK's type, from /openapi.json). */
export type ImportRow = RequestBody<"keys.import">["keys"][number];

/** A row to send, or one refused before sending; `line` is the file's line number (1-based). */
export type FileRow = { line: number; row: ImportRow } | { line: number; code: string; message: string };

export const CSV_COLUMNS = [
  "hash",
  "name",
  "start",
  "appId",
  "externalId",
  "scopes",
  "meta",
  "expiresAt",
  "ipAllowlist",
  "enabled",
  "rateLimit.limit",
  "rateLimit.windowMs",
  "rateLimits",
  "quota.remaining",
  "quota.refill.amount",
  "quota.refill.interval",
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: CsvColumn[] = ["hash", "name"];

export type ImportFormat = "csv" | "jsonl";

export function formatOf(file: string, given: ImportFormat | undefined): ImportFormat {
  if (given) return given;
  if (/\.csv$/i.test(file)) return "csv";
  if (/\.(jsonl|ndjson)$/i.test(file)) return "jsonl";
  throw new UsageError(
    `--file: cannot tell the format of ${file}: name it .csv or .jsonl, or add --format csv|jsonl`,
  );
}

/** Lines of the file (for the progress bar's total), counted without holding the file. */
export async function countLines(file: string): Promise<number> {
  const handle = await open(file);
  let lines = 0;
  let last = 10;
  try {
    for await (const chunk of handle.createReadStream({ highWaterMark: 1 << 20 })) {
      const bytes = chunk as Buffer;
      for (let index = bytes.indexOf(10); index !== -1; index = bytes.indexOf(10, index + 1)) lines += 1;
      last = bytes.at(-1) ?? last;
    }
  } finally {
    await handle.close();
  }
  return last === 10 ? lines : lines + 1;
}

class CellError extends Error {}

const words = (text: string) => text.split(/\s+/).filter((item) => item !== "");

function wholeNumber(column: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new CellError(`${column}: must be a whole number (got "${text}")`);
  return Number(text);
}

/** One CSV record (cells by column) as an ImportRow. */
function rowOfCells(cells: Partial<Record<CsvColumn, string>>): ImportRow {
  const given = (column: CsvColumn) => {
    const value = cells[column];
    return value === undefined || value === "" ? undefined : value;
  };
  const row: ImportRow = { hash: cells.hash ?? "", name: cells.name ?? "" };
  const start = given("start");
  if (start !== undefined) row.start = start;
  const appId = given("appId");
  if (appId !== undefined) row.appId = appId;
  const externalId = given("externalId");
  if (externalId !== undefined) row.externalId = externalId;
  const scopes = given("scopes");
  if (scopes !== undefined) row.scopes = words(scopes);
  const meta = given("meta");
  if (meta !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(meta);
    } catch {
      throw new CellError("meta: must be a JSON object");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new CellError("meta: must be a JSON object");
    }
    row.meta = parsed as Record<string, never>;
  }
  const expiresAt = given("expiresAt");
  if (expiresAt !== undefined) row.expiresAt = expiresAt;
  const ipAllowlist = given("ipAllowlist");
  if (ipAllowlist !== undefined) row.ipAllowlist = words(ipAllowlist);
  const enabled = given("enabled");
  if (enabled !== undefined) {
    if (enabled !== "true" && enabled !== "false")
      throw new CellError(`enabled: must be true or false (got "${enabled}")`);
    row.enabled = enabled === "true";
  }
  const limit = given("rateLimit.limit");
  const windowMs = given("rateLimit.windowMs");
  if ((limit === undefined) !== (windowMs === undefined)) {
    throw new CellError("rateLimit.limit and rateLimit.windowMs: give both or neither");
  }
  if (limit !== undefined && windowMs !== undefined) {
    row.rateLimit = {
      limit: wholeNumber("rateLimit.limit", limit),
      windowMs: wholeNumber("rateLimit.windowMs", windowMs),
    };
  }
  const rateLimits = given("rateLimits");
  if (rateLimits !== undefined) {
    // Both ways of giving limits go to the server, which refuses the row as it refuses such a body.
    row.rateLimits = words(rateLimits).map((item) => {
      const match = /^([^=]+)=(\d+)\/(\d+)$/.exec(item);
      if (!match?.[1] || !match[2] || !match[3])
        throw new CellError(`rateLimits: "${item}" is not name=limit/windowMs (such as requests=100/60000)`);
      return { name: match[1], limit: Number(match[2]), windowMs: Number(match[3]) };
    });
  }
  const remaining = given("quota.remaining");
  const refillAmount = given("quota.refill.amount");
  const refillInterval = given("quota.refill.interval");
  if (remaining === undefined && (refillAmount !== undefined || refillInterval !== undefined)) {
    throw new CellError("quota.refill.*: needs quota.remaining");
  }
  if (remaining !== undefined) {
    if ((refillAmount === undefined) !== (refillInterval === undefined)) {
      throw new CellError("quota.refill.amount and quota.refill.interval: give both or neither");
    }
    row.quota = {
      remaining: wholeNumber("quota.remaining", remaining),
      ...(refillAmount !== undefined &&
        refillInterval !== undefined && {
          refill: {
            amount: wholeNumber("quota.refill.amount", refillAmount),
            interval: refillInterval as "minute" | "hour" | "day" | "week" | "month",
          },
        }),
    };
  }
  return row;
}

/** Checks the header: every column known, none twice, hash and name present. */
function checkHeader(header: string[]): CsvColumn[] {
  const known = new Set<string>(CSV_COLUMNS);
  const unknown = header.filter((column) => !known.has(column));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((column) => `"${column}"`).join(", ")} in the CSV header; the columns are: ${CSV_COLUMNS.join(", ")}`,
    );
  }
  const twice = header.filter((column, index) => header.indexOf(column) !== index);
  if (twice.length > 0) throw new UsageError(`column "${twice[0]}" appears twice in the CSV header`);
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0)
    throw new UsageError(
      `the CSV header needs the column${missing.length > 1 ? "s" : ""} ${missing.join(" and ")}`,
    );
  return header as CsvColumn[];
}

async function* csvRows(file: string): AsyncGenerator<FileRow> {
  const parser = createReadStream(file).pipe(
    parse({ info: true, bom: true, skip_empty_lines: true, trim: true, relax_column_count: false }),
  );
  let columns: CsvColumn[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!columns) {
        columns = checkHeader(record);
        continue;
      }
      const cells: Partial<Record<CsvColumn, string>> = {};
      columns.forEach((column, index) => {
        cells[column] = record[index] ?? "";
      });
      try {
        yield { line: info.lines, row: rowOfCells(cells) };
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        yield { line: info.lines, code: "VALIDATION_FAILED", message: error.message };
      }
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("CSV_"))
      throw new UsageError(`${file}: ${(error as Error).message}`);
    throw error;
  }
  if (!columns)
    throw new UsageError(`${file} is empty: it needs a header row (${REQUIRED_COLUMNS.join(",")},...)`);
}

async function* jsonlRows(file: string): AsyncGenerator<FileRow> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === "") continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      yield { line, code: "VALIDATION_FAILED", message: "not JSON" };
      continue;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      yield { line, code: "VALIDATION_FAILED", message: "must be a JSON object (an ImportRow)" };
      continue;
    }
    yield { line, row: parsed as ImportRow };
  }
}

/** The file's rows in order; throws UsageError for a file that cannot be read as the format at all. */
export function readImportFile(file: string, format: ImportFormat): AsyncGenerator<FileRow> {
  return format === "csv" ? csvRows(file) : jsonlRows(file);
}
