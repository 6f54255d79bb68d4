/**
 * `keygate audit list [--follow]`: the workspace's audit trail. Without --follow, one page newest
 * first (the API's order); with --follow, the latest events oldest first and then each new one as
 * it happens (polled), like `tail -f`; with --json, one event per line (JSON Lines).
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { AnswerOf } from "@keygate/sdk";
import type { Command } from "commander";
import { parseDurationMs, parseSince, parseWholeNumber } from "./option-parsers.js";
import {
  type ManageIo,
  manageAction,
  type Session,
  type SessionOptions,
  withSessionOptions,
} from "./session.js";
import { relativeTime } from "./style.js";
import { renderTable } from "./table.js";

type AuditEvent = AnswerOf<"auditEvents.list">["data"][number];

interface AuditOptions extends SessionOptions {
  action?: string;
  target?: string;
  actor?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
  follow?: boolean;
  interval: number;
}

const actorOf = (event: AuditEvent) => event.actor.label ?? event.actor.id ?? event.actor.type;

function eventCells(event: AuditEvent, session: Session, now: Date): string[] {
  return [
    `${event.createdAt} (${relativeTime(event.createdAt, now)})`,
    session.style.paint("cyan", event.action),
    actorOf(event),
    event.target?.id ?? "",
  ];
}

/** One line of --follow: the time, then the action padded so the columns mostly line up. */
function followLine(event: AuditEvent, session: Session): string {
  const action =
    session.style.paint("cyan", event.action) + " ".repeat(Math.max(0, 24 - event.action.length));
  return `${event.createdAt}  ${action}  ${actorOf(event)}  ${event.target?.id ?? ""}`.trimEnd();
}

function eventTable(events: readonly AuditEvent[], session: Session): string[] {
  const now = session.now();
  const cell = (index: number) => (event: AuditEvent) => eventCells(event, session, now)[index] ?? "";
  return renderTable(
    [
      { header: "TIME", cell: cell(0) },
      { header: "ACTION", cell: cell(1) },
      { header: "ACTOR", cell: cell(2) },
      { header: "TARGET", cell: cell(3) },
    ],
    events,
    session.style,
  );
}

async function follow(session: Session, options: AuditOptions, query: Record<string, string>): Promise<void> {
  const seen = new Set<string>();
  let since: string | undefined = options.from;
  const print = (events: AuditEvent[]) => {
    for (const event of events) {
      if (session.json) session.out(JSON.stringify(event));
      else session.out(followLine(event, session));
    }
  };
  const stop = session.terminal.stop;
  let first = true;
  while (!stop?.aborted) {
    const page = await session.call((keygate) =>
      keygate.auditEvents.list({
        ...query,
        ...(since !== undefined && { from: since }),
        limit: first ? (options.limit ?? 20) : 100,
      }),
    );
    const fresh = page.data.filter((event) => !seen.has(event.id)).reverse();
    for (const event of fresh) seen.add(event.id);
    since = fresh.at(-1)?.createdAt ?? since;
    print(fresh);
    first = false;
    try {
      await sleep(options.interval, undefined, stop ? { signal: stop } : {});
    } catch {
      return;
    }
  }
}

export function registerAuditCommands(audit: Command, io: ManageIo): void {
  withSessionOptions(
    audit
      .command("list")
      .description("list audit events, newest first; --follow prints new ones as they happen")
      .option("--action <action>", "only this action, such as key.revoked")
      .option("--target <id>", "only events about this key, app, Api...")
      .option("--actor <id>", "only events by this user or root key")
      .option(
        "--from <when>",
        "ISO time or a duration back from now (7d)",
        parseSince(() => io.clock.now()),
      )
      .option(
        "--to <when>",
        "ISO time or a duration back from now",
        parseSince(() => io.clock.now()),
      )
      .option("--limit <n>", "events per page (1-100)", parseWholeNumber)
      .option("--cursor <cursor>", "the page after this cursor")
      .option("-f, --follow", "keep printing new events (oldest first) until interrupted")
      .option("--interval <duration>", "how often --follow asks for new events", parseDurationMs, 2000),
  ).action(
    manageAction<AuditOptions>(io, async (session, _args, options) => {
      const query = {
        ...(options.action !== undefined && { action: options.action }),
        ...(options.target !== undefined && { targetId: options.target }),
        ...(options.actor !== undefined && { actorId: options.actor }),
        ...(options.to !== undefined && { to: options.to }),
      };
      if (options.follow) return follow(session, options, query);
      const page = await session.call((keygate) =>
        keygate.auditEvents.list({
          ...query,
          ...(options.from !== undefined && { from: options.from }),
          ...(options.limit !== undefined && { limit: options.limit }),
          ...(options.cursor !== undefined && { cursor: options.cursor }),
        }),
      );
      if (session.json) return session.printJson(page);
      for (const line of eventTable(page.data, session)) session.out(line);
      if (page.nextCursor) session.err(`keygate: more events: add --cursor ${page.nextCursor}`);
    }),
  );
}
