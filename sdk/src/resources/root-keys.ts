/** `keygate.rootKeys`: the workspace's management credentials (the secret is answered once, at creation). */
import type { CallOptions } from "../http.js";
import type { OperationCaller } from "../operation-caller.js";
import type { AnswerOf, RequestBody } from "../operations.js";

export class RootKeysResource {
  constructor(private readonly caller: OperationCaller) {}

  create(body: RequestBody<"rootKeys.create">, options?: CallOptions): Promise<AnswerOf<"rootKeys.create">> {
    return this.caller.call("rootKeys.create", { body }, options);
  }

  list(options?: CallOptions): Promise<AnswerOf<"rootKeys.list">> {
    return this.caller.call("rootKeys.list", {}, options);
  }

  delete(id: string, options?: CallOptions): Promise<AnswerOf<"rootKeys.delete">> {
    return this.caller.call("rootKeys.delete", { path: { id } }, options);
  }
}
