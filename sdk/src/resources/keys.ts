/**
 * `keygate.keys`: create, list, change, rotate, revoke and delete keys, read their usage, import
 * keys made elsewhere, and verify presented keys (through the local cache when it is on).
 */
import type { CallOptions } from "../http.js";
import type { OperationCaller } from "../operation-caller.js";
import type { AnswerOf, QueryOf, RequestBody } from "../operations.js";
import type { VerifyAnswer, VerifyCredential, VerifyOptions } from "../verify-types.js";

/** What answers verifications: the key verifier (with or without the cache). */
export interface Verifies {
  verify(credential: VerifyCredential, options?: VerifyOptions): Promise<VerifyAnswer>;
}

export class KeysResource {
  constructor(
    private readonly caller: OperationCaller,
    private readonly verifier: Verifies,
  ) {}

  /**
   * Whether a presented key may pass, with the key's details when it may. Never throws for a
   * refused key (`{ valid: false, code }`); throws {@link KeygateError} when Keygate refused the
   * call itself or could not be reached. Never retried.
   *
   * @example
   * const answer = await keygate.keys.verify({ key }, { scopes: ["orders:read"], ip });
   * if (!answer.valid) return reply(401, answer.code);
   */
  verify(credential: VerifyCredential, options?: VerifyOptions): Promise<VerifyAnswer> {
    return this.verifier.verify(credential, options);
  }

  /** A new key; the answer holds its secret, once. */
  create(body: RequestBody<"keys.create">, options?: CallOptions): Promise<AnswerOf<"keys.create">> {
    return this.caller.call("keys.create", { body }, options);
  }

  /** One page of keys, newest first. */
  list(query?: QueryOf<"keys.list">, options?: CallOptions): Promise<AnswerOf<"keys.list">> {
    return this.caller.call("keys.list", { query }, options);
  }

  /**
   * Every matching key, page after page.
   * @example for await (const key of keygate.keys.listAll({ status: "active" })) console.log(key.id);
   */
  listAll(query?: QueryOf<"keys.list">, options?: CallOptions) {
    return this.caller.listAll("keys.list", query, options);
  }

  get(id: string, options?: CallOptions): Promise<AnswerOf<"keys.get">> {
    return this.caller.call("keys.get", { path: { id } }, options);
  }

  update(
    id: string,
    body: RequestBody<"keys.update">,
    options?: CallOptions,
  ): Promise<AnswerOf<"keys.update">> {
    return this.caller.call("keys.update", { path: { id }, body }, options);
  }

  /** Removes the key from lists and from verification. */
  delete(id: string, options?: CallOptions): Promise<AnswerOf<"keys.delete">> {
    return this.caller.call("keys.delete", { path: { id } }, options);
  }

  enable(id: string, options?: CallOptions): Promise<AnswerOf<"keys.enable">> {
    return this.caller.call("keys.enable", { path: { id } }, options);
  }

  disable(id: string, options?: CallOptions): Promise<AnswerOf<"keys.disable">> {
    return this.caller.call("keys.disable", { path: { id } }, options);
  }

  /** A new secret for the same key; the old one works for `gracePeriodSeconds` more. */
  rotate(
    id: string,
    body: RequestBody<"keys.rotate"> = {},
    options?: CallOptions,
  ): Promise<AnswerOf<"keys.rotate">> {
    return this.caller.call("keys.rotate", { path: { id }, body }, options);
  }

  /** Final: a revoked key can never be enabled, rotated or edited again. */
  revoke(
    id: string,
    body: RequestBody<"keys.revoke"> = {},
    options?: CallOptions,
  ): Promise<AnswerOf<"keys.revoke">> {
    return this.caller.call("keys.revoke", { path: { id }, body }, options);
  }

  /** The secret of a key made while the workspace had recoverable keys on (audited). */
  reveal(id: string, options?: CallOptions): Promise<AnswerOf<"keys.reveal">> {
    return this.caller.call("keys.reveal", { path: { id } }, options);
  }

  /**
   * Imports up to 1,000 keys made elsewhere, by the SHA-256 of each; rows already imported are
   * skipped, so a re-run is harmless (and the call is retried like a read). `dryRun` writes nothing.
   */
  import(body: RequestBody<"keys.import">, options?: CallOptions): Promise<AnswerOf<"keys.import">> {
    return this.caller.call("keys.import", { body }, options);
  }

  /** Records verifications judged elsewhere (the cache sends these itself). */
  reportUsage(
    body: RequestBody<"keys.reportUsage">,
    options?: CallOptions,
  ): Promise<AnswerOf<"keys.reportUsage">> {
    return this.caller.call("keys.reportUsage", { body }, options);
  }

  /** Verification counts per bucket and outcome. */
  usage(id: string, query?: QueryOf<"keys.usage">, options?: CallOptions): Promise<AnswerOf<"keys.usage">> {
    return this.caller.call("keys.usage", { path: { id }, query }, options);
  }
}
