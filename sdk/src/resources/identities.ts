/**
 * `keygate.identities`: the platform's end users or customers that keys belong to, addressed by
 * id or by their externalId.
 */
import type { CallOptions } from "../http.js";
import type { OperationCaller } from "../operation-caller.js";
import type { AnswerOf, QueryOf, RequestBody } from "../operations.js";

export class IdentitiesResource {
  constructor(private readonly caller: OperationCaller) {}

  create(
    body: RequestBody<"identities.create">,
    options?: CallOptions,
  ): Promise<AnswerOf<"identities.create">> {
    return this.caller.call("identities.create", { body }, options);
  }

  list(query?: QueryOf<"identities.list">, options?: CallOptions): Promise<AnswerOf<"identities.list">> {
    return this.caller.call("identities.list", { query }, options);
  }

  /** Every identity, page after page. */
  listAll(query?: QueryOf<"identities.list">, options?: CallOptions) {
    return this.caller.listAll("identities.list", query, options);
  }

  get(idOrExternalId: string, options?: CallOptions): Promise<AnswerOf<"identities.get">> {
    return this.caller.call("identities.get", { path: { idOrExternalId } }, options);
  }

  update(
    idOrExternalId: string,
    body: RequestBody<"identities.update">,
    options?: CallOptions,
  ): Promise<AnswerOf<"identities.update">> {
    return this.caller.call("identities.update", { path: { idOrExternalId }, body }, options);
  }

  delete(idOrExternalId: string, options?: CallOptions): Promise<AnswerOf<"identities.delete">> {
    return this.caller.call("identities.delete", { path: { idOrExternalId } }, options);
  }

  /** Revokes every key of the identity. */
  revokeKeys(
    idOrExternalId: string,
    body: RequestBody<"identities.revokeKeys">,
    options?: CallOptions,
  ): Promise<AnswerOf<"identities.revokeKeys">> {
    return this.caller.call("identities.revokeKeys", { path: { idOrExternalId }, body }, options);
  }
}
