/**
 * Names for the shapes the screens pass around, taken from the generated OpenAPI types (never
 * written twice): `Json<"/v1/keys/{id}", "get">` is the body of a 200 from `GET /v1/keys/{id}`.
 */
import type { paths } from "../../../sdk/src/generated/openapi";

type Method = "get" | "post" | "patch" | "put" | "delete";

type Responses<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer R }
  ? R
  : never;

/** The JSON body of the success answer (200 or 201) of an operation. */
export type Json<P extends keyof paths, M extends Method> =
  Responses<P, M> extends infer R
    ? R extends { 200: { content: { "application/json": infer B } } }
      ? B
      : R extends { 201: { content: { "application/json": infer B } } }
        ? B
        : never
    : never;

/** The JSON request body of an operation. */
export type Body<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer B } };
}
  ? B
  : never;

/** The query parameters of an operation. */
export type Query<P extends keyof paths, M extends Method> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;

export type SignedIn = Json<"/v1/auth/login", "post">;
export type Workspace = SignedIn["workspace"];
export type User = SignedIn["user"];
export type Role = SignedIn["role"];
export type KeyObject = Json<"/v1/keys/{id}", "get">;
export type KeyList = Json<"/v1/keys", "get">;
export type CreatedKey = Json<"/v1/keys", "post">;
export type App = Json<"/v1/apps/{id}", "get">;
export type ConnectedApi = Json<"/v1/apis/{id}", "get">;
