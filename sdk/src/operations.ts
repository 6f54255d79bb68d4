/**
 * Every operation the SDK calls, by the server's operationId (server/src/http/operation-ids.ts),
 * with its method and path, and the request and answer types of each, taken from the generated
 * `operations` of /openapi.json (sdk/src/generated/openapi.ts) so they are never written twice.
 */
import type { operations } from "./generated/openapi.js";

export const OPERATIONS = {
  "keys.create": ["POST", "/v1/keys"],
  "keys.list": ["GET", "/v1/keys"],
  "keys.get": ["GET", "/v1/keys/{id}"],
  "keys.update": ["PATCH", "/v1/keys/{id}"],
  "keys.delete": ["DELETE", "/v1/keys/{id}"],
  "keys.enable": ["POST", "/v1/keys/{id}/enable"],
  "keys.disable": ["POST", "/v1/keys/{id}/disable"],
  "keys.rotate": ["POST", "/v1/keys/{id}/rotate"],
  "keys.revoke": ["POST", "/v1/keys/{id}/revoke"],
  "keys.reveal": ["POST", "/v1/keys/{id}/reveal"],
  "keys.usage": ["GET", "/v1/keys/{id}/usage"],
  "keys.verify": ["POST", "/v1/keys/verify"],
  "keys.import": ["POST", "/v1/keys/import"],
  "keys.reportUsage": ["POST", "/v1/keys/usage-reports"],

  "identities.create": ["POST", "/v1/identities"],
  "identities.list": ["GET", "/v1/identities"],
  "identities.get": ["GET", "/v1/identities/{idOrExternalId}"],
  "identities.update": ["PATCH", "/v1/identities/{idOrExternalId}"],
  "identities.delete": ["DELETE", "/v1/identities/{idOrExternalId}"],
  "identities.revokeKeys": ["POST", "/v1/identities/{idOrExternalId}/revoke-keys"],

  "apps.create": ["POST", "/v1/apps"],
  "apps.list": ["GET", "/v1/apps"],
  "apps.get": ["GET", "/v1/apps/{id}"],
  "apps.update": ["PATCH", "/v1/apps/{id}"],
  "apps.delete": ["DELETE", "/v1/apps/{id}"],

  "apis.create": ["POST", "/v1/apis"],
  "apis.list": ["GET", "/v1/apis"],
  "apis.get": ["GET", "/v1/apis/{id}"],
  "apis.update": ["PATCH", "/v1/apis/{id}"],
  "apis.delete": ["DELETE", "/v1/apis/{id}"],

  "workspace.get": ["GET", "/v1/workspace"],
  "workspace.update": ["PATCH", "/v1/workspace"],
  "plans.list": ["GET", "/v1/plans"],

  "members.list": ["GET", "/v1/members"],
  "members.add": ["POST", "/v1/members"],
  "members.update": ["PATCH", "/v1/members/{userId}"],
  "members.remove": ["DELETE", "/v1/members/{userId}"],
  "invitations.create": ["POST", "/v1/invitations"],
  "invitations.list": ["GET", "/v1/invitations"],
  "invitations.delete": ["DELETE", "/v1/invitations/{id}"],

  "rootKeys.create": ["POST", "/v1/root-keys"],
  "rootKeys.list": ["GET", "/v1/root-keys"],
  "rootKeys.delete": ["DELETE", "/v1/root-keys/{id}"],

  "auditEvents.list": ["GET", "/v1/audit-events"],

  "portal.createSession": ["POST", "/v1/portal/sessions"],

  "workspaces.create": ["POST", "/v1/workspaces"],
  "workspaces.list": ["GET", "/v1/workspaces"],
  "workspaces.get": ["GET", "/v1/workspaces/{id}"],
  "workspaces.update": ["PATCH", "/v1/workspaces/{id}"],
  "workspaces.delete": ["DELETE", "/v1/workspaces/{id}"],
  "workspaces.createRootKey": ["POST", "/v1/workspaces/{id}/root-keys"],
} as const satisfies Record<string, readonly ["GET" | "POST" | "PATCH" | "DELETE", string]>;

/** An operation the SDK calls that the generated document holds. */
export type OperationId = keyof typeof OPERATIONS & keyof operations;

type Operation<Id extends OperationId> = operations[Id];
type JsonContent<T> = T extends { content: { "application/json": infer Json } } ? Json : undefined;

/** The JSON body an operation takes (`undefined` when it takes none). */
export type RequestBody<Id extends OperationId> =
  Operation<Id> extends {
    requestBody: { content: { "application/json": infer Body } };
  }
    ? Body
    : Operation<Id> extends { requestBody?: { content: { "application/json": infer Body } } }
      ? Body | undefined
      : undefined;

/** The query parameters an operation takes. */
export type QueryOf<Id extends OperationId> = NonNullable<Operation<Id>["parameters"]["query"]>;

type SuccessStatus = 200 | 201 | 202 | 204;

/** What an operation answers when it succeeds (`undefined` for 204). */
export type AnswerOf<Id extends OperationId> = JsonContent<
  Operation<Id>["responses"][Extract<keyof Operation<Id>["responses"], SuccessStatus>]
>;

/** Calls idempotent by their meaning, which a retry can never apply twice. */
export function isIdempotent(id: keyof typeof OPERATIONS): boolean {
  const [method] = OPERATIONS[id];
  // Importing is idempotent by hash: a row already imported is skipped, never imported twice.
  return method === "GET" || method === "DELETE" || id === "keys.import";
}
