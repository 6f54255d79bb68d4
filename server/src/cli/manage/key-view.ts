/** How keys look in human output: the list's table, one key's fields, and the status's colour. */
import type { AnswerOf } from "@keygate/sdk";
import type { Session } from "./session.js";
import { relativeTime, type Style } from "./style.js";
import { type Column, renderFields, renderTable } from "./table.js";

export type KeyObject = AnswerOf<"keys.get">;

const STATUS_COLOUR = { active: "green", disabled: "yellow", revoked: "red", expired: "gray" } as const;

export const paintStatus = (style: Style, status: KeyObject["status"]) =>
  style.paint(STATUS_COLOUR[status], status);

export function keyTable(keys: readonly KeyObject[], session: Session): string[] {
  const now = session.now();
  const columns: Column<KeyObject>[] = [
    { header: "ID", cell: (key) => key.id },
    { header: "NAME", cell: (key) => key.name },
    { header: "START", cell: (key) => key.start },
    { header: "STATUS", cell: (key) => paintStatus(session.style, key.status) },
    { header: "USES", cell: (key) => key.usageCount.toLocaleString("en"), align: "right" },
    { header: "LAST USED", cell: (key) => relativeTime(key.lastUsedAt, now) },
    { header: "EXPIRES", cell: (key) => relativeTime(key.expiresAt, now, "never") },
    { header: "CREATED", cell: (key) => relativeTime(key.createdAt, now) },
  ];
  return renderTable(columns, keys, session.style);
}

const when = (iso: string | null, now: Date, never = "never") =>
  iso === null ? never : `${iso} (${relativeTime(iso, now)})`;

export function keyFields(key: KeyObject, session: Session): string[] {
  const now = session.now();
  const fields: [string, string][] = [
    ["id", key.id],
    ["name", key.name],
    ["kind", key.kind],
    ["start", key.start],
    ["status", paintStatus(session.style, key.status)],
    ["app", key.appId ?? "none"],
    ["externalId", key.externalId ?? "none"],
    ["scopes", key.scopes.length > 0 ? key.scopes.join(" ") : "none"],
    ["meta", JSON.stringify(key.meta)],
    ["expires", when(key.expiresAt, now)],
    ["ip allowlist", key.ipAllowlist.length > 0 ? key.ipAllowlist.join(" ") : "any address"],
    [
      "rate limits",
      key.rateLimits.length > 0
        ? key.rateLimits.map((limit) => `${limit.name} ${limit.limit} per ${limit.windowMs} ms`).join(", ")
        : "none",
    ],
    ["quota", key.quota ? `${key.quota.remaining} left` : "none"],
    ["uses", key.usageCount.toLocaleString("en")],
    [
      "last used",
      key.lastUsedAt
        ? `${when(key.lastUsedAt, now)}${key.lastUsedIp ? ` from ${key.lastUsedIp}` : ""}`
        : "never",
    ],
    ["created", when(key.createdAt, now)],
  ];
  if (key.sharedKey) fields.splice(4, 0, ["shared key", key.sharedKey]);
  if (key.rotatedAt) fields.push(["rotated", when(key.rotatedAt, now)]);
  if (key.revokedAt)
    fields.push(["revoked", `${when(key.revokedAt, now)}: ${key.revokedReason ?? "no reason given"}`]);
  return renderFields(fields, session.style);
}
