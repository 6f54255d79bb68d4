/**
 * Refuses input holding the NUL character (`\u0000`) in the body, query or path, with a 400 that
 * names the field. PostgreSQL cannot store it in text or JSON, so it would otherwise fail deep
 * inside a change instead of at the door.
 *
 * Cheap on the hot path: JSON can only carry NUL escaped as `\u0000` and a URL only as `%00`, so
 * the raw text is searched once and the parsed value is walked only when one is there.
 */
import type { FastifyInstance } from "fastify";
import { validationFailed } from "../errors.js";

const MAX_DEPTH = 64;

/** The path of the first string or key holding `\u0000`, or `undefined`. */
export function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  if (typeof value !== "object" || value === null || depth > MAX_DEPTH) return undefined;
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, child] of entries) {
    const childPath = path ? `${path}.${key}` : String(key);
    if (typeof key === "string" && key.includes("\u0000")) return childPath;
    const found = findNul(child, childPath, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The refusal of input holding NUL at `where` (a field path; empty for the body itself). */
export const nulRefusal = (where: string) =>
  validationFailed(`${where || "body"}: must not contain the NUL character (\\u0000)`);

export function installNulGuard(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    parseJson(request, text, (error: Error | null, value?: unknown) => {
      if (error) return done(error);
      const where = text.includes("\\u0000") ? findNul(value, "") : undefined;
      if (where !== undefined) return done(nulRefusal(where));
      done(null, value);
    });
  });
  app.addHook("preValidation", (request, _reply, done) => {
    if (!request.url.includes("%00")) return done();
    const where = findNul(request.params, "params") ?? findNul(request.query, "querystring");
    done(where === undefined ? undefined : nulRefusal(where));
  });
}
