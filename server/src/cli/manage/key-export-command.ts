/**
 * `keygate keys export [--format csv|jsonl]`: every key's metadata (never a secret or a hash; the
 * API has neither), all pages, to stdout. JSONL is the key object as the API answers it, one per
 * line; CSV flattens it into the columns below (`rateLimits` as space-separated
 * `name=limit/windowMs`, as `keys import` reads it back).
 */

import { type Command, Option } from "commander";
import { stringify } from "csv-stringify/sync";
import type { KeyObject } from "./key-view.js";
import { type ManageIo, manageAction, type SessionOptions, withSessionOptions } from "./session.js";

interface ExportOptions extends SessionOptions {
  format: "csv" | "jsonl";
  status?: "active" | "disabled" | "revoked" | "expired";
  app?: string;
}

export const EXPORT_COLUMNS: [string, (key: KeyObject) => string | number | boolean | null][] = [
  ["id", (key) => key.id],
  ["name", (key) => key.name],
  ["kind", (key) => key.kind],
  ["start", (key) => key.start],
  ["status", (key) => key.status],
  ["enabled", (key) => key.enabled],
  ["appId", (key) => key.appId],
  ["externalId", (key) => key.externalId],
  ["environment", (key) => key.environment],
  ["scopes", (key) => key.scopes.join(" ")],
  ["meta", (key) => JSON.stringify(key.meta)],
  ["expiresAt", (key) => key.expiresAt],
  ["ipAllowlist", (key) => key.ipAllowlist.join(" ")],
  ["rateLimit.limit", (key) => key.rateLimit?.limit ?? null],
  ["rateLimit.windowMs", (key) => key.rateLimit?.windowMs ?? null],
  [
    "rateLimits",
    (key) => key.rateLimits.map((limit) => `${limit.name}=${limit.limit}/${limit.windowMs}`).join(" "),
  ],
  ["quota.remaining", (key) => key.quota?.remaining ?? null],
  ["usageCount", (key) => key.usageCount],
  ["lastUsedAt", (key) => key.lastUsedAt],
  ["createdAt", (key) => key.createdAt],
  ["revokedAt", (key) => key.revokedAt],
];

const csvLine = (cells: (string | number | boolean | null)[]) =>
  stringify([cells.map((cell) => (cell === null ? "" : String(cell)))]).replace(/\n$/, "");

export function registerKeyExportCommand(keys: Command, io: ManageIo): void {
  withSessionOptions(
    keys
      .command("export")
      .description("print every key's metadata (never secrets or hashes) as CSV or JSON Lines")
      .addOption(new Option("--format <format>", "output format").choices(["csv", "jsonl"]).default("jsonl"))
      .addOption(
        new Option("--status <status>", "only keys with this status").choices([
          "active",
          "disabled",
          "revoked",
          "expired",
        ]),
      )
      .option("--app <appId>", "only the keys of this app"),
    false,
  ).action(
    manageAction<ExportOptions>(io, async (session, _args, options) => {
      const query = {
        limit: 100,
        ...(options.status !== undefined && { status: options.status }),
        ...(options.app !== undefined && { appId: options.app }),
      };
      if (options.format === "csv") session.out(csvLine(EXPORT_COLUMNS.map(([name]) => name)));
      await session.call(async (keygate) => {
        for await (const key of keygate.keys.listAll(query)) {
          session.out(
            options.format === "csv"
              ? csvLine(EXPORT_COLUMNS.map(([, cell]) => cell(key)))
              : JSON.stringify(key),
          );
        }
      });
    }),
  );
}
