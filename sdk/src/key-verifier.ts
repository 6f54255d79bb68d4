/**
 * Verification through the SDK: a key that is not well formed is `MALFORMED` at once, offline
 * (unless it starts with one of the workspace's foreign key prefixes); every other one is judged
 * by the local cache when it is on, or sent to Keygate (never retried: a verification may spend
 * rate limit and quota).
 */
import { KeygateOptionError } from "./errors.js";
import type { CallOptions } from "./http.js";
import { isWellFormed } from "./key-format.js";
import type { OperationCaller } from "./operation-caller.js";
import type { RequestBody } from "./operations.js";
import type { Verifies } from "./resources/keys.js";
import type { VerifyAnswer, VerifyCredential, VerifyOptions } from "./verify-types.js";

export type VerifyBody = RequestBody<"keys.verify">;

/**
 * Judges verifications locally where it can; `send` asks Keygate, and `admits` says whether a key
 * it does not hold could be one (else it is MALFORMED, offline).
 */
export interface LocalJudge {
  verify(
    credential: VerifyCredential,
    options: VerifyOptions,
    send: (body: VerifyBody, options: CallOptions) => Promise<VerifyAnswer>,
    admits: (credential: VerifyCredential) => boolean,
  ): Promise<VerifyAnswer>;
}

/** A fresh MALFORMED answer (never a shared object a caller could change). */
export function malformed(): VerifyAnswer {
  return { valid: false, code: "MALFORMED" };
}

function checkCredential(credential: VerifyCredential): void {
  if (typeof credential !== "object" || credential === null) {
    throw new KeygateOptionError("credential", "must be { key } or { sharedKey, secretKey }");
  }
  if ("key" in credential) {
    if (typeof credential.key !== "string") throw new KeygateOptionError("key", "must be a string");
    return;
  }
  if (typeof credential.sharedKey !== "string" || typeof credential.secretKey !== "string") {
    throw new KeygateOptionError("credential", "must be { key } or { sharedKey, secretKey }");
  }
}

function checkVerifyOptions(options: VerifyOptions): void {
  if (typeof options !== "object" || options === null)
    throw new KeygateOptionError("options", "must be an object");
  const { scopes, ip, cost } = options;
  if (scopes !== undefined && (!Array.isArray(scopes) || scopes.some((scope) => typeof scope !== "string"))) {
    throw new KeygateOptionError("scopes", "must be an array of strings");
  }
  if (ip !== undefined && typeof ip !== "string") throw new KeygateOptionError("ip", "must be a string");
  if (cost !== undefined && (!Number.isInteger(cost) || cost < 0)) {
    throw new KeygateOptionError("cost", "must be a whole number of at least 0");
  }
}

/** The request body of a verification (without `record`; the cache adds it). */
export function verifyBody(credential: VerifyCredential, options: VerifyOptions): VerifyBody {
  const body: VerifyBody =
    "key" in credential
      ? { key: credential.key }
      : { sharedKey: credential.sharedKey, secretKey: credential.secretKey };
  if (options.scopes !== undefined) body.scopes = options.scopes;
  if (options.cost !== undefined) body.cost = options.cost;
  if (options.ip !== undefined) body.ip = options.ip;
  return body;
}

export class KeyVerifier implements Verifies {
  constructor(
    private readonly caller: OperationCaller,
    private readonly foreignKeyPrefixes: readonly string[],
    private readonly judge: LocalJudge | undefined,
  ) {}

  verify(credential: VerifyCredential, options: VerifyOptions = {}): Promise<VerifyAnswer> {
    try {
      checkCredential(credential);
      checkVerifyOptions(options);
    } catch (error) {
      return Promise.reject(error);
    }
    // The cache holds only keys Keygate found: it checks the shape on a miss alone.
    if (this.judge) return this.judge.verify(credential, options, this.send, this.admits);
    if (!this.admits(credential)) return Promise.resolve(malformed());
    return this.send(verifyBody(credential, options), options);
  }

  /** Whether the key could be one Keygate holds, by its shape alone. */
  private readonly admits = (credential: VerifyCredential): boolean => {
    if (!("key" in credential))
      return isWellFormed(credential.sharedKey) && isWellFormed(credential.secretKey);
    const { key } = credential;
    if (isWellFormed(key)) return true;
    for (const prefix of this.foreignKeyPrefixes) if (key.startsWith(prefix)) return true;
    return false;
  };

  private readonly send = (body: VerifyBody, options: CallOptions): Promise<VerifyAnswer> =>
    this.caller.call("keys.verify", { body }, options);
}
