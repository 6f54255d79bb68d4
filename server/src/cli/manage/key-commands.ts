/**
 * `keygate keys list|get|create|update|enable|disable|rotate|revoke|delete` (verify, import and
 * export live in their own files). Secrets appear only in the answers of create and rotate: on
 * stdout, with a warning on stderr.
 */
import type { RequestBody } from "@keygate/sdk";
import { type Command, Option } from "commander";
import { confirmOrStop } from "./confirm.js";
import { type KeyObject, keyFields, keyTable, paintStatus } from "./key-view.js";
import { UsageError } from "./manage-errors.js";
import {
  type NamedRateLimitValue,
  parseDurationMs,
  parseExpiry,
  parseJsonObject,
  parseList,
  parseQuota,
  parseRateLimit,
  parseRateLimits,
  parseWholeNumber,
  type RateLimitValue,
} from "./option-parsers.js";
import { addDeleteCommand } from "./resource-commands.js";
import {
  type ManageIo,
  manageAction,
  type Session,
  type SessionOptions,
  withSessionOptions,
} from "./session.js";

interface ListOptions extends SessionOptions {
  search?: string;
  app?: string;
  status?: "active" | "disabled" | "revoked" | "expired";
  externalId?: string;
  limit?: number;
  cursor?: string;
  all?: boolean;
}

/** A setting that "none" clears: commander keeps a parser's null as "" (see {@link noneAsNull}). */
type Clearable<T> = T | null | "";

interface SettingOptions extends SessionOptions {
  name?: string;
  scopes?: string[];
  meta?: Record<string, unknown>;
  expiresAt?: Clearable<string>;
  ipAllowlist?: string[];
  rateLimit?: Clearable<RateLimitValue>;
  rateLimits?: NamedRateLimitValue[];
  quota?: Clearable<{ remaining: number }>;
}

interface CreateOptions extends SettingOptions {
  kind?: "token" | "pair";
  app?: string;
  prefix?: string;
  externalId?: string;
}

const STATUSES = ["active", "disabled", "revoked", "expired"] as const;

function addSettingOptions(command: Command, io: ManageIo): Command {
  return command
    .option("--scopes <scopes>", "scopes, space- or comma-separated", parseList)
    .option("--meta <json>", "JSON object returned on every valid verification", parseJsonObject)
    .option(
      "--expires-at <when>",
      'ISO time, duration from now (30d), or "none"',
      parseExpiry(() => io.clock.now()),
    )
    .option("--ip-allowlist <cidrs>", "CIDRs the key may be used from, space- or comma-separated", parseList)
    .option(
      "--rate-limit <limit/window>",
      'the limit named default, such as 100/1m, or "none" (the key\'s other limits stay)',
      parseRateLimit,
    )
    .option(
      "--rate-limits <limits>",
      'every named limit (at most 5), such as "requests=100/1m burst=10/1s" (repeatable), or "none"',
      parseRateLimits,
    )
    .option("--quota <uses>", 'uses left, or "none"', parseQuota);
}

/** A parser's null ("none"), which commander stores as "", as the API's null. */
const noneAsNull = <T>(value: Clearable<T>): T | null => (value === "" ? null : value);

/** The settings given on the command line, as the API's fields. */
function settingsOf(options: SettingOptions) {
  if (options.rateLimit !== undefined && options.rateLimits !== undefined) {
    throw new UsageError(
      "give --rate-limit (the limit named default) or --rate-limits (every limit), not both",
    );
  }
  return {
    ...(options.scopes !== undefined && { scopes: options.scopes }),
    ...(options.meta !== undefined && { meta: options.meta }),
    ...(options.expiresAt !== undefined && { expiresAt: noneAsNull(options.expiresAt) }),
    ...(options.ipAllowlist !== undefined && { ipAllowlist: options.ipAllowlist }),
    ...(options.rateLimit !== undefined && { rateLimit: noneAsNull(options.rateLimit) }),
    ...(options.rateLimits !== undefined && { rateLimits: options.rateLimits }),
    ...(options.quota !== undefined && { quota: noneAsNull(options.quota) }),
  };
}

/** Prints a created or rotated key's secret on stdout (the rest on stderr) and the once-warning. */
function printSecret(
  session: Session,
  verb: string,
  answer: KeyObject & { key?: string | null; secretKey?: string | null },
): void {
  if (session.json) session.printJson(answer);
  else {
    session.err(`${verb} key ${answer.id} "${answer.name}" (${answer.start}).`);
    if (answer.key) session.out(answer.key);
    if (answer.secretKey) {
      if (answer.sharedKey) session.out(`shared key: ${answer.sharedKey}`);
      session.out(`secret key: ${answer.secretKey}`);
    }
  }
  session.warnSecretShownOnce();
}

function printChanged(session: Session, verb: string, key: KeyObject): void {
  if (session.json) session.printJson(key);
  else session.out(`${verb} key ${key.id} "${key.name}": now ${paintStatus(session.style, key.status)}.`);
}

async function listKeys(session: Session, options: ListOptions): Promise<void> {
  const query = {
    ...(options.search !== undefined && { search: options.search }),
    ...(options.app !== undefined && { appId: options.app }),
    ...(options.status !== undefined && { status: options.status }),
    ...(options.externalId !== undefined && { externalId: options.externalId }),
  };
  if (options.all) {
    const keys = await session.call(async (keygate) => {
      const all: KeyObject[] = [];
      for await (const key of keygate.keys.listAll({ ...query, limit: 100 })) all.push(key);
      return all;
    });
    if (session.json) return session.printJson({ data: keys, nextCursor: null });
    for (const line of keyTable(keys, session)) session.out(line);
    return;
  }
  const page = await session.call((keygate) =>
    keygate.keys.list({
      ...query,
      ...(options.limit !== undefined && { limit: options.limit }),
      ...(options.cursor !== undefined && { cursor: options.cursor }),
    }),
  );
  if (session.json) return session.printJson(page);
  for (const line of keyTable(page.data, session)) session.out(line);
  if (page.nextCursor) session.err(`keygate: more keys: add --cursor ${page.nextCursor} (or --all)`);
}

export function registerKeyCommands(keys: Command, io: ManageIo): void {
  withSessionOptions(
    keys
      .command("list")
      .description("list keys, newest first (one page; --all for every page)")
      .option("--search <text>", "part of a name, a key's start, a key id or a whole key")
      .option("--app <appId>", "only the keys of this app")
      .addOption(new Option("--status <status>", "only keys with this status").choices(STATUSES))
      .option("--external-id <id>", "only the keys of this end user or customer")
      .option("--limit <n>", "keys per page (1-100)", parseWholeNumber)
      .option("--cursor <cursor>", "the page after this cursor")
      .option("--all", "every page"),
  ).action(manageAction<ListOptions>(io, (session, _args, options) => listKeys(session, options)));

  withSessionOptions(keys.command("get").description("show one key").argument("<id>", "the key's id")).action(
    manageAction(io, async (session, [id = ""]) => {
      const key = await session.call((keygate) => keygate.keys.get(id));
      if (session.json) return session.printJson(key);
      for (const line of keyFields(key, session)) session.out(line);
    }),
  );

  withSessionOptions(
    addSettingOptions(
      keys
        .command("create")
        .description("create a key; its secret is printed once, on stdout")
        .requiredOption("--name <name>", "what the key is for")
        .addOption(
          new Option("--kind <kind>", "one secret, or a shared and a secret key").choices(["token", "pair"]),
        )
        .option("--app <appId>", "the app the key belongs to")
        .option("--prefix <prefix>", "the key's prefix (default: the workspace's)")
        .option("--external-id <id>", "the end user or customer the key is for"),
      io,
    ),
  ).action(
    manageAction<CreateOptions>(io, async (session, _args, options) => {
      const body: RequestBody<"keys.create"> = {
        name: options.name ?? "",
        ...(options.kind !== undefined && { kind: options.kind }),
        ...(options.app !== undefined && { appId: options.app }),
        ...(options.prefix !== undefined && { prefix: options.prefix }),
        ...(options.externalId !== undefined && { externalId: options.externalId }),
        ...settingsOf(options),
      };
      const created = await session.call((keygate) => keygate.keys.create(body));
      printSecret(session, "Created", created);
    }),
  );

  withSessionOptions(
    addSettingOptions(
      keys
        .command("update")
        .description("change a key's settings")
        .argument("<id>", "the key's id")
        .option("--name <name>", "a new name"),
      io,
    ),
  ).action(
    manageAction<SettingOptions>(io, async (session, [id = ""], options) => {
      const body: RequestBody<"keys.update"> = {
        ...(options.name !== undefined && { name: options.name }),
        ...settingsOf(options),
      };
      if (Object.keys(body).length === 0) {
        throw new UsageError(
          "nothing to change: give --name, --scopes, --meta, --expires-at, --ip-allowlist, --rate-limit, --rate-limits or --quota",
        );
      }
      const key = await session.call((keygate) => keygate.keys.update(id, body));
      printChanged(session, "Updated", key);
    }),
  );

  for (const [name, verb] of [
    ["enable", "Enabled"],
    ["disable", "Disabled"],
  ] as const) {
    withSessionOptions(
      keys
        .command(name)
        .description(
          name === "enable"
            ? "switch a disabled key back on"
            : "switch a key off (reversible; refused at once everywhere)",
        )
        .argument("<id>", "the key's id"),
    ).action(
      manageAction(io, async (session, [id = ""]) => {
        const key = await session.call((keygate) => keygate.keys[name](id));
        printChanged(session, verb, key);
      }),
    );
  }

  withSessionOptions(
    keys
      .command("rotate")
      .description("issue a new secret for the same key; printed once, on stdout")
      .argument("<id>", "the key's id")
      .option(
        "--grace <duration>",
        "how long the old secret keeps working (60s, 1h; default 0: at once)",
        parseDurationMs,
      ),
  ).action(
    manageAction<SessionOptions & { grace?: number }>(io, async (session, [id = ""], options) => {
      const body =
        options.grace === undefined ? {} : { gracePeriodSeconds: Math.floor(options.grace / 1000) };
      const rotated = await session.call((keygate) => keygate.keys.rotate(id, body));
      printSecret(session, "Rotated", rotated);
    }),
  );

  withSessionOptions(
    keys
      .command("revoke")
      .description("revoke a key for good (asks first unless --yes)")
      .argument("<id>", "the key's id")
      .option("--reason <reason>", "why, for the record")
      .option("-y, --yes", "do not ask for confirmation"),
  ).action(
    manageAction<SessionOptions & { reason?: string; yes?: boolean }>(
      io,
      async (session, [id = ""], options) => {
        await confirmOrStop(session, `Revoke key ${id} for good?`, options.yes);
        const body = options.reason === undefined ? {} : { reason: options.reason };
        const key = await session.call((keygate) => keygate.keys.revoke(id, body));
        printChanged(session, "Revoked", key);
      },
    ),
  );

  addDeleteCommand(keys, io, {
    noun: "key",
    description: "delete a key: gone from lists and verification",
    remove: (keygate, id) => keygate.keys.delete(id),
  });
}
