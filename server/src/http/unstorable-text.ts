/**
 * Refuses text PostgreSQL cannot store, in the body, query or path, with a 400 that names the
 * field: the NUL character (`\u0000`), which text and JSON columns refuse, and a lone UTF-16
 * surrogate (`\ud800` without its pair), which is not Unicode and which `jsonb` refuses (22P02).
 * Either would otherwise fail deep inside a change, as a 500, instead of at the door.
 *
 * Cheap on the hot path: JSON can only carry either one escaped (`\u0000`, `\ud800`; raw bytes
 * that are not UTF-8 decode to U+FFFD) and a URL only percent-encoded, so the raw text is searched
 * once and the parsed value is walked only when an escape is there. The walk keeps its own stack,
 * so no nesting depth can overflow it.
 */
import type { FastifyInstance } from "fastify";
import { type ApiError, validationFailed } from "../errors.js";

/** Where unstorable text is (a field path; empty for the body itself), and what it is. */
export interface UnstorableText {
  path: string;
  problem: "nul" | "lone surrogate";
}

/** A surrogate code point: with the `u` flag a proper pair reads as one astral character instead. */
const LONE_SURROGATE = /\p{Cs}/u;

const problemOf = (text: string): UnstorableText["problem"] | undefined => {
  if (text.includes("\u0000")) return "nul";
  return LONE_SURROGATE.test(text) ? "lone surrogate" : undefined;
};

/** The first string or object key holding NUL or a lone surrogate, or `undefined`. */
export function findUnstorable(value: unknown, path: string): UnstorableText | undefined {
  const pending: Array<[unknown, string]> = [[value, path]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, at] = next;
    if (typeof item === "string") {
      const problem = problemOf(item);
      if (problem) return { path: at, problem };
      continue;
    }
    if (typeof item !== "object" || item === null) continue;
    const entries = Array.isArray(item) ? [...item.entries()].reverse() : Object.entries(item).reverse();
    for (const [key, child] of entries) {
      const childPath = at ? `${at}.${key}` : String(key);
      const problem = typeof key === "string" ? problemOf(key) : undefined;
      if (problem) return { path: childPath, problem };
      pending.push([child, childPath]);
    }
  }
  return undefined;
}

const MESSAGES: Record<UnstorableText["problem"], string> = {
  nul: "must not contain the NUL character (\\u0000)",
  "lone surrogate": "must not contain a lone UTF-16 surrogate (such as \\ud800 without its pair)",
};

/** The refusal of unstorable text, naming the field in the message and in `details`. */
export function unstorableRefusal(found: UnstorableText): ApiError {
  const path = found.path || "body";
  const message = MESSAGES[found.problem];
  return validationFailed(`${path}: ${message}`, [{ path, message }]);
}

export function installUnstorableTextGuard(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    parseJson(request, text, (error: Error | null, value?: unknown) => {
      if (error) return done(error);
      const found = text.includes("\\u") ? findUnstorable(value, "") : undefined;
      if (found !== undefined) return done(unstorableRefusal(found));
      done(null, value);
    });
  });
  app.addHook("preValidation", (request, _reply, done) => {
    // A URL can carry NUL as %00; a lone surrogate it cannot (its bytes are not UTF-8, so the
    // value stays as written).
    if (!request.url.includes("%00")) return done();
    const found = findUnstorable(request.params, "params") ?? findUnstorable(request.query, "querystring");
    done(found === undefined ? undefined : unstorableRefusal(found));
  });
}
