/**
 * Aligned tables for human output: a header row, then one row per item, columns two spaces apart
 * and padded by their visible width (colour codes do not count); the last column is not padded.
 */
import { stripVTControlCharacters } from "node:util";
import type { Style } from "./style.js";

export interface Column<Row> {
  header: string;
  cell(row: Row): string;
  /** Numbers align right. */
  align?: "left" | "right";
}

const visibleWidth = (text: string) => stripVTControlCharacters(text).length;

function pad(text: string, width: number, align: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, width - visibleWidth(text)));
  return align === "right" ? fill + text : text + fill;
}

/** The table's lines; just the header when there are no rows. */
export function renderTable<Row>(columns: Column<Row>[], rows: readonly Row[], style: Style): string[] {
  const cells = rows.map((row) => columns.map((column) => column.cell(row)));
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...cells.map((line) => visibleWidth(line[index] ?? ""))),
  );
  const line = (values: string[]) =>
    values
      .map((value, index) => {
        const last = index === values.length - 1;
        const align = columns[index]?.align ?? "left";
        return last && align === "left" ? value : pad(value, widths[index] ?? 0, align);
      })
      .join("  ")
      .trimEnd();
  return [style.paint("bold", line(columns.map((column) => column.header))), ...cells.map(line)];
}

/** "label  value" lines for one item (`keys get`), labels aligned. */
export function renderFields(fields: [string, string][], style: Style): string[] {
  const width = Math.max(...fields.map(([label]) => label.length));
  return fields.map(([label, value]) => `${style.paint("gray", label.padEnd(width))}  ${value}`.trimEnd());
}
