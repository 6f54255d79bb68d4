/**
 * The scope rule of the server's schema (server/src/domain/keys/key-fields.ts: `orders:read`,
 * `orders:*`, `billing.invoices:write`; at most 100 characters; at most 100 distinct scopes an
 * API), checked before a scope becomes a chip. That module cannot be bundled (it reaches
 * node:crypto), so the rule is restated here; the server checks again and its `details` are shown.
 */

const SCOPE_PATTERN = /^[a-z0-9_.-]+(:[a-z0-9_.*-]+)*$/;
export const MAX_SCOPE_LENGTH = 100;
export const MAX_SCOPES = 100;

/** Why this scope cannot be added to the list, in the server's words; `undefined` when it can. */
export function scopeProblem(scope: string, current: readonly string[]): string | undefined {
  if (scope === "") return "Type a scope, such as orders:read";
  if (scope.length > MAX_SCOPE_LENGTH) return `must be at most ${MAX_SCOPE_LENGTH} characters`;
  if (!SCOPE_PATTERN.test(scope))
    return "must look like orders:read (lowercase letters, digits, _ . - and : separators)";
  if (current.includes(scope)) return `must not repeat ${scope}`;
  if (current.length >= MAX_SCOPES) return `must hold at most ${MAX_SCOPES} scopes`;
  return undefined;
}
