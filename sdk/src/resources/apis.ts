/** `keygate.apis`: the connected APIs of the platform and the scopes each offers. */
import type { CallOptions } from "../http.js";
import type { OperationCaller } from "../operation-caller.js";
import type { AnswerOf, QueryOf, RequestBody } from "../operations.js";

export class ApisResource {
  constructor(private readonly caller: OperationCaller) {}

  create(body: RequestBody<"apis.create">, options?: CallOptions): Promise<AnswerOf<"apis.create">> {
    return this.caller.call("apis.create", { body }, options);
  }

  list(query?: QueryOf<"apis.list">, options?: CallOptions): Promise<AnswerOf<"apis.list">> {
    return this.caller.call("apis.list", { query }, options);
  }

  /** Every Api, page after page. */
  listAll(query?: QueryOf<"apis.list">, options?: CallOptions) {
    return this.caller.listAll("apis.list", query, options);
  }

  /** One connected API. */
  get(id: string, options?: CallOptions): Promise<AnswerOf<"apis.get">> {
    return this.caller.call("apis.get", { path: { id } }, options);
  }

  update(
    id: string,
    body: RequestBody<"apis.update">,
    options?: CallOptions,
  ): Promise<AnswerOf<"apis.update">> {
    return this.caller.call("apis.update", { path: { id }, body }, options);
  }

  delete(id: string, options?: CallOptions): Promise<AnswerOf<"apis.delete">> {
    return this.caller.call("apis.delete", { path: { id } }, options);
  }
}
