/** `keygate.auditEvents`: the workspace's audit trail, newest first. */
import type { CallOptions } from "../http.js";
import type { OperationCaller } from "../operation-caller.js";
import type { AnswerOf, QueryOf } from "../operations.js";

/** The JSON list's query (the CSV export is the dashboard's). */
export type AuditEventQuery = Omit<QueryOf<"auditEvents.list">, "format">;

export class AuditEventsResource {
  constructor(private readonly caller: OperationCaller) {}

  list(query?: AuditEventQuery, options?: CallOptions): Promise<AnswerOf<"auditEvents.list">> {
    return this.caller.call("auditEvents.list", { query }, options);
  }

  /** Every matching event, page after page. */
  listAll(query?: AuditEventQuery, options?: CallOptions) {
    return this.caller.listAll("auditEvents.list", query, options);
  }
}
