/**
 * One-time setup links: the way to create the first owner when no admin was configured.
 * Issuing a new link retires the previous unused ones; a link works once, for 24 hours.
 */
import type { Kysely, Transaction } from "kysely";
import type { Clock } from "../../clock.js";
import type { Database } from "../../store/schema.js";
import { hashSecret } from "../key-format.js";
import { randomToken } from "./sessions.js";

export const SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/** A new setup token for the workspace (the plain token is only returned, never stored). */
export async function issueSetupToken(
  db: Kysely<Database>,
  clock: Clock,
  workspaceId: string,
): Promise<string> {
  const token = randomToken();
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("setup_tokens")
      .where("workspace_id", "=", workspaceId)
      .where("used_at", "is", null)
      .execute();
    await trx
      .insertInto("setup_tokens")
      .values({
        token_hash: hashSecret(token),
        workspace_id: workspaceId,
        created_at: now,
        expires_at: new Date(now.getTime() + SETUP_TOKEN_TTL_MS),
        used_at: null,
      })
      .execute();
  });
  return token;
}

/** Whether the token is known, unused and unexpired: a cheap look before the costly password work. */
export async function isSetupTokenLive(db: Kysely<Database>, clock: Clock, token: string): Promise<boolean> {
  const row = await db
    .selectFrom("setup_tokens")
    .select("workspace_id")
    .where("token_hash", "=", hashSecret(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", clock.now())
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Marks the token used and returns its workspace, or `undefined` when it is unknown, used or
 * expired. Call inside the transaction that creates the owner, so a failed sign-up keeps the link.
 */
export async function consumeSetupToken(
  trx: Transaction<Database>,
  clock: Clock,
  token: string,
): Promise<string | undefined> {
  const now = clock.now();
  const row = await trx
    .updateTable("setup_tokens")
    .set({ used_at: now })
    .where("token_hash", "=", hashSecret(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning("workspace_id")
    .executeTakeFirst();
  return row?.workspace_id;
}
