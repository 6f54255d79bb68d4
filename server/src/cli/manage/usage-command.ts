/**
 * `keygate usage <key-id>`: a key's verifications per hour or day as a bar chart drawn with
 * unicode blocks (eighths for the fraction), then the totals per outcome.
 */
import type { AnswerOf } from "@keygate/sdk";
import { type Command, Option } from "commander";
import { parseSince } from "./option-parsers.js";
import {
  type ManageIo,
  manageAction,
  type Session,
  type SessionOptions,
  withSessionOptions,
} from "./session.js";

type Usage = AnswerOf<"keys.usage">;
type Outcome = keyof Usage["data"][number]["counts"];

const BAR_WIDTH = 40;
const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/** A bar of `value / max` of `width` cells, to the eighth of a cell. */
export function bar(value: number, max: number, width = BAR_WIDTH): string {
  if (max <= 0 || value <= 0) return "";
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return "█".repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? "");
}

const bucketLabel = (bucket: string, granularity: Usage["granularity"]) =>
  granularity === "hour" ? `${bucket.slice(0, 10)} ${bucket.slice(11, 16)}` : bucket.slice(0, 10);

export function usageChart(usage: Usage, session: Session): string[] {
  const max = Math.max(0, ...usage.data.map((bucket) => bucket.total));
  const countWidth = max.toLocaleString("en").length;
  const lines = [`Verifications of ${usage.keyId} per ${usage.granularity} (UTC):`];
  for (const bucket of usage.data) {
    const drawn =
      session.style.paint("cyan", bar(bucket.total, max)) +
      " ".repeat(BAR_WIDTH - bar(bucket.total, max).length);
    const count = bucket.total.toLocaleString("en").padStart(countWidth);
    lines.push(`${bucketLabel(bucket.bucket, usage.granularity)}  ${drawn}  ${count}`.trimEnd());
  }
  const totals = new Map<Outcome, number>();
  for (const bucket of usage.data) {
    for (const [outcome, count] of Object.entries(bucket.counts) as [Outcome, number][]) {
      totals.set(outcome, (totals.get(outcome) ?? 0) + count);
    }
  }
  const grand = [...totals.values()].reduce((sum, count) => sum + count, 0);
  const parts = [...totals.entries()]
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => (a === "VALID" ? -1 : b === "VALID" ? 1 : a.localeCompare(b)))
    .map(
      ([outcome, count]) =>
        `${session.style.paint(outcome === "VALID" ? "green" : "red", outcome)} ${count.toLocaleString("en")}`,
    );
  lines.push(`Total ${grand.toLocaleString("en")}${parts.length > 0 ? `: ${parts.join(", ")}` : ""}`);
  return lines;
}

interface UsageOptions extends SessionOptions {
  granularity?: "hour" | "day";
  from?: string;
  to?: string;
}

export function registerUsageCommand(program: Command, io: ManageIo): void {
  withSessionOptions(
    program
      .command("usage")
      .description("a key's verifications per hour or day, as a bar chart with the totals per outcome")
      .argument("<key-id>", "the key's id")
      .addOption(new Option("--granularity <size>", "bucket size").choices(["hour", "day"]).default("hour"))
      .option(
        "--from <when>",
        "ISO time or a duration back from now (default: 24 hours or 30 days)",
        parseSince(() => io.clock.now()),
      )
      .option(
        "--to <when>",
        "ISO time or a duration back from now (default: now)",
        parseSince(() => io.clock.now()),
      ),
  ).action(
    manageAction<UsageOptions>(io, async (session, [id = ""], options) => {
      const usage = await session.call((keygate) =>
        keygate.keys.usage(id, {
          ...(options.granularity !== undefined && { granularity: options.granularity }),
          ...(options.from !== undefined && { from: options.from }),
          ...(options.to !== undefined && { to: options.to }),
        }),
      );
      if (session.json) return session.printJson(usage);
      for (const line of usageChart(usage, session)) session.out(line);
    }),
  );
}
