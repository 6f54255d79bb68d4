/**
 * Whether the portal runs inside another page's frame, and which page: the embedding origin is
 * `location.ancestorOrigins[0]` where the browser has it (Chromium, Safari), else the origin of
 * `document.referrer` (the platform page that loaded the frame). The server's `frame-ancestors`
 * already limits who may frame the portal; this decides to whom the resize messages go.
 */

export const isFramed = (): boolean => window.parent !== window;

function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** The origin of the page that frames this one, when known. */
export function framingOrigin(): string | null {
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0] ?? null;
  return document.referrer ? originOf(document.referrer) : null;
}

/**
 * The origin to post resize messages to: the framing page's, and only when the session lists it
 * among the origins allowed to embed the portal (never `*`). Null when not framed or not allowed.
 */
export function embeddingOrigin(embedOrigins: readonly string[]): string | null {
  if (!isFramed()) return null;
  const origin = framingOrigin();
  return origin && embedOrigins.includes(origin) ? origin : null;
}
