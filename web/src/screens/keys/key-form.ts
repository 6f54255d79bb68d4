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
  rateLimit: string;
  rateLimitWindowSeconds: string;
  quota: string;
  /** "" for a quota that never refills. */
  quotaRefill: QuotaRefillInterval | "";
  /** The platform's id of the end user or customer the key is for (its identity); "" for none. Set at creation only. */
  externalId: string;
}

export type KeyFormField = keyof KeyFormValues;
export type KeyFormErrors = Partial<Record<KeyFormField, string>>;

export const emptyKeyForm = (appId = ""): KeyFormValues => ({
  name: "",
  appId,
  environment: "production",
  scopes: [],
  expiryDate: "",
  kind: "token",
  ipAllowlist: "",
  rateLimit: "",
  rateLimitWindowSeconds: "60",
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
    rateLimit: key.rateLimit ? String(key.rateLimit.limit) : "",
    rateLimitWindowSeconds: key.rateLimit ? String(Math.round(key.rateLimit.windowMs / 1000)) : "60",
    quota: key.quota ? String(key.quota.remaining) : "",
    quotaRefill: key.quota?.refill?.interval ?? "",
    externalId: key.externalId ?? "",
  };
}

/** Which field a server `details` path (`rateLimit.windowMs`, `ipAllowlist.2`) belongs to. */
const FIELD_OF_PATH: Array<[string, KeyFormField]> = [
  ["name", "name"],
  ["appId", "appId"],
  ["environment", "environment"],
  ["scopes", "scopes"],
  ["expiresAt", "expiryDate"],
  ["kind", "kind"],
  ["ipAllowlist", "ipAllowlist"],
  ["rateLimit.windowMs", "rateLimitWindowSeconds"],
  ["rateLimit", "rateLimit"],
  ["quota.refill", "quotaRefill"],
  ["quota", "quota"],
  ["externalId", "externalId"],
];

function fieldOfPath(path: string): KeyFormField | undefined {
  return FIELD_OF_PATH.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`))?.[1];
}

/** "must not be empty" → "Must not be empty"; a message that starts with a value ("orders:write is…") stays. */
const sentence = (message: string) =>
  /^[a-z]+( |$)/.test(message) ? message.charAt(0).toUpperCase() + message.slice(1) : message;

/** The problems of a refusal (or of our own check), one message per form field. */
export function errorsOfDetails(details: readonly FieldProblem[]): KeyFormErrors {
  const errors: KeyFormErrors = {};
  for (const problem of details) {
    const field = fieldOfPath(problem.path);
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
  rateLimit: { limit: number; windowMs: number } | null;
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

  let rateLimit: Limits["rateLimit"] = null;
  const limitText = values.rateLimit.trim();
  const windowText = values.rateLimitWindowSeconds.trim();
  if (limitText) {
    if (!WHOLE.test(limitText)) errors.rateLimit = "Enter a whole number of requests";
    if (!WHOLE.test(windowText)) errors.rateLimitWindowSeconds = "Enter a whole number of seconds";
    else if (Number(windowText) < 1 || Number(windowText) > 86_400) {
      errors.rateLimitWindowSeconds = "Must be between 1 and 86400 seconds (1 day)";
    }
    if (!errors.rateLimit && !errors.rateLimitWindowSeconds) {
      rateLimit = { limit: Number(limitText), windowMs: Number(windowText) * 1000 };
    }
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
  return { errors, expiresAt, ipAllowlist, rateLimit, quota };
}

function schemaErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): KeyFormErrors {
  return errorsOfDetails(
    issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
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
    ...(limits.rateLimit ? { rateLimit: limits.rateLimit } : {}),
    ...(limits.quota ? { quota: limits.quota } : {}),
    ...(values.externalId.trim() ? { externalId: values.externalId.trim() } : {}),
  };
  const parsed = createKeyBody.safeParse(body);
  const errors = { ...(parsed.success ? {} : schemaErrors(parsed.error.issues)), ...limits.errors };
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
  if (!sameJson(limits.rateLimit, key.rateLimit)) body.rateLimit = limits.rateLimit;
  if (values.quota !== before.quota || values.quotaRefill !== before.quotaRefill) body.quota = limits.quota;

  // An untouched expiry that the policy now requires is the server's to judge, not a reason to block other edits.
  const ownErrors = { ...limits.errors };
  if (values.expiryDate === before.expiryDate) delete ownErrors.expiryDate;
  const parsed = Object.keys(body).length > 0 ? updateKeyBody.safeParse(body) : undefined;
  const errors = { ...(parsed && !parsed.success ? schemaErrors(parsed.error.issues) : {}), ...ownErrors };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: Object.keys(body).length > 0 ? body : undefined };
}
