/**
 * How human output looks: colour through node:util's styleText on a terminal (none when stdout is
 * piped or NO_COLOR is set), and times relative to now ("5 minutes ago", "in 3 days").
 */
import { styleText } from "node:util";

export type Colour = "green" | "yellow" | "red" | "cyan" | "gray" | "bold" | "dim";

export interface Style {
  readonly colour: boolean;
  paint(colour: Colour, text: string): string;
}

/** Colour only on a TTY and only without NO_COLOR (any value, as no-color.org says). */
export function styleFor(stdoutIsTTY: boolean, env: NodeJS.ProcessEnv): Style {
  const colour = stdoutIsTTY && env.NO_COLOR === undefined;
  return {
    colour,
    paint: (name, text) => (colour && text !== "" ? styleText(name, text, { validateStream: false }) : text),
  };
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600_000],
  ["month", 30 * 24 * 3600_000],
  ["week", 7 * 24 * 3600_000],
  ["day", 24 * 3600_000],
  ["hour", 3600_000],
  ["minute", 60_000],
  ["second", 1000],
];
const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** `iso` relative to `now`: "just now" within 10 s, else the largest whole unit ("2 hours ago"). */
export function relativeTime(iso: string | null, now: Date, never = "never"): string {
  if (iso === null) return never;
  const difference = new Date(iso).getTime() - now.getTime();
  if (Math.abs(difference) < 10_000) return "just now";
  for (const [unit, size] of UNITS) {
    if (Math.abs(difference) >= size) return RELATIVE.format(Math.trunc(difference / size), unit);
  }
  return "just now";
}
