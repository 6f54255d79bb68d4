/**
 * Every migration this code knows, in order. Add a file `NNNN_name.ts` and list it here;
 * never edit one that has shipped.
 */
import type { Migration } from "kysely";
import * as initial from "./0001_initial.js";
import * as hourlyUsage from "./0002_hourly_usage.js";
import * as scaleIndexes from "./0003_scale_indexes.js";
import * as invitations from "./0004_invitations.js";
import * as recoverableKeys from "./0005_recoverable_keys.js";
import * as platformMode from "./0006_platform_mode.js";
import * as identityKeys from "./0007_identity_keys.js";
import * as keyImport from "./0008_key_import.js";
import * as cluster from "./0009_cluster.js";
import * as webhooks from "./0010_webhooks.js";

export const MIGRATIONS: Record<string, Migration> = {
  "0001_initial": initial,
  "0002_hourly_usage": hourlyUsage,
  "0003_scale_indexes": scaleIndexes,
  "0004_invitations": invitations,
  "0005_recoverable_keys": recoverableKeys,
  "0006_platform_mode": platformMode,
  "0007_identity_keys": identityKeys,
  "0008_key_import": keyImport,
  "0009_cluster": cluster,
  "0010_webhooks": webhooks,
};
