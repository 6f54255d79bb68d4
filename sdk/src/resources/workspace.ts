/** `keygate.workspace` (the root key's own workspace) and `keygate.plans` (what each plan includes). */
import type { CallOptions } from "../http.js";
import type { OperationCaller } from "../operation-caller.js";
import type { AnswerOf, RequestBody } from "../operations.js";

export class WorkspaceResource {
  constructor(private readonly caller: OperationCaller) {}

  get(options?: CallOptions): Promise<AnswerOf<"workspace.get">> {
    return this.caller.call("workspace.get", {}, options);
  }

  update(
    body: RequestBody<"workspace.update">,
    options?: CallOptions,
  ): Promise<AnswerOf<"workspace.update">> {
    return this.caller.call("workspace.update", { body }, options);
  }
}

export class PlansResource {
  constructor(private readonly caller: OperationCaller) {}

  list(options?: CallOptions): Promise<AnswerOf<"plans.list">> {
    return this.caller.call("plans.list", {}, options);
  }
}
