/**
 * The webhook event types in words and in groups, for the endpoint form's checkboxes and the
 * delivery log. The list itself is the server's (server/src/webhooks/event-types.ts), imported,
 * not copied; a type this file has no words for is shown as the server names it.
 */
import {
  TEST_EVENT_TYPE,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from "../../../../server/src/webhooks/event-types";

export { TEST_EVENT_TYPE, WEBHOOK_EVENT_TYPES, type WebhookEventType };

export interface EventGroup {
  label: string;
  description: string;
  types: WebhookEventType[];
}

export const EVENT_LABELS: Record<WebhookEventType, string> = {
  "key.created": "Key created",
  "key.updated": "Key updated",
  "key.enabled": "Key enabled",
  "key.disabled": "Key disabled",
  "key.rotated": "Key rotated",
  "key.revoked": "Key revoked",
  "key.deleted": "Key deleted",
  "key.expiring": "Key expiring soon",
  "key.expired": "Key expired",
  "key.unused": "Key unused",
  "key.leaked": "Key leaked",
  "key.quota_low": "Quota running low",
  "key.quota_exhausted": "Quota used up",
  "key.rate_limited": "Key rate limited",
};

const GROUPED: Array<Omit<EventGroup, "types"> & { types: WebhookEventType[] }> = [
  {
    label: "Key lifecycle",
    description: "A person or a root key changed a key.",
    types: [
      "key.created",
      "key.updated",
      "key.enabled",
      "key.disabled",
      "key.rotated",
      "key.revoked",
      "key.deleted",
    ],
  },
  {
    label: "Key hygiene",
    description: "Keygate noticed a key that needs attention.",
    types: ["key.expiring", "key.expired", "key.unused", "key.leaked"],
  },
  {
    label: "Usage limits",
    description: "A key ran into its quota or rate limit.",
    types: ["key.quota_low", "key.quota_exhausted", "key.rate_limited"],
  },
];

const grouped = new Set(GROUPED.flatMap((group) => group.types));
const others = WEBHOOK_EVENT_TYPES.filter((type) => !grouped.has(type));

/** Every event type once: the groups above, and any type the server added since under "Other". */
export const EVENT_GROUPS: EventGroup[] = [
  ...GROUPED.map((group) => ({
    ...group,
    types: group.types.filter((type) => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)),
  })),
  ...(others.length > 0 ? [{ label: "Other", description: "More events.", types: [...others] }] : []),
];

/** "key.created" → "Key created"; the test event → "Test event". */
export function describeEventType(type: string): string {
  if (type === TEST_EVENT_TYPE) return "Test event";
  return EVENT_LABELS[type as WebhookEventType] ?? type;
}
