/**
 * `verifyWebhook`: checks that a webhook request came from Keygate, as the Standard Webhooks
 * specification (https://www.standardwebhooks.com/) has it, and answers its event.
 *
 * The `webhook-signature` header holds space-separated `v1,<base64>` signatures (several while a
 * secret is rotated); one is enough. Each is the HMAC-SHA256, keyed with the base64-decoded secret
 * after its `whsec_` prefix, of `${webhook-id}.${webhook-timestamp}.${body}`, compared in constant
 * time. A `webhook-timestamp` (Unix seconds) more than 5 minutes from now is refused, so a captured
 * request cannot be replayed later. The HMAC is node:crypto's, found at run time (the entry point
 * imports nothing Node-only), and Web Crypto's elsewhere.
 */
import { KeygateOptionError } from "./errors.js";

/** The events Keygate sends (server/src/webhooks/event-types.ts), and `webhook.test`. */
export const WEBHOOK_EVENT_TYPES = [
  "key.created",
  "key.updated",
  "key.enabled",
  "key.disabled",
  "key.rotated",
  "key.revoked",
  "key.deleted",
  "key.expiring",
  "key.expired",
  "key.quota_low",
  "key.quota_exhausted",
  "key.rate_limited",
  "key.leaked",
  "key.unused",
  "webhook.test",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** A verified webhook's body: `{ id, type, timestamp, data }` (server/src/domain/webhooks/webhook-event-body.ts). */
export interface WebhookEvent<Data = Record<string, unknown>> {
  /** The event id (`msg_...`), also the `webhook-id` header: the same on every retry of the event. */
  id: string;
  /** `key.created`, `key.revoked`, ... (a newer Keygate may send types this SDK does not list). */
  type: WebhookEventType | (string & {});
  /** When it happened (ISO 8601). */
  timestamp: string;
  /** The key (never its secret), the workspace and more. */
  data: Data;
}

/** The request's headers: a plain object in any case, a `Headers`, or Node's `IncomingHttpHeaders`. */
export type WebhookHeaders =
  | { get(name: string): string | null }
  | Record<string, string | string[] | undefined>;

export interface VerifyWebhookOptions {
  /** How far the `webhook-timestamp` may be from now, in seconds (default 300: 5 minutes). */
  toleranceSeconds?: number;
  /** Now, for the timestamp check (default: the machine's time). */
  now?: Date | number;
}

/** Why a request is refused: answer it 400 (or 401), and do not act on it. */
export type WebhookVerificationCode =
  | "MISSING_HEADER"
  | "INVALID_TIMESTAMP"
  | "TIMESTAMP_TOO_OLD"
  | "TIMESTAMP_TOO_NEW"
  | "NO_MATCHING_SIGNATURE"
  | "INVALID_PAYLOAD";

/**
 * A webhook request that does not verify: a missing header, a timestamp out of the tolerance, no
 * matching signature (a changed body, another secret) or a signed body that is not JSON.
 */
export class WebhookVerificationError extends Error {
  readonly code: WebhookVerificationCode;

  constructor(code: WebhookVerificationCode, message: string) {
    super(message);
    this.name = "WebhookVerificationError";
    this.code = code;
  }
}

const SECRET_PREFIX = "whsec_";
const DEFAULT_TOLERANCE_SECONDS = 5 * 60;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const TIMESTAMP = /^\d{1,15}$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface NodeCrypto {
  createHmac(algorithm: string, key: Uint8Array): { update(data: Uint8Array): { digest(): Uint8Array } };
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}

const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.("node:crypto") as NodeCrypto | undefined;

/** HMAC-SHA256 through Web Crypto (runtimes without node:crypto). */
export async function webHmacSha256(
  key: Uint8Array<ArrayBuffer>,
  content: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array> {
  const webKey = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", webKey, content));
}

function hmacSha256(
  key: Uint8Array<ArrayBuffer>,
  content: Uint8Array<ArrayBuffer>,
): Uint8Array | Promise<Uint8Array> {
  return nodeCrypto
    ? nodeCrypto.createHmac("sha256", key).update(content).digest()
    : webHmacSha256(key, content);
}

/** Whether two byte strings are equal, in a time that depends on their length only. */
function equalInConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  if (nodeCrypto) return nodeCrypto.timingSafeEqual(a, b);
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The HMAC key of a `whsec_...` secret (the prefix may be left out, as the reference libraries allow). */
function signingKey(secret: unknown): Uint8Array<ArrayBuffer> {
  if (typeof secret !== "string" || secret === "") {
    throw new KeygateOptionError("secret", "must be the endpoint's whsec_... secret (is it set?)");
  }
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  if (encoded === "" || !BASE64.test(encoded)) {
    throw new KeygateOptionError(
      "secret",
      "must be whsec_ and base64, as Keygate showed it when the endpoint was made",
    );
  }
  return fromBase64(encoded);
}

/** One header's value, whatever the headers' form and the name's case; several values joined by a space. */
function headerOf(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof headers.get === "function") {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const plain = headers as Record<string, string | string[] | undefined>;
  const key = name in plain ? name : Object.keys(plain).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : plain[key];
  return Array.isArray(value) ? value.join(" ") : value;
}

function payloadBytes(payload: unknown): Uint8Array {
  if (typeof payload === "string") return encoder.encode(payload);
  if (payload instanceof Uint8Array) return payload;
  throw new KeygateOptionError(
    "payload",
    'must be the raw body as received (a string or bytes), not parsed JSON: with Express, use express.raw({ type: "application/json" })',
  );
}

function checkTimestamp(header: string, options: VerifyWebhookOptions): void {
  if (!TIMESTAMP.test(header)) {
    throw new WebhookVerificationError(
      "INVALID_TIMESTAMP",
      `the webhook-timestamp header is not a Unix time in seconds: ${JSON.stringify(header.slice(0, 40))}`,
    );
  }
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new KeygateOptionError("toleranceSeconds", "must be a number of seconds of at least 0");
  }
  const now = Math.floor(Number(options.now ?? Date.now()) / 1000);
  const age = now - Number(header);
  if (age > tolerance) {
    throw new WebhookVerificationError(
      "TIMESTAMP_TOO_OLD",
      `the webhook was signed ${age} seconds ago, more than the ${tolerance} tolerated (a replayed request, or a clock that is off)`,
    );
  }
  if (-age > tolerance) {
    throw new WebhookVerificationError(
      "TIMESTAMP_TOO_NEW",
      `the webhook's timestamp is ${-age} seconds in the future, more than the ${tolerance} tolerated (a clock that is off)`,
    );
  }
}

function parseEvent<Data>(bytes: Uint8Array): WebhookEvent<Data> {
  // Signed by the endpoint's secret, it is Keygate's event: its shape is not checked again.
  try {
    return JSON.parse(decoder.decode(bytes)) as WebhookEvent<Data>;
  } catch {
    throw new WebhookVerificationError("INVALID_PAYLOAD", "the webhook's body is not JSON");
  }
}

/**
 * Verifies a webhook request from Keygate and resolves with its event; rejects with a
 * {@link WebhookVerificationError} when it does not verify (a {@link KeygateOptionError} for a bad
 * secret or payload type: a mistake of the receiver's code, not of the request).
 *
 * @param payload the raw body exactly as received (a string, a Buffer or a Uint8Array), never parsed and re-serialised
 * @param headers the request's headers (`req.headers`, `request.headers`, or a plain object)
 * @param secret the endpoint's signing secret, `whsec_...`
 * @example
 * const event = await verifyWebhook(req.body, req.headers, process.env.KEYGATE_WEBHOOK_SECRET);
 * if (event.type === "key.leaked") ...
 */
export async function verifyWebhook<Data = Record<string, unknown>>(
  payload: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent<Data>> {
  const key = signingKey(secret);
  const body = payloadBytes(payload);
  const id = headerOf(headers, "webhook-id");
  const timestamp = headerOf(headers, "webhook-timestamp");
  const signatures = headerOf(headers, "webhook-signature");
  const missing = [
    ...(id ? [] : ["webhook-id"]),
    ...(timestamp ? [] : ["webhook-timestamp"]),
    ...(signatures ? [] : ["webhook-signature"]),
  ];
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError(
      "MISSING_HEADER",
      `the webhook request has no ${missing.join(", ")} header`,
    );
  }
  checkTimestamp(timestamp, options);

  const head = encoder.encode(`${id}.${timestamp}.`);
  const signed = new Uint8Array(head.length + body.length);
  signed.set(head);
  signed.set(body, head.length);
  const expected = encoder.encode(toBase64(await hmacSha256(key, signed)));
  let matched = false;
  for (const entry of signatures.split(" ")) {
    const [version, signature] = entry.split(",", 2);
    // Every entry is compared (no early exit), and only `v1` ones can match.
    if (
      version === "v1" &&
      signature !== undefined &&
      equalInConstantTime(encoder.encode(signature), expected)
    )
      matched = true;
  }
  if (!matched) {
    throw new WebhookVerificationError(
      "NO_MATCHING_SIGNATURE",
      "no webhook-signature matches: the body was changed (verify the raw body, before any parsing), or the secret is not this endpoint's",
    );
  }
  return parseEvent<Data>(body);
}
