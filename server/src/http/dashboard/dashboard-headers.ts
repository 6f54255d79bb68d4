/**
 * The headers of every dashboard answer (pages, assets, the "not built" page): a strict
 * Content-Security-Policy with no inline script, no framing, no referrer, no MIME sniffing; and the
 * caching rule: content-hashed files under `/assets/` are immutable, everything else is
 * revalidated on each load so a new build is picked up at once.
 */

export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const DASHBOARD_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": DASHBOARD_CSP,
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
};

/** For content-hashed build output: a new build has new names, so a name never changes content. */
export const IMMUTABLE_CACHE = "public, max-age=31536000, immutable";
/** For index.html and unhashed files: cache, but ask the server (ETag) before each use. */
export const REVALIDATE_CACHE = "no-cache";

/** Where the build puts its content-hashed files. */
export const HASHED_ASSETS_PREFIX = "/assets/";
