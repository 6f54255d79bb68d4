/**
 * `GET /embed.js`: the script a platform's page loads to mount the key portal
 * (`Keygate.mount(element, { url })`, see embed.js beside this file). Public, cached for five
 * minutes (a fixed script can reach every page soon), and loadable from any site.
 */
import { readFileSync } from "node:fs";
import type { AppContext } from "../../app/context.js";
import type { ZodApp } from "../zod-app.js";

export const EMBED_SCRIPT_PATH = "/embed.js";
export const EMBED_CACHE = "public, max-age=300";

/**
 * The script's file: read from the sources (server/src/http/portal/embed.js), which sit at the
 * same depth from this module whether it runs from src (tsx, tests) or from the build (dist).
 */
export const EMBED_SCRIPT_FILE = new URL("../../../src/http/portal/embed.js", import.meta.url);

export function embedScriptRoute(app: ZodApp, _ctx: AppContext): void {
  const script = readFileSync(EMBED_SCRIPT_FILE, "utf8");
  app.get(
    EMBED_SCRIPT_PATH,
    { config: { auth: "public" }, schema: { hide: true } },
    async (_request, reply) =>
      reply
        .type("text/javascript; charset=utf-8")
        .header("cache-control", EMBED_CACHE)
        .header("x-content-type-options", "nosniff")
        .header("cross-origin-resource-policy", "cross-origin")
        .send(script),
  );
}
