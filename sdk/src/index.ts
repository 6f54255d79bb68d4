/**
 * @keygate/sdk: the Keygate client (the typed management API, key verification with a
 * live-invalidated local cache), the offline key format check and webhook verification
 * (verifyWebhook). Runs on Node 20+ and any runtime with fetch; no runtime dependencies.
 */

export { Keygate } from "./client.js";
export type { CacheOptions, CacheStatus, KeygateOptions } from "./client-options.js";
export {
  KeygateError,
  type KeygateErrorDetail,
  KeygateOptionError,
  type NoAnswerCode,
} from "./errors.js";
export type { components, operations, paths } from "./generated/openapi.js";
export type { CallOptions } from "./http.js";
export { isWellFormed } from "./key-format.js";
export type { Page } from "./operation-caller.js";
export type { AnswerOf, OperationId, QueryOf, RequestBody } from "./operations.js";
export type { CacheMetrics } from "./verification-cache.js";
export type { VerifyAnswer, VerifyCode, VerifyCredential, VerifyOptions } from "./verify-types.js";
export {
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookEvent,
  type WebhookEventType,
  type WebhookHeaders,
  type WebhookVerificationCode,
  WebhookVerificationError,
} from "./webhook-verification.js";
