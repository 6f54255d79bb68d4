/**
 * The create and edit key forms as data: the values a person types, their check before sending
 * (with the server's own zod schemas, `createKeyBody` and `updateKeyBody`, plus the workspace's
 * expiry policy), and the request body they become. A refusal's `details` paths map back to the
 * form's fields, so every message lands next to the field it concerns.
 */
import { createKeyBody, updateKeyBody } from "../../../../server/src/domain/keys/key-inputs";
import { type FieldProblem, isApiError } from "../../api/errors";
import type { KeyObject, Workspace } from "../../api/types";
import type { Environment } from "../../app/permissions";
import type { KeyCreateBody, KeyPatchBody } from "./use-keys";

export type QuotaRefillInterval = "minute" | "hour" | "day" | "week" | "month";

/** Most named rate limits a key holds (the server's rule, key-fields.ts). */
export const MAX_RATE_LIMITS = 5;

/** One named rate limit as typed: a row whose requests are empty is no limit. */
export interface RateLimitRow {
  name: string;
  /** Verifications allowed per window. */
  limit: string;
  windowSeconds: string;
}

export interface KeyFormValues {
  name: string;
  /** "" for a key of the workspace itself. */
  appId: string;
  /** For a key without an app; a key of an app takes the app's. */
  environment: Environment;
  scopes: string[];
  /** `yyyy-mm-dd` in the reader's time zone, or "". */
  expiryDate: string;
  kind: "token" | "pair";
  /** One CIDR or address per line. */
  ipAllowlist: string;
  /** The key's named rate limits, in order; at least one row (empty for none). */
  rateLimits: RateLimitRow[];
  quota: string;
  /** "" for a quota that never refills. */
  quotaRefill: QuotaRefillInterval | "";
  /** The platform's id of the end user or customer the key is for (its identity); "" for none. Set at creation only. */
  externalId: string;
}

export type KeyFormField = keyof KeyFormValues;
/** Where a problem of one rate limit row shows: `rateLimits.1.limit`. */
export type RateLimitRowField = `rateLimits.${number}.${keyof RateLimitRow}`;
export type KeyFormErrors = Partial<Record<KeyFormField | RateLimitRowField, string>>;

/** The row of a rate limit a key has, or a new one (named default when the form has none yet). */
export const rateLimitRow = (limit?: { name: string; limit: number; windowMs: number }): RateLimitRow =>
  limit
    ? {
        name: limit.name,
        limit: String(limit.limit),
        windowSeconds: String(Math.round(limit.windowMs / 1000)),
      }
    : { name: "default", limit: "", windowSeconds: "60" };

/** A row added next to others: no name yet (the form asks for one), a minute's window. */
export const addedRateLimitRow = (): RateLimitRow => ({ name: "", limit: "", windowSeconds: "60" });

export const emptyKeyForm = (appId = ""): KeyFormValues => ({
  name: "",
  appId,
  environment: "production",
  scopes: [],
  expiryDate: "",
  kind: "token",
  ipAllowlist: "",
  rateLimits: [rateLimitRow()],
  quota: "",
  quotaRefill: "",
  externalId: "",
});

/** The form's values for an existing key (the edit dialog). */
export function keyFormOf(key: KeyObject): KeyFormValues {
  return {
    ...emptyKeyForm(key.appId ?? ""),
    name: key.name,
    environment: key.environment,
    scopes: [...key.scopes],
    expiryDate: key.expiresAt ? localDateOf(new Date(key.expiresAt)) : "",
    kind: key.kind,
    ipAllowlist: key.ipAllowlist.join("\n"),
    rateLimits: key.rateLimits.length > 0 ? key.rateLimits.map(rateLimitRow) : [rateLimitRow()],
    quota: key.quota ? String(key.quota.remaining) : "",
    quotaRefill: key.quota?.refill?.interval ?? "",
    externalId: key.externalId ?? "",
  };
}

/** Which field a server `details` path (`quota.refill`, `ipAllowlist.2`) belongs to. */
const FIELD_OF_PATH: Array<[string, KeyFormField]> = [
  ["name", "name"],
  ["appId", "appId"],
  ["environment", "environment"],
  ["scopes", "scopes"],
  ["expiresAt", "expiryDate"],
  ["kind", "kind"],
  ["ipAllowlist", "ipAllowlist"],
  ["rateLimits", "rateLimits"],
  ["rateLimit", "rateLimits"],
  ["quota.refill", "quotaRefill"],
  ["quota", "quota"],
  ["externalId", "externalId"],
];

const ROW_FIELD_OF_PATH: Record<string, keyof RateLimitRow> = {
  name: "name",
  limit: "limit",
  windowMs: "windowSeconds",
};

/**
 * The form field of a path. `rateLimits.<i>.<field>` counts the limits sent, which skip the empty
 * rows: `rows` (the form's rate limit rows) finds the row the limit came from.
 */
function fieldOfPath(
  path: string,
  rows: readonly RateLimitRow[],
): KeyFormField | RateLimitRowField | undefined {
  const row = /^rateLimits\.(\d+)\.(\w+)/.exec(path);
  if (row?.[1] && row[2]) {
    const index = sentRowIndexes(rows)[Number(row[1])];
    const field = ROW_FIELD_OF_PATH[row[2]];
    if (index !== undefined && field) return `rateLimits.${index}.${field}`;
  }
  return FIELD_OF_PATH.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`))?.[1];
}

/** The rows that become limits (their requests given), by their place in the form. */
function sentRowIndexes(rows: readonly RateLimitRow[]): number[] {
  return rows.flatMap((row, index) => (row.limit.trim() ? [index] : []));
}

/** "must not be empty" → "Must not be empty"; a message that starts with a value ("orders:write is…") stays. */
const sentence = (message: string) =>
  /^[a-z]+( |$)/.test(message) ? message.charAt(0).toUpperCase() + message.slice(1) : message;

/**
 * The problems of a refusal (or of our own check), one message per form field; `values` are the
 * form's as sent, so a rate limit's problem lands on its row.
 */
export function errorsOfDetails(details: readonly FieldProblem[], values?: KeyFormValues): KeyFormErrors {
  const errors: KeyFormErrors = {};
  for (const problem of details) {
    const field = fieldOfPath(problem.path, values?.rateLimits ?? []);
    if (field && !errors[field]) errors[field] = sentence(problem.message);
  }
  return errors;
}

/**
 * The field problems of a refusal: its `details`, or for a validation refusal without them (a
 * check the domain makes, such as a scope the app does not offer) the `path: message` of its message.
 */
export function problemsOf(error: unknown): FieldProblem[] {
  if (!isApiError(error)) return [];
  if (error.details.length > 0) return [...error.details];
  const match = /^([A-Za-z][\w.]*): (.+)$/.exec(error.message);
  if (error.code !== "VALIDATION_FAILED" || !match?.[1] || !match[2]) return [];
  return [{ path: match[1], message: match[2] }];
}

/** `yyyy-mm-dd` of a moment in the reader's time zone. */
export function localDateOf(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last moment of a `yyyy-mm-dd` day in the reader's time zone: a key expires at the end of the day picked. */
export function endOfLocalDay(day: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(year ?? 0, (month ?? 1) - 1, date ?? 1, 23, 59, 59, 999);
}

/** The latest expiry date the workspace's maximum key lifetime allows, or undefined without one. */
export function latestExpiryDate(policy: Workspace["policy"], now: Date): string | undefined {
  if (policy.maxKeyLifetimeSeconds === null) return undefined;
  const limit = now.getTime() + policy.maxKeyLifetimeSeconds * 1000;
  const day = new Date(limit);
  if (endOfLocalDay(localDateOf(day)).getTime() > limit) day.setDate(day.getDate() - 1);
  return localDateOf(day);
}

interface CheckContext {
  policy: Workspace["policy"];
  now: Date;
}

interface Limits {
  errors: KeyFormErrors;
  expiresAt: string | null;
  ipAllowlist: string[];
  rateLimits: Array<{ name: string; limit: number; windowMs: number }>;
  quota: KeyCreateBody["quota"];
}

const WHOLE = /^\d+$/;

/** Checks what the schemas cannot know (the form's own units and the policy) and builds the limits. */
function checkLimits(values: KeyFormValues, { policy, now }: CheckContext): Limits {
  const errors: KeyFormErrors = {};
  let expiresAt: string | null = null;
  if (values.expiryDate) {
    const end = endOfLocalDay(values.expiryDate);
    const latest = latestExpiryDate(policy, now);
    if (Number.isNaN(end.getTime())) errors.expiryDate = "Enter a date";
    else if (end.getTime() <= now.getTime()) errors.expiryDate = "Pick a date in the future";
    else if (latest && values.expiryDate > latest) {
      errors.expiryDate = `The workspace allows keys to live until ${latest} at the latest`;
    } else expiresAt = end.toISOString();
  } else if (policy.expiryRequired) {
    errors.expiryDate = "The workspace requires an expiry date for every key";
  }

  const ipAllowlist = values.ipAllowlist
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

  const rateLimits: Limits["rateLimits"] = [];
  for (const index of sentRowIndexes(values.rateLimits)) {
    const row = values.rateLimits[index];
    if (!row) continue;
    const limitText = row.limit.trim();
    const windowText = row.windowSeconds.trim();
    const limitError = WHOLE.test(limitText) ? undefined : "Enter a whole number of requests";
    let windowError: string | undefined;
    if (!WHOLE.test(windowText)) windowError = "Enter a whole number of seconds";
    else if (Number(windowText) < 1 || Number(windowText) > 86_400) {
      windowError = "Must be between 1 and 86400 seconds (1 day)";
    }
    if (limitError) errors[`rateLimits.${index}.limit`] = limitError;
    if (windowError) errors[`rateLimits.${index}.windowSeconds`] = windowError;
    // A bad number keeps its limit's place with a stand-in (the form is not sent while it has
    // errors), so the schema's problems of the other limits land on their own rows.
    rateLimits.push({
      name: row.name.trim(),
      limit: limitError ? 1 : Number(limitText),
      windowMs: windowError ? 1000 : Number(windowText) * 1000,
    });
  }

  let quota: Limits["quota"] = null;
  const quotaText = values.quota.trim();
  if (quotaText) {
    if (!WHOLE.test(quotaText)) errors.quota = "Enter a whole number of verifications";
    else {
      const remaining = Number(quotaText);
      quota = {
        remaining,
        refill:
          values.quotaRefill && remaining > 0 ? { amount: remaining, interval: values.quotaRefill } : null,
      };
    }
  } else if (values.quotaRefill) {
    errors.quota = "Enter the quota that each refill restores";
  }
  return { errors, expiresAt, ipAllowlist, rateLimits, quota };
}

function schemaErrors(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
  values: KeyFormValues,
): KeyFormErrors {
  return errorsOfDetails(
    issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
    values,
  );
}

export type Checked<B> = { ok: true; body: B } | { ok: false; errors: KeyFormErrors };

/** The create request for the form, or the message of each field to fix first. */
export function checkCreateForm(values: KeyFormValues, context: CheckContext): Checked<KeyCreateBody> {
  const limits = checkLimits(values, context);
  const body: KeyCreateBody = {
    name: values.name,
    kind: values.kind,
    scopes: values.scopes,
    ...(values.appId ? { appId: values.appId } : { environment: values.environment }),
    ...(limits.expiresAt ? { expiresAt: limits.expiresAt } : {}),
    ...(limits.ipAllowlist.length > 0 ? { ipAllowlist: limits.ipAllowlist } : {}),
    ...(limits.rateLimits.length > 0 ? { rateLimits: limits.rateLimits } : {}),
    ...(limits.quota ? { quota: limits.quota } : {}),
    ...(values.externalId.trim() ? { externalId: values.externalId.trim() } : {}),
  };
  const parsed = createKeyBody.safeParse(body);
  const errors = { ...(parsed.success ? {} : schemaErrors(parsed.error.issues, values)), ...limits.errors };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { ...body, name: values.name.trim() } };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The edit request: only what changed, so an untouched quota is not restarted and an untouched
 * expiry keeps its exact time. `undefined` body means nothing changed.
 */
export function checkEditForm(
  key: KeyObject,
  values: KeyFormValues,
  context: CheckContext,
): Checked<KeyPatchBody | undefined> {
  const limits = checkLimits(values, context);
  const before = keyFormOf(key);
  const body: KeyPatchBody = {};
  if (values.name.trim() !== key.name) body.name = values.name.trim();
  if (!sameJson([...values.scopes].sort(), [...key.scopes].sort())) body.scopes = values.scopes;
  if (values.expiryDate !== before.expiryDate) body.expiresAt = limits.expiresAt;
  if (!sameJson(limits.ipAllowlist, key.ipAllowlist)) body.ipAllowlist = limits.ipAllowlist;
  if (!sameJson(limits.rateLimits, key.rateLimits)) body.rateLimits = limits.rateLimits;
  if (values.quota !== before.quota || values.quotaRefill !== before.quotaRefill) body.quota = limits.quota;

  // An untouched expiry that the policy now requires is the server's to judge, not a reason to block other edits.
  const ownErrors = { ...limits.errors };
  if (values.expiryDate === before.expiryDate) delete ownErrors.expiryDate;
  const parsed = Object.keys(body).length > 0 ? updateKeyBody.safeParse(body) : undefined;
  const errors = {
    ...(parsed && !parsed.success ? schemaErrors(parsed.error.issues, values) : {}),
    ...ownErrors,
  };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: Object.keys(body).length > 0 ? body : undefined };
}
