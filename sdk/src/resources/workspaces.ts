/**
 * `keygate.workspaces` and `keygate.portal` (platform mode, the operator's root keys): tenant
 * workspaces by externalId, plan and suspension, their root keys, and one-time key portal links.
 */
import type { CallOptions } from "../http.js";
import type { OperationCaller } from "../operation-caller.js";
import type { AnswerOf, QueryOf, RequestBody } from "../operations.js";

export class WorkspacesResource {
  constructor(private readonly caller: OperationCaller) {}

  create(
    body: RequestBody<"workspaces.create">,
    options?: CallOptions,
  ): Promise<AnswerOf<"workspaces.create">> {
    return this.caller.call("workspaces.create", { body }, options);
  }

  list(query?: QueryOf<"workspaces.list">, options?: CallOptions): Promise<AnswerOf<"workspaces.list">> {
    return this.caller.call("workspaces.list", { query }, options);
  }

  /** Every tenant, page after page. */
  listAll(query?: QueryOf<"workspaces.list">, options?: CallOptions) {
    return this.caller.listAll("workspaces.list", query, options);
  }

  get(id: string, options?: CallOptions): Promise<AnswerOf<"workspaces.get">> {
    return this.caller.call("workspaces.get", { path: { id } }, options);
  }

  update(
    id: string,
    body: RequestBody<"workspaces.update">,
    options?: CallOptions,
  ): Promise<AnswerOf<"workspaces.update">> {
    return this.caller.call("workspaces.update", { path: { id }, body }, options);
  }

  delete(id: string, options?: CallOptions): Promise<AnswerOf<"workspaces.delete">> {
    return this.caller.call("workspaces.delete", { path: { id } }, options);
  }

  /** A root key that belongs to the tenant and works only there (`key` is answered once). */
  createRootKey(
    id: string,
    body: RequestBody<"workspaces.createRootKey">,
    options?: CallOptions,
  ): Promise<AnswerOf<"workspaces.createRootKey">> {
    return this.caller.call("workspaces.createRootKey", { path: { id }, body }, options);
  }
}

export class PortalResource {
  constructor(private readonly caller: OperationCaller) {}

  /** `{ url, expiresAt }`: a one-time (60 s) link to one tenant's key portal for one person. */
  createSession(
    body: RequestBody<"portal.createSession">,
    options?: CallOptions,
  ): Promise<AnswerOf<"portal.createSession">> {
    return this.caller.call("portal.createSession", { body }, options);
  }
}
