/**
 * Helpers for the key lifecycle tests: create keys, Apis and apps through the real routes, and
 * read what the store holds (secrets, audit events) to check what the HTTP answers cannot show.
 */
import type { LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { expect } from "vitest";
import type { PublicApi } from "../src/domain/apis/api-object.js";
import type { PublicApp } from "../src/domain/apps/app-object.js";
import { hashSecret } from "../src/domain/key-format.js";
import type { IssuedKey } from "../src/domain/keys/key-object.js";
import { bearer, json, type TestService } from "./harness.js";

export type Headers = Record<string, string>;

/** Headers for a root key, or the signed-in headers as they are. */
const authOf = (credential: string | Headers): Headers =>
  typeof credential === "string" ? bearer(credential) : credential;

export async function post(
  service: TestService,
  credential: string | Headers,
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return service.app.inject({
    method: "POST",
    url,
    headers: authOf(credential),
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

export async function patch(
  service: TestService,
  credential: string | Headers,
  url: string,
  payload: unknown,
): Promise<LightMyRequestResponse> {
  return service.app.inject({
    method: "PATCH",
    url,
    headers: authOf(credential),
    payload: payload as Record<string, unknown>,
  });
}

export async function get(
  service: TestService,
  credential: string | Headers,
  url: string,
): Promise<LightMyRequestResponse> {
  return service.app.inject({ method: "GET", url, headers: authOf(credential) });
}

export async function del(
  service: TestService,
  credential: string | Headers,
  url: string,
): Promise<LightMyRequestResponse> {
  return service.app.inject({ method: "DELETE", url, headers: authOf(credential) });
}

/** Creates a key through `POST /v1/keys` and expects 201. */
export async function createKey(
  service: TestService,
  credential: string | Headers,
  body: Record<string, unknown> = {},
): Promise<IssuedKey> {
  const response = await post(service, credential, "/v1/keys", { name: "test key", ...body });
  expect(response.statusCode, response.body).toBe(201);
  return json<IssuedKey>(response);
}

/** Creates an Api through `POST /v1/apis` and expects 201. */
export async function createApi(
  service: TestService,
  credential: string | Headers,
  body: Record<string, unknown> = {},
): Promise<PublicApi> {
  const response = await post(service, credential, "/v1/apis", { name: "Orders", ...body });
  expect(response.statusCode, response.body).toBe(201);
  return json<PublicApi>(response);
}

/** Creates an app through `POST /v1/apps` and expects 201. */
export async function createApp(
  service: TestService,
  credential: string | Headers,
  body: Record<string, unknown> = {},
): Promise<PublicApp> {
  const response = await post(service, credential, "/v1/apps", {
    title: "CRM",
    environment: "production",
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return json<PublicApp>(response);
}

/** The secret of an issued key: the token, or the Secret Key of a pair. */
export function secretOf(issued: IssuedKey): string {
  const secret = issued.key ?? issued.secretKey;
  if (secret === undefined) throw new Error("the response holds no secret");
  return secret;
}

/** The stored secrets of a key, oldest first. */
export async function secretsOf(service: TestService, keyId: string) {
  return service.store.db
    .selectFrom("key_secrets")
    .selectAll()
    .where("key_id", "=", keyId)
    .orderBy("created_at")
    .orderBy(sql`expires_at asc nulls last`)
    .execute();
}

/** The audit events of a target, oldest first. */
export async function auditOf(service: TestService, targetId: string) {
  return service.store.db
    .selectFrom("audit_events")
    .selectAll()
    .where("target_id", "=", targetId)
    .orderBy("id")
    .execute();
}

/** Asserts that neither a secret nor its hash appears anywhere in `value`. */
export function expectNoSecret(value: unknown, secrets: readonly string[]): void {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  for (const secret of secrets) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(hashSecret(secret));
  }
}
