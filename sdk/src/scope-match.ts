/**
 * Whether a key's scopes grant every requested one, with the server's rule
 * (server/src/verifier/scope-set.ts): a scope ending in `:*` grants every scope under it
 * (`orders:*` grants `orders:read` and `orders:items:write`); any other scope grants only itself.
 */
export class ScopeMatcher {
  private readonly exact: ReadonlySet<string>;
  private readonly wildcardPrefixes: readonly string[];

  constructor(scopes: readonly string[]) {
    this.exact = new Set(scopes);
    this.wildcardPrefixes = scopes.filter((scope) => scope.endsWith(":*")).map((scope) => scope.slice(0, -1));
  }

  holdsAll(requested: readonly string[]): boolean {
    for (const scope of requested) if (!this.holds(scope)) return false;
    return true;
  }

  private holds(scope: string): boolean {
    if (this.exact.has(scope)) return true;
    for (const prefix of this.wildcardPrefixes) {
      if (scope.length > prefix.length && scope.startsWith(prefix)) return true;
    }
    return false;
  }
}
