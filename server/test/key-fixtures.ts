/**
 * Test keys written straight into the store, as the key contract says (a `keys` row and its
 * `key_secrets`), so verifier tests need nothing of the key lifecycle. Changes made here publish the
 * key's secret hashes on invalidation, as the lifecycle does after every change.
 */

import { newId } from "../src/domain/ids.js";
import { generateKey, generateSharedKey, hashSecret, keyStart } from "../src/domain/key-format.js";
import { publishKeyChange } from "../src/domain/keys/invalidate-key.js";
import { insertCurrentSecret } from "../src/domain/keys/key-store.js";
import type { Environment, KeyKind, KeyUpdate } from "../src/store/schema.js";
import type { TestService } from "./harness.js";

export interface FixtureKeyOptions {
  kind?: KeyKind;
  name?: string;
  prefix?: string;
  appId?: string | null;
  environment?: Environment;
  scopes?: string[];
  meta?: Record<string, unknown>;
  expiresAt?: Date | null;
  ipAllowlist?: string[];
  /** The limit named default (as the API's `rateLimit`); the other limits come from `rateLimits`. */
  rateLimit?: { limit: number; windowMs: number } | null;
  /** Named rate limits; with `rateLimit` too, the default comes first. */
  rateLimits?: { name: string; limit: number; windowMs: number }[];
  quota?: { remaining: number; refill?: { amount: number; interval: string } | null } | null;
  enabled?: boolean;
  revoked?: boolean;
  deleted?: boolean;
  /** Use this secret instead of a new one (to test a key first seen as unknown). */
  secret?: string;
}

export interface FixtureKey {
  id: string;
  workspaceId: string;
  kind: KeyKind;
  /** The token (kind token) or the Secret Key (kind pair). */
  secret: string;
  /** The Shared Key of a pair. */
  sharedKey: string | null;
  /** What a verify request presents for this key. */
  credential: { key: string } | { sharedKey: string; secretKey: string };
}

/** A key's row and the fixture that describes it, before they are written. */
function buildKey(workspaceId: string, at: Date, options: FixtureKeyOptions) {
  const kind = options.kind ?? "token";
  const prefix = options.prefix ?? "acme";
  const secret = options.secret ?? generateKey(prefix);
  const sharedKey = kind === "pair" ? generateSharedKey(prefix) : null;
  const id = newId("key");
  const row = {
    id,
    workspace_id: workspaceId,
    app_id: options.appId ?? null,
    kind,
    name: options.name ?? "test key",
    environment: options.environment ?? "production",
    prefix,
    start: keyStart(sharedKey ?? secret),
    shared_key: sharedKey,
    scopes: JSON.stringify(options.scopes ?? []),
    meta: JSON.stringify(options.meta ?? {}),
    expires_at: options.expiresAt ?? null,
    ip_allowlist: JSON.stringify(options.ipAllowlist ?? []),
    rate_limits: JSON.stringify([
      ...(options.rateLimit ? [{ name: "default", ...options.rateLimit }] : []),
      ...(options.rateLimits ?? []),
    ]),
    quota_remaining: options.quota ? options.quota.remaining : null,
    quota_refill: options.quota?.refill ? JSON.stringify(options.quota.refill) : null,
    quota_refilled_at: options.quota ? at : null,
    enabled: options.enabled ?? true,
    revoked_at: options.revoked ? at : null,
    revoked_reason: null,
    rotated_at: null,
    deleted_at: options.deleted ? at : null,
    last_used_at: null,
    last_used_ip: null,
    created_by: null,
    created_at: at,
    updated_at: at,
  };
  const key: FixtureKey = {
    id,
    workspaceId,
    kind,
    secret,
    sharedKey,
    credential: sharedKey === null ? { key: secret } : { sharedKey, secretKey: secret },
  };
  return { row, key };
}

/** Inserts an active key (and its current secret) into the workspace. */
export async function insertKey(
  service: TestService,
  workspaceId: string,
  options: FixtureKeyOptions = {},
): Promise<FixtureKey> {
  const at = service.clock.now();
  const { row, key } = buildKey(workspaceId, at, options);
  await service.store.db.transaction().execute(async (trx) => {
    await trx.insertInto("keys").values(row).execute();
    await insertCurrentSecret(trx, row, hashSecret(key.secret), at);
  });
  return key;
}

/**
 * Inserts `count` keys alike but for their ids and secrets, in one statement for the keys and one
 * for their secrets (seeding hundreds of keys one by one costs seconds).
 */
export async function insertKeys(
  service: TestService,
  workspaceId: string,
  count: number,
  options: Omit<FixtureKeyOptions, "secret"> = {},
): Promise<FixtureKey[]> {
  const at = service.clock.now();
  const built = Array.from({ length: count }, () => buildKey(workspaceId, at, options));
  if (built.length === 0) return [];
  await service.store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("keys")
      .values(built.map(({ row }) => row))
      .execute();
    await trx
      .insertInto("key_secrets")
      .values(
        built.map(({ key }) => ({
          secret_hash: hashSecret(key.secret),
          key_id: key.id,
          workspace_id: workspaceId,
          expires_at: null,
          created_at: at,
        })),
      )
      .execute();
  });
  return built.map(({ key }) => key);
}

/** Changes the key's row and invalidates its cached records, as a lifecycle change does. */
export async function updateKey(service: TestService, keyId: string, changes: KeyUpdate): Promise<void> {
  await service.store.db.updateTable("keys").set(changes).where("id", "=", keyId).execute();
  await publishKeyChange(service.ctx, [keyId]);
}

/**
 * Rotates the key as the lifecycle does: a new current secret, and the old one kept until
 * `graceEndsAt`. Returns the key with its new secret.
 */
export async function rotateKey(
  service: TestService,
  key: FixtureKey,
  graceEndsAt: Date,
): Promise<FixtureKey> {
  const secret = generateKey(key.secret.slice(0, key.secret.lastIndexOf("_")));
  const at = service.clock.now();
  await service.store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("key_secrets")
      .set({ expires_at: graceEndsAt })
      .where("key_id", "=", key.id)
      .where("expires_at", "is", null)
      .execute();
    await insertCurrentSecret(trx, { id: key.id, workspace_id: key.workspaceId }, hashSecret(secret), at);
    await trx.updateTable("keys").set({ rotated_at: at, updated_at: at }).where("id", "=", key.id).execute();
  });
  await publishKeyChange(service.ctx, [key.id]);
  return {
    ...key,
    secret,
    credential: key.sharedKey === null ? { key: secret } : { sharedKey: key.sharedKey, secretKey: secret },
  };
}

/** The key's row as the store holds it now. */
export async function keyRow(service: TestService, keyId: string) {
  return service.store.db.selectFrom("keys").selectAll().where("id", "=", keyId).executeTakeFirstOrThrow();
}
