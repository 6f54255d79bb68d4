/**
 * HTTP to the nodes of a test cluster: one call answers its status and parsed body, so a test
 * asserts both exactly; verification with a root key; a node's Prometheus metrics read as numbers;
 * and the admin's sign-in and root keys, made once through one node and used on every node.
 *
 * @example
 * const admin = await signInAdmin(a);
 * const root = await createRootKey(a, admin, ["*"]);
 * const created = await call(a, "POST", "/v1/keys", { root, body: { name: "crm" } });  // { status: 201, body }
 * await verifyOn(b, root, { key: "kg_..." });            // { valid: true, code: "VALID", ... }
 * await metricOf(b, "keygate_rate_limit_fallback");      // 0
 */
import type { Body, Json } from "../../web/src/api/types";

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

/** Where a call goes: a node's base URL. */
export interface Target {
  readonly url: string;
}

export interface CallOptions {
  /** A root key's secret, sent as `authorization: Bearer`. */
  root?: string;
  /** A signed-in session: its cookie, and its CSRF token on changes. */
  session?: AdminSession;
  body?: unknown;
}

/** One request; the status and the JSON body (undefined for none, the text when not JSON). */
export async function call<T = unknown>(
  target: Target,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  options: CallOptions = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.root) headers.authorization = `Bearer ${options.root}`;
  if (options.session) {
    headers.cookie = options.session.cookie;
    if (method !== "GET") headers["x-csrf-token"] = options.session.csrfToken;
  }
  const response = await fetch(`${target.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text === "" ? undefined : text;
  if (text !== "" && (response.headers.get("content-type") ?? "").includes("json")) body = JSON.parse(text);
  return { status: response.status, body: body as T };
}

/** The body of a call that must answer `status`; otherwise throws with what it answered. */
export async function expectStatus<T = unknown>(
  target: Target,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  status: number,
  options: CallOptions = {},
): Promise<T> {
  const answer = await call<T>(target, method, path, options);
  if (answer.status !== status)
    throw new Error(
      `${method} ${target.url}${path} answered ${answer.status}, not ${status}: ${JSON.stringify(answer.body)}`,
    );
  return answer.body;
}

export type Verification = Json<"/v1/keys/verify", "post">;
export type VerifyRequest = Body<"/v1/keys/verify", "post">;

/** POST /v1/keys/verify with a root key; the answer must be 200, and its body is returned. */
export function verifyOn(target: Target, root: string, body: VerifyRequest): Promise<Verification> {
  return expectStatus<Verification>(target, "POST", "/v1/keys/verify", 200, { root, body });
}

/** The value of an unlabelled metric (or the first series of a labelled one); undefined when absent. */
export async function metricOf(target: Target, name: string): Promise<number | undefined> {
  const text = await expectStatus<string>(target, "GET", "/metrics", 200);
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "m").exec(String(text));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export interface AdminSession {
  cookie: string;
  csrfToken: string;
}

/** Signs in on one node (the session is the cluster's: it works on every node). */
export async function signIn(
  target: Target,
  person: { email: string; password: string },
): Promise<AdminSession> {
  const response = await fetch(`${target.url}/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(person),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${text}`);
  const cookie = response.headers
    .getSetCookie()
    .find((line) => line.startsWith("keygate_session="))
    ?.split(";")[0];
  if (!cookie) throw new Error("sign-in set no session cookie");
  return { cookie, csrfToken: (JSON.parse(text) as { csrfToken: string }).csrfToken };
}

export type RootKey = Json<"/v1/root-keys", "post">;

/** Creates a root key with these permissions through `target`. */
export function createRootKey(
  target: Target,
  session: AdminSession,
  permissions: Body<"/v1/root-keys", "post">["permissions"],
): Promise<RootKey> {
  return expectStatus<RootKey>(target, "POST", "/v1/root-keys", 201, {
    session,
    body: { name: `cluster ${permissions.join(" ")}`, permissions },
  });
}

export type CreatedKey = Json<"/v1/keys", "post">;
export type KeyObject = Json<"/v1/keys/{id}", "get">;

/** Creates a token key through `target` (201) and answers it with its secret. */
export async function createKey(
  target: Target,
  root: string,
  body: Body<"/v1/keys", "post">,
): Promise<CreatedKey & { key: string }> {
  const created = await expectStatus<CreatedKey>(target, "POST", "/v1/keys", 201, { root, body });
  if (typeof created.key !== "string") throw new Error("the created key has no secret");
  return { ...created, key: created.key };
}

/** The nearest-rank percentile `p` (0 to 100) of the values. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}
