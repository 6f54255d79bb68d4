/**
 * POST /v1/keys/verify: the platform asks whether a presented key may do what it asks. Every
 * judged key answers 200 with `valid` and `code`; 4xx is only for a request that cannot be judged.
 *
 * The hot path: the body is validated by its zod schema, the verifier answers from its cache, and
 * the answer is a pre-serialised JSON string sent as is (the response schema documents it).
 * Who may call it: `keys:verify` (the caller's own workspace's keys) or `keys:verify:any` (the
 * operator's root keys: every workspace's keys, VALID answers name the workspace); the access rule
 * is the route's own hook, as the lane's (verifier/verify-reach.ts).
 * Over HTTP, the usual verify request is answered by the verify lane (`http/verify-lane.ts`) with
 * the same schema and verifier, before Fastify; this route answers the rest and documents both.
 * Closing the app writes the buffered usage.
 */
import { z } from "zod";
import type { AppContext } from "../../../app/context.js";
import { PLANS } from "../../../domain/workspaces/entitlements.js";
import { VERIFY_CODES } from "../../../verifier/outcomes.js";
import { requireVerifyReach } from "../../../verifier/verify-reach.js";
import { principalOf } from "../../auth/authenticate.js";
import { requireVerifyReachHook } from "../../auth/require-verify-reach.js";
import { errorResponse } from "../../schemas.js";
import type { ZodApp } from "../../zod-app.js";
import { KEY_TAGS } from "./key-route-parts.js";

const MAX_VERIFY_SCOPES = 50;
const MAX_VERIFY_COST = 1_000_000;
const MAX_PRESENTED_KEY_LENGTH = 512;

const presentedKey = z
  .string()
  .max(MAX_PRESENTED_KEY_LENGTH, `must be at most ${MAX_PRESENTED_KEY_LENGTH} characters`);

export const verifyKeyBody = z
  .strictObject({
    key: presentedKey.optional().describe("A token key (kind token)"),
    sharedKey: presentedKey.optional().describe("The Shared Key of a pair; send with secretKey"),
    secretKey: presentedKey.optional().describe("The Secret Key of a pair; send with sharedKey"),
    scopes: z
      .array(z.string().max(100, "must be at most 100 characters"))
      .max(MAX_VERIFY_SCOPES, `must hold at most ${MAX_VERIFY_SCOPES} scopes`)
      .optional()
      .describe("Scopes the key must all hold"),
    cost: z
      .number()
      .int()
      .min(0, "must not be negative")
      .max(MAX_VERIFY_COST, `must be at most ${MAX_VERIFY_COST}`)
      .default(1)
      .describe(
        "Units this verification spends under each rate limit (the key's and its identity's) and from the quota; 0 checks them without spending",
      ),
    ip: z
      .union([z.ipv4(), z.ipv6()], { error: "must be an IPv4 or IPv6 address" })
      .optional()
      .describe("The end client's address, checked against the key's IP allowlist"),
    record: z
      .boolean()
      .optional()
      .describe(
        "true: the answer adds the key's record (whenever the key was found), for an SDK to judge the key locally until it changes",
      ),
  })
  .refine(
    (body) =>
      body.key !== undefined
        ? body.sharedKey === undefined && body.secretKey === undefined
        : body.sharedKey !== undefined && body.secretKey !== undefined,
    "send either key, or sharedKey and secretKey",
  );

/**
 * The key as an SDK judges it locally, in the server's order: state, then expiresAt, then
 * ipAllowlist (only with a client address), then scopes; then `limited` keys ask the server every
 * time and the others answer `answer`.
 */
const verifyRecord = z
  .object({
    keyId: z.string(),
    workspaceId: z.string(),
    state: z
      .enum(["active", "disabled", "revoked", "suspended"])
      .describe("suspended: the key's workspace is (WORKSPACE_SUSPENDED); then revoked, then disabled"),
    expiresAt: z
      .string()
      .nullable()
      .describe(
        "The earlier of the key's expiry and this secret's rotation-grace end (EXPIRED from then on)",
      ),
    ipAllowlist: z
      .array(z.string())
      .describe("The key's CIDRs as stored; empty: from anywhere (FORBIDDEN_IP outside them)"),
    scopes: z
      .array(z.string())
      .describe("Every scope the key holds (INSUFFICIENT_SCOPE if one asked is not)"),
    limited: z
      .boolean()
      .describe("The key has a rate limit, identity rate limits or a quota: ask the server every time"),
    answer: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe(
        "The VALID answer this caller gets (ratelimit and quota null; workspace for keys:verify:any); null unless state is active",
      ),
  })
  .describe("What an SDK needs to judge this key locally until an invalidation event names it");

const verifyKeyResponse = z
  .object({
    valid: z.boolean(),
    code: z.enum(VERIFY_CODES),
    keyId: z.string().optional().describe("Present when the key was found"),
    name: z.string().optional(),
    appId: z.string().nullable().optional(),
    workspaceId: z.string().optional(),
    externalId: z
      .string()
      .nullable()
      .optional()
      .describe("The key's external id (its identity's: the platform's end user or customer), or null"),
    identity: z
      .object({
        id: z.string(),
        externalId: z.string(),
        meta: z.record(z.string(), z.unknown()),
      })
      .nullable()
      .optional()
      .describe("The identity the key belongs to, or null when it has none"),
    scopes: z.array(z.string()).optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
    expiresAt: z.string().nullable().optional(),
    ratelimit: z
      .object({ limit: z.number(), remaining: z.number(), resetAt: z.string() })
      .nullable()
      .optional()
      .describe(
        "The key's tightest rate limit after this request (the fewest left); when refused, the limit that refused, resetAt when the request's cost fits again",
      ),
    ratelimits: z
      .array(
        z.object({
          name: z.string(),
          limit: z.number(),
          remaining: z
            .number()
            .describe("Left after this request (refused: left now, 0 under a limit that refused)"),
          resetAt: z
            .string()
            .describe("When the current window ends; under a limit that refused, when the cost fits again"),
        }),
      )
      .optional()
      .describe(
        "Every rate limit checked, the key's own then its identity's, when there are any (VALID and RATE_LIMITED). All are checked at once: a request one refuses spends under none",
      ),
    quota: z
      .object({ remaining: z.number() })
      .nullable()
      .optional()
      .describe("Quota left after this request"),
    workspace: z
      .object({
        id: z.string(),
        externalId: z.string().nullable().describe("The tenant's external id; null for the operator's own"),
        plan: z.enum(PLANS).describe("The workspace's plan as of this verification"),
      })
      .optional()
      .describe("The key's workspace: VALID answers to a caller with keys:verify:any only"),
    record: verifyRecord
      .optional()
      .describe("Present when the request asked for it (record: true) and the key was found"),
  })
  .describe(
    "VALID answers every field (workspace only to a caller with keys:verify:any; ratelimits only for a key with rate limits); a refusal answers only valid, code, keyId (when the key was found) and ratelimit and ratelimits (RATE_LIMITED) or quota (USAGE_EXCEEDED). WORKSPACE_SUSPENDED: the key's workspace is suspended or deleted. A key or identity with several rate limits answers in ratelimit, when VALID, the one with the fewest requests left; when RATE_LIMITED, the one that refused (of several, the one that frees last)",
  );

type VerifyKeyResponse = z.input<typeof verifyKeyResponse>;

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
export const VERIFY_PATH = "/v1/keys/verify";

/**
 * The verifier's answer is already JSON of {@link verifyKeyResponse}'s shape; Fastify sends a string
 * with a JSON content type as it is, skipping the schema serialiser (measured: the zod serialiser
 * costs ~3.8 µs per answer, about as much as the whole verification). The type says what the
 * string holds.
 */
const preSerialized = (body: string) => body as unknown as VerifyKeyResponse;

export function verifyKeyRoute(app: ZodApp, ctx: AppContext): void {
  app.addHook("onClose", async () => {
    await ctx.usage.close();
    await ctx.rateLimiter.close();
  });

  app.post(
    VERIFY_PATH,
    {
      // Any caller, then the route's own rule: keys:verify or keys:verify:any (verify-reach.ts),
      // judged before the body is read, as a declared permission would be.
      config: { auth: "any" },
      onRequest: requireVerifyReachHook,
      schema: {
        tags: KEY_TAGS,
        summary: "Verify a key",
        description:
          "Judges a presented key for the caller's workspace: workspace suspension, status, expiry, rotation grace, IP allowlist, scopes, rate limits (the key's and its identity's, all at once: one refusing spends none) and quota, in that order; `cost` is spent under every rate limit and from the quota. Answers 200 for every key it could judge. Needs keys:verify; a root key of the operator with keys:verify:any (which implies keys:verify) verifies the keys of every workspace, and its VALID answers add the key's workspace. With `record: true`, every answer of a found key adds its `record`: what an SDK needs to judge the key locally (state, expiresAt, ipAllowlist, scopes, limited and the VALID answer) until an event of GET /v1/events/invalidations names it.",
        body: verifyKeyBody,
        response: { 200: verifyKeyResponse, 400: errorResponse, 401: errorResponse, 403: errorResponse },
      },
    },
    (request, reply) => {
      const principal = principalOf(request);
      reply.type(JSON_CONTENT_TYPE);
      const reach = requireVerifyReach(principal);
      const { body } = request;
      const result =
        body.record === true
          ? ctx.verifier.verifyWithRecord(principal.workspaceId, reach, body)
          : ctx.verifier.verify(principal.workspaceId, reach, body);
      if (result instanceof Promise) return result.then((judged) => preSerialized(judged.body));
      return preSerialized(result.body);
    },
  );
}
