/** `keygate.members` and `keygate.invitations`: the people of the workspace and their roles. */
import type { CallOptions } from "../http.js";
import type { OperationCaller } from "../operation-caller.js";
import type { AnswerOf, RequestBody } from "../operations.js";

export class MembersResource {
  constructor(private readonly caller: OperationCaller) {}

  list(options?: CallOptions): Promise<AnswerOf<"members.list">> {
    return this.caller.call("members.list", {}, options);
  }

  add(body: RequestBody<"members.add">, options?: CallOptions): Promise<AnswerOf<"members.add">> {
    return this.caller.call("members.add", { body }, options);
  }

  update(
    userId: string,
    body: RequestBody<"members.update">,
    options?: CallOptions,
  ): Promise<AnswerOf<"members.update">> {
    return this.caller.call("members.update", { path: { userId }, body }, options);
  }

  remove(userId: string, options?: CallOptions): Promise<AnswerOf<"members.remove">> {
    return this.caller.call("members.remove", { path: { userId } }, options);
  }
}

export class InvitationsResource {
  constructor(private readonly caller: OperationCaller) {}

  /** A one-use link (7 days) that adds a person with a role. */
  create(
    body: RequestBody<"invitations.create">,
    options?: CallOptions,
  ): Promise<AnswerOf<"invitations.create">> {
    return this.caller.call("invitations.create", { body }, options);
  }

  list(options?: CallOptions): Promise<AnswerOf<"invitations.list">> {
    return this.caller.call("invitations.list", {}, options);
  }

  delete(id: string, options?: CallOptions): Promise<AnswerOf<"invitations.delete">> {
    return this.caller.call("invitations.delete", { path: { id } }, options);
  }
}
