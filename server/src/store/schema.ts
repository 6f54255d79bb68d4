/**
 * The tables as Kysely sees them. One schema, the PostgreSQL dialect, for PGlite and PostgreSQL alike.
 * Timestamps are `Date`, bigint counters are `number` (parsed so in {@link ./database.ts}).
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

type Json = ColumnType<unknown, string, string>;
type Timestamp = ColumnType<Date, Date, Date>;
type NullableTimestamp = ColumnType<Date | null, Date | null | undefined, Date | null>;

export type Plan = "free" | "pro" | "enterprise";
export type Role = "owner" | "admin" | "developer" | "viewer";
export type Environment = "production" | "staging" | "development";
export type KeyKind = "token" | "pair";
/** Issued by this service, or imported by its hash (migration 0008). */
export type KeySource = "keygate" | "import";
/** The operator's workspace (the platform's own, created at first start) or a tenant (migration 0006). */
export type WorkspaceKind = "operator" | "tenant";
export type LeakResponse = "revoke" | "disable" | "notify";
/** What a portal session may open (migration 0006). */
export type PortalFeature = "keys" | "apps" | "usage" | "audit";
/** The roles a portal session can have: never owner. */
export type PortalRole = "admin" | "developer" | "viewer";

export interface WorkspacesTable {
  id: string;
  name: string;
  plan: Plan;
  key_prefix: string;
  max_key_lifetime_seconds: number | null;
  expiry_required: boolean;
  /** Live (not deleted) keys, kept by triggers on `keys` (migration 0003). */
  live_keys: ColumnType<number, number | undefined, number>;
  /** Whether new keys' secrets are also kept encrypted, to be revealed later (migration 0005). */
  recoverable_keys: ColumnType<boolean, boolean | undefined, boolean>;
  /** Platform mode (migration 0006): the operator's workspace or a tenant. */
  kind: ColumnType<WorkspaceKind, WorkspaceKind | undefined, WorkspaceKind>;
  /** The platform's own id of this customer; unique when set. */
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set while suspended: its keys verify as WORKSPACE_SUSPENDED. */
  suspended_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Soft delete: gone from lists, its keys verify as WORKSPACE_SUSPENDED. */
  deleted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** `{ productName?, logoUrl?, accentColor? }`: the portal's look (a tenant's overrides the operator's). */
  branding: ColumnType<unknown, string | undefined, string>;
  /** The last verification of any of its keys, written by the usage flush. */
  last_verified_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /**
   * `[{ prefix, pattern }]` (migration 0008): keys issued elsewhere that verification looks up
   * instead of refusing as MALFORMED; `pattern` is a JS regex source or null.
   */
  foreign_key_formats: ColumnType<unknown, string | undefined, string>;
  /** Key hygiene policy (migration 0010): a key older than this since its last rotation is due; null: off. */
  rotation_reminder_days: ColumnType<number | null, number | null | undefined, number | null>;
  /** Days without a verification after which a key counts as unused (badge, report, `key.unused`). */
  unused_key_days: ColumnType<number, number | undefined, number>;
  /** Disable a key unused this many days; null: never (the default). */
  auto_disable_unused_days: ColumnType<number | null, number | null | undefined, number | null>;
  /** What a leak report does to the key: revoke it (default), disable it, or only notify. */
  leak_response: ColumnType<LeakResponse, LeakResponse | undefined, LeakResponse>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An end user (or customer) of a workspace, shared by all its keys (migration 0006). */
export interface IdentitiesTable {
  id: string;
  workspace_id: string;
  external_id: string;
  meta: Json;
  /** `[{ name, limit, windowMs }]`: each one limit across every key of the identity. */
  rate_limits: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A one-time link to the key portal (migration 0006); only the token's SHA-256 is kept. */
export interface PortalTokensTable {
  token_hash: string;
  workspace_id: string;
  external_id: string;
  email: string;
  name: string;
  role: PortalRole;
  /** PortalFeature[] */
  features: Json;
  return_url: string | null;
  /** The operator's root key that asked for it (or the user who opened the tenant). */
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

/** A session of the key portal: one person of the platform in one tenant (migration 0006). */
export interface PortalSessionsTable {
  token_hash: string;
  workspace_id: string;
  external_id: string;
  email: string;
  name: string;
  role: PortalRole;
  /** PortalFeature[] */
  features: Json;
  return_url: string | null;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  workspace_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface SetupTokensTable {
  token_hash: string;
  workspace_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface RootKeysTable {
  id: string;
  workspace_id: string;
  name: string;
  start: string;
  secret_hash: string;
  permissions: Json;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
}

export interface ApisTable {
  id: string;
  workspace_id: string;
  name: string;
  description: string;
  scopes: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppsTable {
  id: string;
  workspace_id: string;
  title: string;
  description: string;
  environment: Environment;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppApisTable {
  app_id: string;
  api_id: string;
}

export interface KeysTable {
  id: string;
  workspace_id: string;
  app_id: string | null;
  kind: KeyKind;
  name: string;
  environment: Environment;
  prefix: string;
  start: string;
  shared_key: string | null;
  scopes: Json;
  meta: Json;
  expires_at: NullableTimestamp;
  ip_allowlist: Json;
  /** `[{ name, limit, windowMs }]`: at most 5 named limits, checked all-or-nothing. */
  rate_limits: Json;
  quota_remaining: number | null;
  /** `{ amount, interval }` or null. */
  quota_refill: Json | null;
  quota_refilled_at: NullableTimestamp;
  enabled: boolean;
  revoked_at: NullableTimestamp;
  revoked_reason: string | null;
  rotated_at: NullableTimestamp;
  deleted_at: NullableTimestamp;
  usage_count: ColumnType<number, number | undefined, number>;
  last_used_at: NullableTimestamp;
  last_used_ip: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /**
   * The current secret sealed by domain/secrets/secret-box.ts, when the key is recoverable
   * (migration 0005); null otherwise. Never read by verification.
   */
  secret_ciphertext: ColumnType<string | null, string | null | undefined, string | null>;
  /** The identity this key belongs to (migration 0006), and its external id (which never changes). */
  identity_id: ColumnType<string | null, string | null | undefined, string | null>;
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** `keygate` for a key this service issued, `import` for one imported by its hash (migration 0008). */
  source: ColumnType<KeySource, KeySource | undefined, KeySource>;
  /** The quota the key started from (kept by a trigger when set, raised or refilled; migration 0010). */
  quota_limit: ColumnType<number | null, never, never>;
  /** The last leak report of this key, and where the secret was found. */
  leaked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  leaked_url: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Every secret a key answers to: the current one (no expiry) and old ones in their rotation grace. */
export interface KeySecretsTable {
  secret_hash: string;
  key_id: string;
  workspace_id: string;
  expires_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface KeyUsageTable {
  key_id: string;
  workspace_id: string;
  /** Start of the UTC hour. */
  bucket: Timestamp;
  outcome: string;
  count: ColumnType<number, number, number>;
}

export interface AuditEventsTable {
  id: string;
  workspace_id: string;
  actor_type: "user" | "root_key" | "system" | "portal";
  /** A user's or root key's id; `portal:<externalId>` for a portal user. */
  actor_id: string | null;
  /** The portal user's email (migration 0006); null for other actors. */
  actor_label: ColumnType<string | null, string | null | undefined, string | null>;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details: Json;
  created_at: Timestamp;
}

/** A one-use link that adds a person with a role (migration 0004); only the token's SHA-256 is kept. */
export interface InvitationsTable {
  id: string;
  workspace_id: string;
  /** Normalised (trimmed, lower case). */
  email: string;
  role: Role;
  token_hash: string;
  invited_by_type: "user" | "root_key";
  invited_by_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  accepted_by: string | null;
  revoked_at: NullableTimestamp;
}

/** Usage batches already applied: a retried batch whose id is here is skipped. */
export interface UsageBatchesTable {
  id: string;
  applied_at: Timestamp;
}

/** A running node's heartbeat (cluster/node-registry.ts). */
export interface ClusterNodesTable {
  id: string;
  started_at: Timestamp;
  seen_at: Timestamp;
}

/** When a background job last ran, for the whole cluster (cluster/cluster-jobs.ts). */
export interface ClusterJobsTable {
  name: string;
  last_run_at: Timestamp;
}

/** A workspace's webhook receiver (migration 0010); the signing secret is sealed by the secret box. */
export interface WebhookEndpointsTable {
  id: string;
  workspace_id: string;
  url: string;
  description: ColumnType<string, string | undefined, string>;
  /** The event types it is subscribed to, e.g. `["key.created", "key.revoked"]`. */
  events: ColumnType<string[], string, string>;
  /** Operator workspace only: also every tenant's events. */
  all_tenants: ColumnType<boolean, boolean | undefined, boolean>;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  secret_ciphertext: string;
  /** Set when a delivery used up its retries; cleared by the next success. */
  failing_since: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The outbox: one event, written in the transaction of the change that caused it. */
export interface WebhookEventsTable {
  /** `msg_...`: the `webhook-id` header, the same for every delivery and retry of the event. */
  id: string;
  seq: Generated<string>;
  workspace_id: string;
  type: string;
  /** `{ key, workspace: { id, externalId }, ...extra }`: the body's `data`. */
  data: ColumnType<Record<string, unknown>, string, string>;
  occurred_at: Timestamp;
}

export type WebhookDeliveryStatus = "pending" | "delivered" | "failed";

/** One event for one endpoint: the unit workers take, retry and log. */
export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  event_id: string;
  status: ColumnType<WebhookDeliveryStatus, WebhookDeliveryStatus | undefined, WebhookDeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  /** When a worker may send it next; null once finished. */
  next_attempt_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** A worker's lease: no other worker takes it before this. */
  locked_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_status_code: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** One attempt of a delivery, for the delivery log. */
export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  attempted_at: Timestamp;
  status_code: number | null;
  duration_ms: number;
  /** The start of the answer (bounded). */
  response_excerpt: string;
  /** Why no answer came (timeout, refused address, connection reset); null when one came. */
  error: string | null;
}

/** One-off notices a key has had (`expiring_7d:<expiry>`, `rate_limited`...), sent once per cluster. */
export interface KeyNoticesTable {
  key_id: string;
  kind: string;
  sent_at: Timestamp;
}

export interface Database {
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  setup_tokens: SetupTokensTable;
  root_keys: RootKeysTable;
  apis: ApisTable;
  apps: AppsTable;
  app_apis: AppApisTable;
  keys: KeysTable;
  key_secrets: KeySecretsTable;
  key_usage: KeyUsageTable;
  audit_events: AuditEventsTable;
  usage_batches: UsageBatchesTable;
  invitations: InvitationsTable;
  identities: IdentitiesTable;
  portal_tokens: PortalTokensTable;
  portal_sessions: PortalSessionsTable;
  cluster_nodes: ClusterNodesTable;
  cluster_jobs: ClusterJobsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  key_notices: KeyNoticesTable;
}

export type WorkspaceRow = Selectable<WorkspacesTable>;
export type UserRow = Selectable<UsersTable>;
export type RootKeyRow = Selectable<RootKeysTable>;
export type ApiRow = Selectable<ApisTable>;
export type AppRow = Selectable<AppsTable>;
export type KeyRow = Selectable<KeysTable>;
export type NewKeyRow = Insertable<KeysTable>;
export type KeyUpdate = Updateable<KeysTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type IdentityRow = Selectable<IdentitiesTable>;
export type PortalTokenRow = Selectable<PortalTokensTable>;
export type PortalSessionRow = Selectable<PortalSessionsTable>;
export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;
export type WebhookEventRow = Selectable<WebhookEventsTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
export type WebhookAttemptRow = Selectable<WebhookAttemptsTable>;
