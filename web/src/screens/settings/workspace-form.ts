/**
 * The workspace settings form's values and its own checks before anything is sent: the fields a
 * person edits (the key lifetime in days; the rotation reminder, unused and auto-disable days, each
 * a whole number from 1 to 3,650, the reminder and auto-disable also off; the leak response), what
 * changed since the saved workspace, and a message per field under the same path the server's
 * `details` use.
 */
import type { Workspace } from "../../api/types";
import { formatNumber } from "../../ui/format";
import type { WorkspaceChanges } from "./use-workspace";

export interface WorkspaceFormValues {
  name: string;
  keyPrefix: string;
  expiryRequired: boolean;
  /** Whole days as typed; empty for no limit. */
  maxLifetimeDays: string;
  rotationReminderOn: boolean;
  rotationReminderDays: string;
  unusedKeyDays: string;
  autoDisableOn: boolean;
  autoDisableDays: string;
  leakResponse: LeakResponse;
}

export type LeakResponse = Workspace["policy"]["leakResponse"];

/** The longest a hygiene policy counts in days (the server's limit). */
export const MAX_POLICY_DAYS = 3650;
/** What a switched-on rotation reminder or auto-disable starts from. */
export const DEFAULT_ROTATION_DAYS = 90;
export const DEFAULT_AUTO_DISABLE_DAYS = 90;

export const DAY_SECONDS = 86_400;
/** The longest lifetime the server stores (2,147,483,647 seconds), in whole days. */
export const MAX_LIFETIME_DAYS = Math.floor(2_147_483_647 / DAY_SECONDS);

/** Where each field's message shows: the path of the workspace property the field edits. */
export const ERROR_PATH_OF: Record<keyof WorkspaceFormValues, string> = {
  name: "name",
  keyPrefix: "keyPrefix",
  expiryRequired: "policy.expiryRequired",
  maxLifetimeDays: "policy.maxKeyLifetimeSeconds",
  rotationReminderOn: "policy.rotationReminderDays",
  rotationReminderDays: "policy.rotationReminderDays",
  unusedKeyDays: "policy.unusedKeyDays",
  autoDisableOn: "policy.autoDisableUnusedDays",
  autoDisableDays: "policy.autoDisableUnusedDays",
  leakResponse: "policy.leakResponse",
};

export function valuesOf(workspace: Workspace): WorkspaceFormValues {
  const seconds = workspace.policy.maxKeyLifetimeSeconds;
  return {
    name: workspace.name,
    keyPrefix: workspace.keyPrefix,
    expiryRequired: workspace.policy.expiryRequired,
    maxLifetimeDays: seconds === null ? "" : String(Math.round((seconds / DAY_SECONDS) * 100) / 100),
    rotationReminderOn: workspace.policy.rotationReminderDays !== null,
    rotationReminderDays: String(workspace.policy.rotationReminderDays ?? DEFAULT_ROTATION_DAYS),
    unusedKeyDays: String(workspace.policy.unusedKeyDays),
    autoDisableOn: workspace.policy.autoDisableUnusedDays !== null,
    autoDisableDays: String(workspace.policy.autoDisableUnusedDays ?? DEFAULT_AUTO_DISABLE_DAYS),
    leakResponse: workspace.policy.leakResponse,
  };
}

export interface FormCheck {
  /** Only what differs from the saved workspace. */
  changes: WorkspaceChanges;
  /** A message per field path (`name`, `keyPrefix`, `policy.maxKeyLifetimeSeconds`). */
  errors: Record<string, string>;
}

function lifetimeSeconds(days: string): number | null | string {
  const text = days.trim();
  if (text === "") return null;
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    return "Enter a whole number of days (1 or more), or leave it empty for no limit";
  }
  if (Number(text) > MAX_LIFETIME_DAYS) return `Must be at most ${formatNumber(MAX_LIFETIME_DAYS)} days`;
  return Number(text) * DAY_SECONDS;
}

/** Whole days from 1 to 3,650, or the message saying what to enter. */
function policyDays(days: string): number | string {
  const text = days.trim();
  if (!/^\d+$/.test(text) || Number(text) < 1) return "Enter a whole number of days (1 or more)";
  if (Number(text) > MAX_POLICY_DAYS) return `Must be at most ${formatNumber(MAX_POLICY_DAYS)} days`;
  return Number(text);
}

/** A days field that may be off (null), checked only while on. */
function optionalDays(
  on: boolean,
  days: string,
  path: string,
  saved: number | null,
  errors: Record<string, string>,
): number | null | undefined {
  if (!on) return saved === null ? undefined : null;
  const value = policyDays(days);
  if (typeof value === "string") {
    errors[path] = value;
    return undefined;
  }
  return value === saved ? undefined : value;
}

export function checkWorkspaceForm(values: WorkspaceFormValues, saved: Workspace): FormCheck {
  const errors: Record<string, string> = {};
  const changes: WorkspaceChanges = {};
  const name = values.name.trim();
  const keyPrefix = values.keyPrefix.trim();

  if (!name) errors.name = "Enter the workspace's name";
  else if (name !== saved.name) changes.name = name;

  if (!keyPrefix) errors.keyPrefix = "Enter a prefix, such as acme";
  else if (keyPrefix !== saved.keyPrefix) changes.keyPrefix = keyPrefix;

  const policy: NonNullable<WorkspaceChanges["policy"]> = {};
  if (values.expiryRequired !== saved.policy.expiryRequired) policy.expiryRequired = values.expiryRequired;
  // An untouched lifetime stays as saved, even one the API set to a part of a day.
  if (values.maxLifetimeDays.trim() !== valuesOf(saved).maxLifetimeDays) {
    const seconds = lifetimeSeconds(values.maxLifetimeDays);
    if (typeof seconds === "string") errors["policy.maxKeyLifetimeSeconds"] = seconds;
    else policy.maxKeyLifetimeSeconds = seconds;
  }

  const rotation = optionalDays(
    values.rotationReminderOn,
    values.rotationReminderDays,
    "policy.rotationReminderDays",
    saved.policy.rotationReminderDays,
    errors,
  );
  if (rotation !== undefined) policy.rotationReminderDays = rotation;
  const unused = policyDays(values.unusedKeyDays);
  if (typeof unused === "string") errors["policy.unusedKeyDays"] = unused;
  else if (unused !== saved.policy.unusedKeyDays) policy.unusedKeyDays = unused;
  const autoDisable = optionalDays(
    values.autoDisableOn,
    values.autoDisableDays,
    "policy.autoDisableUnusedDays",
    saved.policy.autoDisableUnusedDays,
    errors,
  );
  if (autoDisable !== undefined) policy.autoDisableUnusedDays = autoDisable;
  if (values.leakResponse !== saved.policy.leakResponse) policy.leakResponse = values.leakResponse;

  if (Object.keys(policy).length > 0) changes.policy = policy;

  return { changes, errors };
}
