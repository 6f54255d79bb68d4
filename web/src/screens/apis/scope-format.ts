/**
 * Checks a scope before it becomes a chip, with the server's own schema (the scope list of
 * server/src/domain/keys/key-fields.ts: `orders:read`, `orders:*`, `billing.invoices:write`; at
 * most 100 characters; 100 distinct scopes). The server checks again and its `details` are shown.
 */
import { scopeListSchema } from "../../../../server/src/domain/keys/key-fields";

/** Why this scope cannot be added to the list, in the server's words; `undefined` when it can. */
export function scopeProblem(scope: string, current: readonly string[]): string | undefined {
  if (scope === "") return "Type a scope, such as orders:read";
  const result = scopeListSchema.safeParse([...current, scope]);
  return result.success ? undefined : result.error.issues[0]?.message;
}
