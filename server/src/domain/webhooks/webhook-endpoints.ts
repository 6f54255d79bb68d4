/**
 * A workspace's webhook endpoints: the list, one, and creating one. The URL is judged by the
 * address policy (server/src/webhooks/address-policy.ts) without a DNS lookup; the sender judges
 * every address again on each delivery. A workspace holds at most
 * {@link MAX_WEBHOOKS_PER_WORKSPACE} endpoints; only the operator's may hear every tenant.
 * Each change is audited (`webhook.*`) in its own transaction, never with the secret.
 */
import type { Kysely, Transaction } from "kysely";
import type { AppContext } from "../../app/context.js";
import { conflict, notFound, validationFailed } from "../../errors.js";
import type { Database, WebhookEndpointRow } from "../../store/schema.js";
import { webhookUrlRefusal } from "../../webhooks/address-policy.js";
import { recordAudit } from "../audit/record-audit.js";
import { newId } from "../ids.js";
import type { Caller } from "../keys/key-access.js";
import { newestFirst } from "../paging.js";
import { actorOf } from "../principal.js";
import {
  type CreateWebhookInput,
  MAX_WEBHOOKS_PER_WORKSPACE,
  type PublicWebhook,
  toPublicWebhook,
  type WebhookWithSecret,
} from "./webhook-object.js";
import { issueWebhookSecret } from "./webhook-secret.js";

type Db = Kysely<Database> | Transaction<Database>;

/** What a webhook operation needs from the context. */
export type WebhookDeps = Pick<AppContext, "store" | "clock" | "secrets" | "config">;

/** The endpoint of this workspace; 404 otherwise (another workspace's too). */
export async function findWebhook(db: Db, workspaceId: string, id: string): Promise<WebhookEndpointRow> {
  const row = await db
    .selectFrom("webhook_endpoints")
    .selectAll()
    .where("id", "=", id)
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  if (!row) throw notFound("webhook");
  return row;
}

/** The same, locked for the rest of the transaction (for a change). */
export async function lockWebhook(
  trx: Transaction<Database>,
  workspaceId: string,
  id: string,
): Promise<WebhookEndpointRow> {
  const row = await trx
    .selectFrom("webhook_endpoints")
    .selectAll()
    .where("id", "=", id)
    .where("workspace_id", "=", workspaceId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("webhook");
  return row;
}

export async function listWebhooks(
  db: Db,
  workspaceId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ data: PublicWebhook[]; nextCursor: string | null }> {
  const result = await newestFirst(
    db.selectFrom("webhook_endpoints").selectAll().where("workspace_id", "=", workspaceId),
    page,
  );
  return { data: result.data.map(toPublicWebhook), nextCursor: result.nextCursor };
}

/** Throws `VALIDATION_FAILED` on `url` when the address policy refuses the URL. */
export function assertWebhookUrl(config: WebhookDeps["config"], url: string): void {
  const refusal = webhookUrlRefusal(url, {
    allowHosts: config.webhookAllowHosts,
    allowHttp: config.webhookAllowHttp,
  });
  if (refusal !== undefined) throw validationFailed(`url: ${refusal}`, [{ path: "url", message: refusal }]);
}

const ALL_TENANTS_REFUSAL = "only the operator's workspace can receive every tenant's events";

export async function createWebhook(
  deps: WebhookDeps,
  caller: Caller,
  input: CreateWebhookInput,
): Promise<WebhookWithSecret> {
  assertWebhookUrl(deps.config, input.url);
  const operator = caller.principal.type !== "portal" && caller.principal.operator;
  if (input.allTenants && !operator) {
    throw validationFailed(`allTenants: ${ALL_TENANTS_REFUSAL}`, [
      { path: "allTenants", message: ALL_TENANTS_REFUSAL },
    ]);
  }
  const now = deps.clock.now();
  const workspaceId = caller.principal.workspaceId;
  const id = newId("webhook");
  const { secret, ciphertext } = await issueWebhookSecret(deps.secrets, id);
  const row: WebhookEndpointRow = {
    id,
    workspace_id: workspaceId,
    url: input.url,
    description: input.description,
    events: input.events,
    all_tenants: input.allTenants,
    enabled: input.enabled,
    secret_ciphertext: ciphertext,
    failing_since: null,
    created_at: now,
    updated_at: now,
  };
  await deps.store.db.transaction().execute(async (trx) => {
    // One create at a time per workspace, so two at once cannot both pass the count.
    await trx.selectFrom("workspaces").select("id").where("id", "=", workspaceId).forUpdate().execute();
    const { count } = await trx
      .selectFrom("webhook_endpoints")
      .select((eb) => eb.fn.countAll<string>().as("count"))
      .where("workspace_id", "=", workspaceId)
      .executeTakeFirstOrThrow();
    if (Number(count) >= MAX_WEBHOOKS_PER_WORKSPACE) {
      throw conflict(
        `the workspace already has ${MAX_WEBHOOKS_PER_WORKSPACE} webhook endpoints, the most it may have; delete one first`,
      );
    }
    await trx
      .insertInto("webhook_endpoints")
      .values({ ...row, events: JSON.stringify(row.events) })
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: actorOf(caller.principal, caller.ip),
      action: "webhook.created",
      target: { type: "webhook", id },
      details: {
        url: row.url,
        description: row.description,
        events: input.events,
        enabled: row.enabled,
        allTenants: row.all_tenants,
      },
      at: now,
    });
  });
  return { ...toPublicWebhook(row), secret };
}
