/** What `keygate.keys.verify` takes and answers (the answer type is the server's, from /openapi.json). */
import type { CallOptions } from "./http.js";
import type { AnswerOf } from "./operations.js";

/** A token as `key`, or a pair as `sharedKey` + `secretKey`. */
export type VerifyCredential = { key: string } | { sharedKey: string; secretKey: string };

export interface VerifyOptions extends CallOptions {
  /** Scopes the key must all hold (`orders:*` held grants `orders:read`). */
  scopes?: string[];
  /** Quota units this verification spends (default 1). */
  cost?: number;
  /** The end client's address, checked against the key's IP allowlist. */
  ip?: string;
}

type WireAnswer = AnswerOf<"keys.verify">;

/** The answer of a verification (VALID or a refusal), as the server words it. */
export type VerifyAnswer = Omit<WireAnswer, "record">;

/** A verification outcome: `VALID`, `MALFORMED`, `NOT_FOUND`, `DISABLED`, ... */
export type VerifyCode = VerifyAnswer["code"];
