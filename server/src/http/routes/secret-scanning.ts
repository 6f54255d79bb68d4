/**
 * `POST /v1/secret-scanning/github`: the endpoint of GitHub's secret scanning partner program.
 * GitHub posts the Keygate keys it finds in public (`[{ token, type, url, source }]`, up to 1,000)
 * and learns, per token, only whether it is a real key (`true_positive`) or not; Keygate applies
 * each key's workspace leak response (domain/leaks/report-leaks.ts).
 *
 * No session or root key: the signature is the credential. `Github-Public-Key-Identifier` names
 * one of GitHub's keys (the keys file, domain/leaks/github-public-keys.ts) and
 * `Github-Public-Key-Signature` must be its ECDSA signature of the exact body bytes, so this
 * route's JSON parser sees the raw bytes and checks them before parsing. Checked in order, before
 * anything is looked up: configured (503), a known key identifier (401, before the body is read),
 * the signature (401), then the body (400, nothing changed).
 */
import type { KeyObject } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { GitHubPublicKeys, isSignedBy } from "../../domain/leaks/github-public-keys.js";
import { MAX_LEAK_REPORTS, reportLeaks } from "../../domain/leaks/report-leaks.js";
import { ApiError } from "../../errors.js";
import { errorResponse } from "../schemas.js";
import { findUnstorable, unstorableRefusal } from "../unstorable-text.js";
import type { ZodApp } from "../zod-app.js";

export const IDENTIFIER_HEADER = "github-public-key-identifier";
export const SIGNATURE_HEADER = "github-public-key-signature";
/** Who the audit trail and revocation reasons name as the reporter. */
export const GITHUB_REPORTER = "GitHub secret scanning";

const MISSING_HEADERS =
  "send the Github-Public-Key-Identifier and Github-Public-Key-Signature headers GitHub signs reports with";
const UNKNOWN_KEY = "the Github-Public-Key-Identifier names no key of the configured GitHub public keys";
const BAD_SIGNATURE = "the Github-Public-Key-Signature is not a valid signature of the body";

const leakReportsBody = z
  .array(
    z.object({
      token: z.string().max(1000).describe("The secret found"),
      type: z.string().max(200).describe("The secret type GitHub matched"),
      url: z.string().max(2000).describe("Where it was found"),
      source: z.string().max(200).describe("What kind of place: content, commit, npm, ..."),
    }),
  )
  .max(MAX_LEAK_REPORTS)
  .describe("What GitHub found; fields GitHub may add later are ignored");

const leakLabelsResponse = z
  .array(
    z.object({
      token_raw: z.string(),
      token_type: z.string(),
      label: z.enum(["true_positive", "false_positive"]),
    }),
  )
  .describe("Each reported token's label, in the order reported");

const unauthenticated = (message: string) => new ApiError("UNAUTHENTICATED", message);

/** A header sent once, or undefined. */
function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

export function secretScanningRoute(app: ZodApp, ctx: AppContext): void {
  const publicKeys = new GitHubPublicKeys(ctx.logger);
  /** The GitHub key each admitted request must be signed by. */
  const signers = new WeakMap<FastifyRequest, KeyObject>();
  /** Requests whose body bytes the signature was checked against. */
  const verified = new WeakSet<FastifyRequest>();

  const checkSignature = (request: FastifyRequest, body: Buffer) => {
    const key = signers.get(request);
    const signature = headerOf(request, SIGNATURE_HEADER);
    if (key === undefined || signature === undefined) throw unauthenticated(MISSING_HEADERS);
    if (!isSignedBy(key, body, signature)) throw unauthenticated(BAD_SIGNATURE);
    verified.add(request);
  };

  // A scope of its own: the raw-bytes JSON parser and the signature hooks apply to this route only.
  void app.register(async (scope) => {
    const parseJson = scope.getDefaultJsonParser("error", "error");

    // Before the body is read: configured, and signed by a key GitHub publishes.
    scope.addHook("onRequest", async (request) => {
      const keys = await publicKeys.keys(ctx.config.secretScanningKeysFile);
      const identifier = headerOf(request, IDENTIFIER_HEADER);
      if (identifier === undefined || headerOf(request, SIGNATURE_HEADER) === undefined)
        throw unauthenticated(MISSING_HEADERS);
      const key = keys.get(identifier);
      if (key === undefined) throw unauthenticated(UNKNOWN_KEY);
      signers.set(request, key);
    });

    scope.removeContentTypeParser("application/json");
    scope.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
      const bytes = typeof body === "string" ? Buffer.from(body) : body;
      try {
        checkSignature(request, bytes);
      } catch (error) {
        return done(error as Error);
      }
      const text = bytes.toString("utf8");
      parseJson(request, text, (error: Error | null, value?: unknown) => {
        if (error) return done(error);
        const found = text.includes("\\u") ? findUnstorable(value, "") : undefined;
        if (found !== undefined) return done(unstorableRefusal(found));
        done(null, value);
      });
    });

    // A request without a body never reached the parser: its signature is of no bytes.
    scope.addHook("preValidation", async (request) => {
      if (!verified.has(request)) checkSignature(request, Buffer.alloc(0));
    });

    scope.withTypeProvider<ZodTypeProvider>().post(
      "/v1/secret-scanning/github",
      {
        config: { auth: "public" },
        schema: {
          tags: ["secret-scanning"],
          summary: "Receive a GitHub secret scanning report",
          description:
            "For GitHub's secret scanning partner program. Authenticated by GitHub's signature of the raw body " +
            "(`Github-Public-Key-Identifier`, `Github-Public-Key-Signature`; keys from `KEYGATE_SECRET_SCANNING_KEYS_FILE`). " +
            "Each Keygate key found is handled as its workspace's leak response says (revoke, disable or notify) " +
            "and audited as `key.leaked`; the answer labels each token and says nothing else. " +
            "503 when no keys file is configured or it cannot be used.",
          security: [],
          body: leakReportsBody,
          response: {
            200: leakLabelsResponse,
            400: errorResponse,
            401: errorResponse,
            503: errorResponse,
          },
        },
      },
      async (request) => {
        const reports = request.body;
        const labels = await reportLeaks(ctx, { label: GITHUB_REPORTER, ip: request.ip }, reports);
        return reports.map((report, index) => ({
          token_raw: report.token,
          token_type: report.type,
          label: labels[index] ?? "false_positive",
        }));
      },
    );
  });
}
