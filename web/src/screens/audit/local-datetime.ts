/**
 * Between the browser's `<input type="datetime-local">` value (the reader's own clock, no zone)
 * and the ISO times the API takes (UTC).
 */

/** "2026-12-01T09:30" in the reader's zone → "2026-12-01T08:30:00.000Z"; undefined when empty or invalid. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** An ISO time → the datetime-local value showing it in the reader's zone. */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return "";
  const local = new Date(time.getTime() - time.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
