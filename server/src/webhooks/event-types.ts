/**
 * The lifecycle events a webhook endpoint can subscribe to. Key changes are written to the outbox
 * by the trigger on `audit_events` (migration 0010); the others by the statements that notice them
 * (hygiene sweeps, quota spending, the usage flush, leak reports).
 */
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
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The event "Send test event" delivers to one endpoint, whatever it subscribed to. */
export const TEST_EVENT_TYPE = "webhook.test";
