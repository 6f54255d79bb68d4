/**
 * The scopes a key holds, ready for a verification to ask "does it hold all of these?".
 * A scope ending in `:*` grants every scope under it (`orders:*` grants `orders:read` and
 * `orders:items:write`); every other scope grants only itself.
 */
export class ScopeSet {
  /** The scopes of every key that holds none: one shared instance instead of one per cached key. */
  private static readonly NONE = new ScopeSet([]);

  /** The set of these scopes (the shared empty one when there are none). */
  static of(scopes: readonly string[]): ScopeSet {
    return scopes.length === 0 ? ScopeSet.NONE : new ScopeSet(scopes);
  }

  private readonly exact: ReadonlySet<string>;
  /** `orders:` for a held `orders:*`. */
  private readonly wildcardPrefixes: readonly string[];

  constructor(scopes: readonly string[]) {
    this.exact = new Set(scopes);
    this.wildcardPrefixes = scopes.filter((scope) => scope.endsWith(":*")).map((scope) => scope.slice(0, -1));
  }

  /** Whether every requested scope is held. */
  holdsAll(requested: readonly string[]): boolean {
    for (const scope of requested) {
      if (!this.holds(scope)) return false;
    }
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
