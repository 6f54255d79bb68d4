/**
 * The paths the API, its reference and operations own. The dashboard's fallback never answers
 * them, so an unknown `/v1/...` path keeps its JSON 404.
 */

const API_PREFIXES = ["/v1", "/docs"];
const API_PATHS = new Set(["/openapi.json", "/metrics", "/healthz", "/readyz"]);

/**
 * Whether a request path (without its query) belongs to the API rather than the dashboard.
 * @example isApiPath("/v1/nothing") === true; isApiPath("/settings/api-access") === false
 */
export function isApiPath(pathname: string): boolean {
  const path = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  if (API_PATHS.has(path)) return true;
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
