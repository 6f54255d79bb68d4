/**
 * Refuses input holding the NUL character (`\u0000`) in the body, query or path, with a 400 that
 * names the field. PostgreSQL cannot store it in text or JSON, so it would otherwise fail deep
 * inside a change instead of at the door.
 */
import type { FastifyInstance } from "fastify";
import { validationFailed } from "./errors.js";

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

export function installNulGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const where =
      findNul(request.params, "params") ?? findNul(request.query, "querystring") ?? findNul(request.body, "");
    if (where !== undefined)
      throw validationFailed(`${where || "body"}: must not contain the NUL character (\\u0000)`);
  });
}
