/**
 * The audit trail's actions in words ("key.created" → "Key created"), and the choices of the
 * action filter: every kind of event (`key.*`) and the single actions under it. An action this
 * list does not know is shown as the server wrote it.
 */

export interface ActionGroup {
  /** The filter value for the whole group, a prefix such as `key.*`. */
  prefix: string;
  label: string;
  actions: string[];
}

export const ACTION_GROUPS: ActionGroup[] = [
  {
    prefix: "key.*",
    label: "API keys",
    actions: [
      "key.created",
      "key.updated",
      "key.enabled",
      "key.disabled",
      "key.rotated",
      "key.revoked",
      "key.deleted",
      "key.revealed",
      "key.imported",
      "key.leaked",
    ],
  },
  {
    prefix: "webhook.*",
    label: "Webhooks",
    actions: [
      "webhook.created",
      "webhook.updated",
      "webhook.deleted",
      "webhook.secret_rotated",
      "webhook.tested",
      "webhook.redelivered",
    ],
  },
  { prefix: "app.*", label: "Apps", actions: ["app.created", "app.updated", "app.deleted"] },
  { prefix: "api.*", label: "Connected APIs", actions: ["api.created", "api.updated", "api.deleted"] },
  {
    prefix: "member.*",
    label: "Members",
    actions: ["member.added", "member.role_changed", "member.removed"],
  },
  {
    prefix: "invitation.*",
    label: "Invitations",
    actions: ["invitation.created", "invitation.revoked", "invitation.accepted"],
  },
  {
    prefix: "root_key.*",
    label: "Root keys",
    actions: ["root_key.created", "root_key.deleted", "root_key.leaked"],
  },
  {
    prefix: "workspace.*",
    label: "Workspace",
    actions: [
      "workspace.created",
      "workspace.updated",
      "workspace.plan_changed",
      "workspace.suspended",
      "workspace.resumed",
      "workspace.opened",
      "workspace.deleted",
    ],
  },
  {
    prefix: "identity.*",
    label: "Identities",
    actions: ["identity.created", "identity.updated", "identity.deleted"],
  },
  {
    prefix: "portal.*",
    label: "Key portal",
    actions: ["portal.link_created", "portal.session_started", "portal.session_ended"],
  },
  {
    prefix: "user.*",
    label: "Sign-ins",
    actions: ["user.signed_in", "user.signed_out", "user.sign_in_failed", "user.workspace_switched"],
  },
];

/** The actions whose words are not just their name's ("key.leaked" → "Key reported leaked"). */
const LABELS: Record<string, string> = {
  "key.leaked": "Key reported leaked",
  "root_key.leaked": "Root key reported leaked",
  "webhook.created": "Webhook endpoint added",
  "webhook.updated": "Webhook endpoint updated",
  "webhook.deleted": "Webhook endpoint deleted",
  "webhook.secret_rotated": "Webhook signing secret rotated",
  "webhook.tested": "Webhook test event sent",
  "webhook.redelivered": "Webhook delivery redelivered",
};

/** "key.role_changed" → "Key role changed". */
export function describeAction(action: string): string {
  const label = LABELS[action];
  if (label) return label;
  const words = action.replace(/\.\*$/, "").replace(/[._]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
