/**
 * Reveals the secret of a recoverable key (one made or rotated while its workspace had
 * recoverable keys on): to admins and owners, and to root keys holding `*`; never to developers,
 * viewers or narrower root keys. Each reveal is audited as `key.revealed` (the event never holds
 * the secret). A key without a kept secret, or a revoked one, is 409; a deleted one 404.
 * Verification is untouched by all of this: it compares only the SHA-256.
 */
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { conflict, forbidden } from "../../errors.js";
import { recordAudit } from "../audit/record-audit.js";
import { actorOf, type Principal } from "../principal.js";
import type { Caller, KeyDeps } from "./key-access.js";
import { lockKey } from "./key-store.js";

export const revealedKeySchema = z
  .union([
    z.object({ key: z.string().describe("The token (kind token)") }),
    z.object({
      sharedKey: z.string().describe("The Shared Key (kind pair)"),
      secretKey: z.string().describe("The Secret Key (kind pair)"),
    }),
  ])
  .describe("The secret of a recoverable key: `key` for a token, `sharedKey` and `secretKey` for a pair");

export type RevealedKey = z.infer<typeof revealedKeySchema>;

export const NOT_RECOVERABLE_MESSAGE =
  "this key was created while recoverable keys were off and cannot be revealed";

/** What revealing a key needs from the context. */
export type RevealKeyDeps = KeyDeps & Pick<AppContext, "secrets">;

/** Admins and owners, and root keys holding every permission (`*`). */
export function mayReveal(principal: Principal): boolean {
  if (principal.type === "user") return principal.role === "owner" || principal.role === "admin";
  if (principal.type === "portal")
    return principal.role === "admin" && principal.permissions.includes("keys:write");
  return principal.permissions.includes("*");
}

export async function revealKey(deps: RevealKeyDeps, caller: Caller, id: string): Promise<RevealedKey> {
  const { principal } = caller;
  if (!mayReveal(principal)) {
    throw forbidden("revealing a key's secret needs an admin or an owner (or a root key with *)");
  }
  const now = deps.clock.now();
  // Loaded before the transaction: the first need may read or create the key file.
  await deps.secrets.ready();
  return deps.store.db.transaction().execute(async (trx) => {
    const row = await lockKey(trx, principal.workspaceId, id);
    if (row.revoked_at) throw conflict("the key is revoked; its secret can no longer be revealed");
    if (row.secret_ciphertext === null) throw conflict(NOT_RECOVERABLE_MESSAGE);
    const secret = await deps.secrets.open(row.secret_ciphertext, row.id);
    await recordAudit(trx, {
      workspaceId: principal.workspaceId,
      actor: actorOf(principal, caller.ip),
      action: "key.revealed",
      target: { type: "key", id: row.id },
      details: { name: row.name, start: row.start, kind: row.kind },
      at: now,
    });
    if (row.kind === "pair" && row.shared_key !== null)
      return { sharedKey: row.shared_key, secretKey: secret };
    return { key: secret };
  });
}
