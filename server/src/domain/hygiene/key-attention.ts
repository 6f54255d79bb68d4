/**
 * The attention badges of a key: what about it wants a person's look, judged from its row, the
 * time and its workspace's hygiene policy. The same rule twice, side by side: {@link attentionOf}
 * for a row in hand (the key object) and {@link attentionIs} as SQL (the `attention` filter of the
 * key list), so a filtered list shows exactly the keys that carry the badge.
 *
 * - `rotation_due`: the rotation reminder is on and the key's secret (its last rotation, else its
 *   creation) is older than it;
 * - `unused`: no verification (else its creation) for longer than the workspace's unused days;
 * - `no_expiry`: no `expiresAt`;
 * - `expiring_soon`: expires within 7 days, and has not yet;
 * - `leaked`: its secret was reported found in public (the last report is `leak`).
 *
 * Only a live key (neither revoked nor deleted nor expired) gets badges other than `leaked`.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import type { Database, KeyRow } from "../../store/schema.js";
import { type AttentionPolicy, DAY_MS, EXPIRING_SOON_DAYS } from "./hygiene-policy.js";

export const ATTENTION_BADGES = ["rotation_due", "unused", "no_expiry", "expiring_soon", "leaked"] as const;
export type AttentionBadge = (typeof ATTENTION_BADGES)[number];

type AttentionRow = Pick<
  KeyRow,
  "revoked_at" | "deleted_at" | "expires_at" | "rotated_at" | "created_at" | "last_used_at" | "leaked_at"
>;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** The badges of a key at `now`, in the order of {@link ATTENTION_BADGES}. */
export function attentionOf(row: AttentionRow, now: Date, policy: AttentionPolicy): AttentionBadge[] {
  const badges: AttentionBadge[] = [];
  const at = now.getTime();
  const expired = row.expires_at !== null && row.expires_at.getTime() <= at;
  if (row.revoked_at === null && row.deleted_at === null && !expired) {
    const days = policy.rotation_reminder_days;
    if (days !== null && (row.rotated_at ?? row.created_at).getTime() < daysBefore(now, days).getTime())
      badges.push("rotation_due");
    if ((row.last_used_at ?? row.created_at).getTime() < daysBefore(now, policy.unused_key_days).getTime())
      badges.push("unused");
    if (row.expires_at === null) badges.push("no_expiry");
    else if (row.expires_at.getTime() <= at + EXPIRING_SOON_DAYS * DAY_MS) badges.push("expiring_soon");
  }
  if (row.leaked_at !== null) badges.push("leaked");
  return badges;
}

type Keys = ExpressionBuilder<Database, "keys">;

/** Neither revoked nor expired (the list reads only keys that are not deleted). */
function live(eb: Keys, now: Date) {
  return eb.and([
    eb("keys.revoked_at", "is", null),
    eb.or([eb("keys.expires_at", "is", null), eb("keys.expires_at", ">", now)]),
  ]);
}

/** The SQL form of {@link attentionOf}: the key (not deleted) has this badge at `now`. */
export function attentionIs(
  eb: Keys,
  badge: AttentionBadge,
  now: Date,
  policy: AttentionPolicy,
): Expression<SqlBool> {
  switch (badge) {
    case "rotation_due": {
      const days = policy.rotation_reminder_days;
      if (days === null) return sql<SqlBool>`false`;
      return eb.and([
        live(eb, now),
        eb(eb.fn.coalesce("keys.rotated_at", "keys.created_at"), "<", daysBefore(now, days)),
      ]);
    }
    case "unused":
      return eb.and([
        live(eb, now),
        eb(
          eb.fn.coalesce("keys.last_used_at", "keys.created_at"),
          "<",
          daysBefore(now, policy.unused_key_days),
        ),
      ]);
    case "no_expiry":
      return eb.and([eb("keys.revoked_at", "is", null), eb("keys.expires_at", "is", null)]);
    case "expiring_soon":
      return eb.and([
        eb("keys.revoked_at", "is", null),
        eb("keys.expires_at", ">", now),
        eb("keys.expires_at", "<=", new Date(now.getTime() + EXPIRING_SOON_DAYS * DAY_MS)),
      ]);
    case "leaked":
      return eb("keys.leaked_at", "is not", null);
  }
}

/** The key has any badge at `now`. */
export function anyAttention(eb: Keys, now: Date, policy: AttentionPolicy): Expression<SqlBool> {
  return eb.or(ATTENTION_BADGES.map((badge) => attentionIs(eb, badge, now, policy)));
}
