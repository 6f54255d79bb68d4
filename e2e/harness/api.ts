/**
 * Seeds state through Keygate's public HTTP API, so a browser test sets up what it needs in
 * milliseconds and spends its time on the screen it tests. A session here is a real sign-in (the
 * `keygate_session` cookie and the CSRF token, as the dashboard holds them); its client is
 * openapi-fetch typed by the server's own OpenAPI document (sdk/src/generated/openapi.ts), so request
 * and response shapes are the server's, not written again.
 *
 * @example
 * const owner = await completeSetup(keygate, OWNER);          // the first-run link, by API
 * const app = await data(owner.client.POST("/v1/apps", { body: { title: "CRM", environment: "production" } }));
 * const root = await createRootKey(owner, ["keys:verify"]);
 * await verifyKey(keygate, root, { key: "kg_..." });           // { valid: true, code: "VALID", ... }
 */
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../../sdk/src/generated/openapi";
import type { Body, Json, SignedIn } from "../../web/src/api/types";

/** A person who can sign in. */
export interface Person {
  name: string;
  email: string;
  password: string;
}

/** The first workspace's owner of every e2e Keygate, unless a test needs another. */
export const OWNER: Person = {
  name: "Olivia Owner",
  email: "owner@example.com",
  password: "correct horse battery staple",
};

export interface ApiSession {
  /** Who signed in, in which workspace, with which role (the sign-in answer). */
  readonly signedIn: SignedIn;
  /** The session cookie, to sign a browser context in with. */
  readonly cookie: { name: string; value: string };
  readonly csrfToken: string;
  /** A typed client that sends the cookie, and the CSRF token on every change. */
  readonly client: Client<paths>;
}

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful call; otherwise throws with the method, path, status and body. */
export async function data<T>(call: Promise<Outcome<T>>): Promise<T> {
  const outcome = await call;
  if (!outcome.response.ok || outcome.data === undefined) {
    const request = `${outcome.response.url}`;
    throw new Error(
      `seeding call ${request} answered ${outcome.response.status}: ${JSON.stringify(outcome.error)}`,
    );
  }
  return outcome.data;
}

function sessionCookieOf(response: Response): { name: string; value: string } {
  const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith("keygate_session="));
  const pair = line?.split(";")[0];
  if (!pair) throw new Error(`no session cookie in the answer of ${response.url} (${response.status})`);
  const equals = pair.indexOf("=");
  return { name: pair.slice(0, equals), value: pair.slice(equals + 1) };
}

function sessionOf(url: string, response: Response, signedIn: SignedIn): ApiSession {
  const cookie = sessionCookieOf(response);
  const client = createClient<paths>({ baseUrl: url });
  client.use({
    onRequest({ request }) {
      request.headers.set("cookie", `${cookie.name}=${cookie.value}`);
      if (request.method !== "GET") request.headers.set("x-csrf-token", signedIn.csrfToken);
      return request;
    },
  });
  return { signedIn, cookie, csrfToken: signedIn.csrfToken, client };
}

/** Signs in with email and password, as the sign-in screen does. */
export async function signIn(
  target: { url: string },
  person: Pick<Person, "email" | "password">,
): Promise<ApiSession> {
  const client = createClient<paths>({ baseUrl: target.url });
  const outcome = await client.POST("/v1/auth/login", {
    body: { email: person.email, password: person.password },
  });
  const signedIn = await data(Promise.resolve(outcome));
  return sessionOf(target.url, outcome.response, signedIn);
}

/** Creates the first owner with the printed one-time setup link (by API, not by screen). */
export async function completeSetup(
  target: { url: string; setupUrl: string | undefined },
  person: Person = OWNER,
): Promise<ApiSession> {
  if (!target.setupUrl) throw new Error("this Keygate printed no setup link (its owner exists already)");
  const token = new URL(target.setupUrl).searchParams.get("token") ?? "";
  const client = createClient<paths>({ baseUrl: target.url });
  const outcome = await client.POST("/v1/setup", { body: { token, ...person } });
  const signedIn = await data(Promise.resolve(outcome));
  return sessionOf(target.url, outcome.response, signedIn);
}

/** Adds a person to the session's workspace with a role (creating their account), and signs them in. */
export async function addMember(
  target: { url: string },
  admin: ApiSession,
  person: Person,
  role: Body<"/v1/members", "post">["role"],
): Promise<ApiSession> {
  await data(admin.client.POST("/v1/members", { body: { ...person, role } }));
  return signIn(target, person);
}

/** A root key of the session's workspace, with its secret. */
export type RootKey = Json<"/v1/root-keys", "post">;

/** Creates a root key (`*` by default) for calls made as a server would, such as verification. */
export function createRootKey(
  admin: ApiSession,
  permissions: Body<"/v1/root-keys", "post">["permissions"] = ["*"],
): Promise<RootKey> {
  return data(
    admin.client.POST("/v1/root-keys", {
      body: { name: `e2e ${permissions.join(" ")}`, permissions },
    }),
  );
}

export type Verification = Json<"/v1/keys/verify", "post">;

/** Verifies a key as the platform's servers do: POST /v1/keys/verify with a root key. */
export async function verifyKey(
  target: { url: string },
  rootKey: Pick<RootKey, "key">,
  body: Body<"/v1/keys/verify", "post">,
): Promise<Verification> {
  const client = createClient<paths>({
    baseUrl: target.url,
    headers: { authorization: `Bearer ${rootKey.key}` },
  });
  return data(client.POST("/v1/keys/verify", { body }));
}
