/**
 * The audit trail as CSV: one header row, then one row per event with its details as JSON.
 * Streams, so a 100,000-event export never sits whole in memory.
 */
import { pipeline, Readable } from "node:stream";
import { type Stringifier, stringify } from "csv-stringify";
import type { AuditEventRow } from "../../store/schema.js";

export const AUDIT_CSV_COLUMNS = [
  "id",
  "created_at",
  "action",
  "actor_type",
  "actor_id",
  "target_type",
  "target_id",
  "ip",
  "details",
] as const;

type CsvRecord = Record<(typeof AUDIT_CSV_COLUMNS)[number], string | null>;

export function toCsvRecord(row: AuditEventRow): CsvRecord {
  return {
    id: row.id,
    created_at: row.created_at.toISOString(),
    action: row.action,
    actor_type: row.actor_type,
    actor_id: row.actor_id,
    target_type: row.target_type,
    target_id: row.target_id,
    ip: row.ip,
    details: JSON.stringify(row.details ?? {}),
  };
}

async function* records(rows: AsyncIterable<AuditEventRow>): AsyncGenerator<CsvRecord> {
  for await (const row of rows) yield toCsvRecord(row);
}

/** A CSV stream of the events; a failure mid-way ends the stream and is passed to `onError`. */
export function auditCsvStream(
  rows: AsyncIterable<AuditEventRow>,
  onError: (error: Error) => void,
): Stringifier {
  return pipeline(
    Readable.from(records(rows)),
    stringify({ header: true, columns: [...AUDIT_CSV_COLUMNS] }),
    (error) => {
      if (error) onError(error);
    },
  );
}
