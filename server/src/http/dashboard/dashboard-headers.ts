/**
 * The headers of every dashboard answer (pages, assets, the "not built" page): a strict
 * Content-Security-Policy with no inline script, no framing, no referrer, no MIME sniffing; and the
 * caching rule: content-hashed files under `/assets/` are immutable, everything else is
 * revalidated on each load so a new build is picked up at once.
 *
 * The key portal's documents (`/portal`, `/portal/*`) are the one exception to "no framing": the
 * origins of `KEYGATE_EMBED_ORIGINS` may frame them (`frame-ancestors`, with no X-Frame-Options,
 * which cannot name an origin). Both may show the platform's logo from any https address.
 */

function contentSecurityPolicy(images: string, frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src ${images}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/**
 * Images may come from any https address: the branding settings preview the platform's logo
 * (Settings → Portal branding, a tenant's Edit branding) from the address the operator typed.
 */
export const DASHBOARD_CSP = contentSecurityPolicy("'self' data: https:", "'none'");

export const DASHBOARD_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": DASHBOARD_CSP,
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
};

/**
 * Whether a request path (without its query) is a document of the key portal.
 * @example isPortalPath("/portal/keys") === true; isPortalPath("/portals") === false
 */
export function isPortalPath(pathname: string): boolean {
  return pathname === "/portal" || pathname.startsWith("/portal/");
}

/**
 * The headers of a portal document: the dashboard's, but framable by exactly these origins
 * (none when the list is empty).
 *
 * @example portalSecurityHeaders(["https://app.example.com"])["content-security-policy"]
 *   // "...; img-src 'self' data: https:; ...; frame-ancestors https://app.example.com"
 */
export function portalSecurityHeaders(embedOrigins: readonly string[]): Record<string, string> {
  const { "x-frame-options": _denied, ...headers } = DASHBOARD_SECURITY_HEADERS;
  const ancestors = embedOrigins.length > 0 ? embedOrigins.join(" ") : "'none'";
  return { ...headers, "content-security-policy": contentSecurityPolicy("'self' data: https:", ancestors) };
}

/** For content-hashed build output: a new build has new names, so a name never changes content. */
export const IMMUTABLE_CACHE = "public, max-age=31536000, immutable";
/** For index.html and unhashed files: cache, but ask the server (ETag) before each use. */
export const REVALIDATE_CACHE = "no-cache";

/** Where the build puts its content-hashed files. */
export const HASHED_ASSETS_PREFIX = "/assets/";
