/**
 * A webhook endpoint's signing secret in the Standard Webhooks format: `whsec_` and the base64 of
 * 24 random bytes (192 bits), as the `standardwebhooks` libraries read it. The secret is stored
 * only sealed by the secret box, bound to the endpoint's id, and shown once.
 */
import { randomBytes } from "node:crypto";
import type { SecretBox } from "../secrets/secret-box.js";

export const WEBHOOK_SECRET_PREFIX = "whsec_";
const SECRET_BYTES = 24;

/** @example newWebhookSecret() // "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" */
export function newWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(SECRET_BYTES).toString("base64");
}

/** A new secret for this endpoint and its sealed form, for `webhook_endpoints.secret_ciphertext`. */
export async function issueWebhookSecret(
  secrets: SecretBox,
  endpointId: string,
): Promise<{ secret: string; ciphertext: string }> {
  const secret = newWebhookSecret();
  return { secret, ciphertext: await secrets.seal(secret, endpointId) };
}
