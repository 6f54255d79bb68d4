/**
 * Changing a webhook endpoint: editing its URL, events, description and whether it is on;
 * rotating its signing secret (the old one stops signing at once: the sender opens the sealed
 * secret for each attempt); deleting it with its deliveries and their log. Re-enabling it or
 * pointing it elsewhere clears `failing_since`. Each change is audited, never with the secret.
 */
import { recordAudit } from "../audit/record-audit.js";
import type { Caller } from "../keys/key-access.js";
import { actorOf } from "../principal.js";
import { assertWebhookUrl, lockWebhook, type WebhookDeps } from "./webhook-endpoints.js";
import {
  type PublicWebhook,
  toPublicWebhook,
  type UpdateWebhookInput,
  type WebhookWithSecret,
} from "./webhook-object.js";
import { issueWebhookSecret } from "./webhook-secret.js";

const sameList = (a: readonly string[], b: readonly string[]) => JSON.stringify(a) === JSON.stringify(b);

export async function updateWebhook(
  deps: WebhookDeps,
  caller: Caller,
  id: string,
  input: UpdateWebhookInput,
): Promise<PublicWebhook> {
  if (input.url !== undefined) assertWebhookUrl(deps.config, input.url);
  const now = deps.clock.now();
  const workspaceId = caller.principal.workspaceId;
  return deps.store.db.transaction().execute(async (trx) => {
    const row = await lockWebhook(trx, workspaceId, id);
    const next = { ...row };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (input.url !== undefined && input.url !== row.url) {
      changes.url = { from: row.url, to: input.url };
      next.url = input.url;
      next.failing_since = null;
    }
    if (input.events !== undefined && !sameList(input.events, row.events)) {
      changes.events = { from: row.events, to: input.events };
      next.events = input.events;
    }
    if (input.description !== undefined && input.description !== row.description) {
      changes.description = { from: row.description, to: input.description };
      next.description = input.description;
    }
    if (input.enabled !== undefined && input.enabled !== row.enabled) {
      changes.enabled = { from: row.enabled, to: input.enabled };
      next.enabled = input.enabled;
      if (input.enabled) next.failing_since = null;
    }
    if (Object.keys(changes).length === 0) return toPublicWebhook(row);
    next.updated_at = now;
    await trx
      .updateTable("webhook_endpoints")
      .set({
        url: next.url,
        events: JSON.stringify(next.events),
        description: next.description,
        enabled: next.enabled,
        failing_since: next.failing_since,
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: actorOf(caller.principal, caller.ip),
      action: "webhook.updated",
      target: { type: "webhook", id },
      details: { url: next.url, fields: Object.keys(changes), changes },
      at: now,
    });
    return toPublicWebhook(next);
  });
}

/** A new signing secret, shown once; the old one signs nothing from now on. */
export async function rotateWebhookSecret(
  deps: WebhookDeps,
  caller: Caller,
  id: string,
): Promise<WebhookWithSecret> {
  const now = deps.clock.now();
  const workspaceId = caller.principal.workspaceId;
  const { secret, ciphertext } = await issueWebhookSecret(deps.secrets, id);
  return deps.store.db.transaction().execute(async (trx) => {
    const row = await lockWebhook(trx, workspaceId, id);
    await trx
      .updateTable("webhook_endpoints")
      .set({ secret_ciphertext: ciphertext, updated_at: now })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: actorOf(caller.principal, caller.ip),
      action: "webhook.secret_rotated",
      target: { type: "webhook", id },
      details: { url: row.url },
      at: now,
    });
    return { ...toPublicWebhook({ ...row, updated_at: now }), secret };
  });
}

/** Deletes the endpoint, its deliveries and their attempts (the events of others stay). */
export async function deleteWebhook(deps: WebhookDeps, caller: Caller, id: string): Promise<void> {
  const now = deps.clock.now();
  const workspaceId = caller.principal.workspaceId;
  await deps.store.db.transaction().execute(async (trx) => {
    const row = await lockWebhook(trx, workspaceId, id);
    await trx.deleteFrom("webhook_endpoints").where("id", "=", id).execute();
    await recordAudit(trx, {
      workspaceId,
      actor: actorOf(caller.principal, caller.ip),
      action: "webhook.deleted",
      target: { type: "webhook", id },
      details: { url: row.url, events: row.events },
      at: now,
    });
  });
}
