/**
 * Serves the built dashboard (web/dist, or `KEYGATE_DASHBOARD_DIR`) at `/` on the API's port,
 * through @fastify/static: a file of the build is sent as it is (ETag, ranges, HEAD); every other
 * GET or HEAD outside the API's paths answers index.html, so the app's own router shows
 * `/settings/api-access`, `/apps/app_1` or `/setup?token=...` on a reload or a pasted link.
 * API paths (`/v1/*`, `/docs*`, `/openapi.json`, `/metrics`, `/healthz`, `/readyz`) are never
 * answered here: an unknown one keeps its JSON 404.
 *
 * Whether the build exists is checked on each page load (one `stat`), so a server started
 * before `npm run build` serves the dashboard as soon as it is built; until then pages answer 503
 * with a page that says what to run. The start-up logs it once.
 *
 * The key portal's paths (`/portal`, `/portal/*`) answer the same index.html (the app shows the
 * portal there) under the portal's headers: framable by the configured embedding origins only.
 */
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Logger } from "pino";
import { isApiPath } from "./api-paths.js";
import {
  DASHBOARD_SECURITY_HEADERS,
  HASHED_ASSETS_PREFIX,
  IMMUTABLE_CACHE,
  isPortalPath,
  portalSecurityHeaders,
  REVALIDATE_CACHE,
} from "./dashboard-headers.js";
import { DASHBOARD_NOT_BUILT_HTML } from "./dashboard-not-built-page.js";

const INDEX = "index.html";

export interface DashboardOptions {
  /** The built dashboard: index.html and assets/. */
  root: string;
  logger: Pick<Logger, "warn">;
  /** The origins that may frame the key portal's pages (`KEYGATE_EMBED_ORIGINS`); none by default. */
  embedOrigins?: readonly string[];
}

/**
 * The path of a regular file of the build that a request path names (as `/assets/app-1.js`), or
 * undefined: for a path outside the build, a dotfile, a folder, or nothing at all.
 */
async function builtFile(root: string, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes("\u0000") || decoded.includes("\\")) return undefined;
  const segments = decoded.split("/").filter((segment) => segment !== "");
  if (segments.length === 0 || segments.some((segment) => segment.startsWith("."))) return undefined;
  const relative = segments.join("/");
  const full = path.join(root, relative);
  const inside = path.relative(root, full);
  if (inside.startsWith("..") || path.isAbsolute(inside)) return undefined;
  const stats = await stat(full).catch(() => undefined);
  return stats?.isFile() ? `/${relative}` : undefined;
}

function sendNotBuilt(reply: FastifyReply, headers: Readonly<Record<string, string>>) {
  return reply
    .code(503)
    .headers(headers)
    .header("cache-control", "no-store")
    .type("text/html; charset=utf-8")
    .send(DASHBOARD_NOT_BUILT_HTML);
}

/**
 * Registers the dashboard's route (`GET`/`HEAD /*`, below every API route) in its own scope.
 * @example await app.register(async (scope) => serveDashboard(scope, { root, logger }));
 */
export async function serveDashboard(app: FastifyInstance, options: DashboardOptions): Promise<void> {
  const root = path.resolve(options.root);
  const indexPath = path.join(root, INDEX);
  const portalHeaders = portalSecurityHeaders(options.embedOrigins ?? []);
  if (!existsSync(indexPath)) {
    options.logger.warn(
      { dashboardDir: root },
      "the dashboard is not built (no index.html there): run `npm run build`; until then / answers 503",
    );
  }
  await app.register(fastifyStatic, {
    root,
    serve: false,
    cacheControl: false,
    dotfiles: "deny",
    suppressWarning: true,
  });

  app.route({
    method: ["GET", "HEAD"],
    url: "/*",
    config: { auth: "public" },
    schema: { hide: true },
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const pathname = request.url.split("?")[0] ?? "/";
      if (isApiPath(pathname)) return reply.callNotFound();
      const file = await builtFile(root, pathname);
      if (file?.startsWith(HASHED_ASSETS_PREFIX)) {
        return reply
          .headers(DASHBOARD_SECURITY_HEADERS)
          .header("cache-control", IMMUTABLE_CACHE)
          .sendFile(file);
      }
      // A missing asset is a 404, never the app's page in its place.
      if (pathname.startsWith(HASHED_ASSETS_PREFIX)) return reply.callNotFound();
      if (file !== undefined) {
        return reply
          .headers(DASHBOARD_SECURITY_HEADERS)
          .header("cache-control", REVALIDATE_CACHE)
          .sendFile(file);
      }
      const pageHeaders = isPortalPath(pathname) ? portalHeaders : DASHBOARD_SECURITY_HEADERS;
      if (!(await stat(indexPath).catch(() => undefined))?.isFile()) return sendNotBuilt(reply, pageHeaders);
      return reply.headers(pageHeaders).header("cache-control", REVALIDATE_CACHE).sendFile(`/${INDEX}`);
    },
  });
}
