/** `keygate.apps`: applications (integrations) and the Apis they are connected to. */
import type { CallOptions } from "../http.js";
import type { OperationCaller } from "../operation-caller.js";
import type { AnswerOf, QueryOf, RequestBody } from "../operations.js";

export class AppsResource {
  constructor(private readonly caller: OperationCaller) {}

  create(body: RequestBody<"apps.create">, options?: CallOptions): Promise<AnswerOf<"apps.create">> {
    return this.caller.call("apps.create", { body }, options);
  }

  list(query?: QueryOf<"apps.list">, options?: CallOptions): Promise<AnswerOf<"apps.list">> {
    return this.caller.call("apps.list", { query }, options);
  }

  /** Every app, page after page. */
  listAll(query?: QueryOf<"apps.list">, options?: CallOptions) {
    return this.caller.listAll("apps.list", query, options);
  }

  /** One app with its keys and connected Apis. */
  get(id: string, options?: CallOptions): Promise<AnswerOf<"apps.get">> {
    return this.caller.call("apps.get", { path: { id } }, options);
  }

  update(
    id: string,
    body: RequestBody<"apps.update">,
    options?: CallOptions,
  ): Promise<AnswerOf<"apps.update">> {
    return this.caller.call("apps.update", { path: { id }, body }, options);
  }

  delete(id: string, options?: CallOptions): Promise<AnswerOf<"apps.delete">> {
    return this.caller.call("apps.delete", { path: { id } }, options);
  }
}
