/**
 * Leak response: what a report of secrets found in public (GitHub secret scanning) does.
 *
 * Each reported token is first checked by its format and checksum, with no lookup: anything that
 * is not a well-formed Keygate key is a false positive. The rest are looked up by hash, across all
 * workspaces, in one query; a hash no key answers to is a false positive too. A known secret (its
 * key in any state) is a true positive, and in one transaction for the whole report each such key
 * is locked and gets what its workspace's `leak_response` says, when the leaked secret still opens
 * it (the key is neither revoked nor deleted, and the secret is current or in its rotation grace):
 *
 * - `revoke` (the default): revoked for good through {@link revokeKeyRows}, the reason naming the
 *   reporter and the URL;
 * - `disable`: switched off (`key.disabled`, with the same reason), reversible by a person;
 * - `notify`: left as it is.
 *
 * Whatever the policy, the key's `leaked_at` / `leaked_url` record the report and a `key.leaked`
 * event is audited (its trigger writes the `key.leaked` webhook event), its `response` saying what
 * this report did: `revoke` or `disable` when it changed the key, `notify` when it left it as it
 * was (notify policy, or the key already revoked, disabled, deleted, or the secret no longer in
 * use). A key reported twice is revoked once. The caches drop changed keys once the transaction has
 * committed, so every node refuses them at once. Tokens are never logged or stored.
 */
import type { LeakResponse } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { hashSecret, parseKey } from "../key-format.js";
import { collectKeyChange, type KeyChange, publishCollectedKeyChange } from "../keys/invalidate-key.js";
import type { KeyDeps } from "../keys/key-access.js";
import { revokeKeyRows } from "../keys/revoke-key.js";
import type { Actor } from "../principal.js";
import { reportRootKeyLeaks } from "./report-root-key-leaks.js";

/** One secret found in public, as GitHub reports it. */
export interface LeakReport {
  token: string;
  /** The secret type the reporter matched (the partner's name for the format). */
  type: string;
  /** Where it was found. */
  url: string;
  /** What kind of place (`content`, `commit`, `npm`, ...). */
  source: string;
}

export type LeakLabel = "true_positive" | "false_positive";

/** Who reports: a name for the audit trail and reasons (`GitHub secret scanning`), and its address. */
export interface LeakReporter {
  label: string;
  ip: string | null;
}

/** Most reports one call takes (GitHub sends at most this many per request). */
export const MAX_LEAK_REPORTS = 1000;

interface KnownSecret {
  keyId: string;
  expiresAt: Date | null;
}

/**
 * Judges each report and applies the leak response to the keys whose secrets were reported;
 * answers each report's label, in order. Says nothing else about the keys found.
 */
export async function reportLeaks(
  deps: KeyDeps,
  reporter: LeakReporter,
  reports: readonly LeakReport[],
): Promise<LeakLabel[]> {
  const hashes = reports.map((report) =>
    parseKey(report.token) === undefined ? undefined : hashSecret(report.token),
  );
  const known = await knownSecrets(deps, hashes);
  // The rest may be root keys (one indexed lookup for them all, in their own transaction).
  const unknown = reports.flatMap((report, index) => {
    const hash = hashes[index];
    return hash !== undefined && !known.has(hash) ? [{ report, hash }] : [];
  });
  const rootKeys = await reportRootKeyLeaks(
    { db: deps.store.db, invalidation: deps.invalidation },
    { type: "system", id: null, ip: reporter.ip, label: reporter.label },
    deps.clock.now(),
    unknown,
  );
  const labels = hashes.map(
    (hash): LeakLabel =>
      hash !== undefined && (known.has(hash) || rootKeys.has(hash)) ? "true_positive" : "false_positive",
  );
  const found: Array<{ report: LeakReport; secret: KnownSecret }> = [];
  reports.forEach((report, index) => {
    const hash = hashes[index];
    const secret = hash === undefined ? undefined : known.get(hash);
    if (secret !== undefined) found.push({ report, secret });
  });
  if (found.length === 0) return labels;

  const change = await respond(deps, reporter, found);
  await publishCollectedKeyChange(deps, change);
  return labels;
}

/** The keys of these hashes (undefined: not a key), read in one query. */
async function knownSecrets(
  deps: KeyDeps,
  hashes: ReadonlyArray<string | undefined>,
): Promise<Map<string, KnownSecret>> {
  const wanted = [...new Set(hashes.filter((hash): hash is string => hash !== undefined))];
  if (wanted.length === 0) return new Map();
  const rows = await deps.store.db
    .selectFrom("key_secrets")
    .select(["secret_hash", "key_id", "expires_at"])
    .where("secret_hash", "in", wanted)
    .execute();
  return new Map(rows.map((row) => [row.secret_hash, { keyId: row.key_id, expiresAt: row.expires_at }]));
}

/** Applies the leak response of every reported key in one transaction; what the caches must drop. */
async function respond(
  deps: KeyDeps,
  reporter: LeakReporter,
  found: ReadonlyArray<{ report: LeakReport; secret: KnownSecret }>,
): Promise<KeyChange> {
  const now = deps.clock.now();
  const actor: Actor = { type: "system", id: null, ip: reporter.ip, label: reporter.label };
  return deps.store.db.transaction().execute(async (trx) => {
    // Locked in id order, so two reports sharing keys wait for each other instead of deadlocking.
    const keyIds = [...new Set(found.map(({ secret }) => secret.keyId))].sort();
    const rows = await trx
      .selectFrom("keys")
      .selectAll()
      .where("id", "in", keyIds)
      .orderBy("id")
      .forUpdate()
      .execute();
    const current = new Map(rows.map((row) => [row.id, row]));
    const workspaceIds = [...new Set(rows.map((row) => row.workspace_id))];
    const policies = new Map(
      (
        await trx
          .selectFrom("workspaces")
          .select(["id", "leak_response"])
          .where("id", "in", workspaceIds)
          .execute()
      ).map((workspace) => [workspace.id, workspace.leak_response]),
    );

    const changes: KeyChange[] = [];
    const disabled: string[] = [];
    for (const { report, secret } of found) {
      const row = current.get(secret.keyId);
      // A key's secrets go with it, so a found secret has its key; nothing to do if not.
      if (row === undefined) continue;
      const policy: LeakResponse = policies.get(row.workspace_id) ?? "revoke";
      const opens =
        row.revoked_at === null &&
        row.deleted_at === null &&
        (secret.expiresAt === null || secret.expiresAt > now);
      const reason = `leaked: reported by ${reporter.label} at ${report.url}`;
      let response: LeakResponse = "notify";

      if (opens && policy === "revoke") {
        const revoked = await revokeKeyRows(trx, [row], { actor, reason, at: now });
        const [next] = revoked.rows;
        if (next !== undefined) current.set(row.id, next);
        changes.push(revoked.change);
        response = "revoke";
      } else if (opens && policy === "disable" && row.enabled) {
        await trx
          .updateTable("keys")
          .set({ enabled: false, updated_at: now })
          .where("id", "=", row.id)
          .execute();
        await recordAudit(trx, {
          workspaceId: row.workspace_id,
          actor,
          action: "key.disabled",
          target: { type: "key", id: row.id },
          details: { name: row.name, reason },
          at: now,
        });
        current.set(row.id, { ...row, enabled: false, updated_at: now });
        disabled.push(row.id);
        response = "disable";
      }

      await trx
        .updateTable("keys")
        .set({ leaked_at: now, leaked_url: report.url })
        .where("id", "=", row.id)
        .execute();
      await recordAudit(trx, {
        workspaceId: row.workspace_id,
        actor,
        action: "key.leaked",
        target: { type: "key", id: row.id },
        details: {
          name: row.name,
          start: row.start,
          url: report.url,
          source: report.source,
          type: report.type,
          response,
          policy,
        },
        at: now,
      });
    }
    if (disabled.length > 0) changes.push(await collectKeyChange(trx, disabled));
    return { keys: changes.flatMap((change) => change.keys) };
  });
}
