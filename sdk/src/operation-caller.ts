/**
 * Calls one operation by its operationId: fills its path parameters, sends its query and body
 * through the transport (retried when the operation is idempotent), and answers the typed answer.
 * Also walks cursor-paged lists (`listAll`).
 */
import { KeygateOptionError } from "./errors.js";
import type { CallOptions, HttpTransport, QueryValue } from "./http.js";
import {
  type AnswerOf,
  isIdempotent,
  OPERATIONS,
  type OperationId,
  type QueryOf,
  type RequestBody,
} from "./operations.js";

export interface OperationInput<Id extends OperationId> {
  path?: Record<string, string>;
  query?: QueryOf<Id> | undefined;
  body?: RequestBody<Id>;
}

/** A page of a cursor-paged list. */
export interface Page<Item> {
  data: Item[];
  nextCursor: string | null;
}

/** The operations that answer a cursor-paged list. */
export type PagedOperationId = {
  [Id in OperationId]: AnswerOf<Id> extends Page<unknown>
    ? QueryOf<Id> extends { cursor?: string }
      ? Id
      : never
    : never;
}[OperationId];

/** An item of a paged operation's list. */
export type ItemOf<Id extends PagedOperationId> = AnswerOf<Id> extends Page<infer Item> ? Item : never;

export class OperationCaller {
  constructor(private readonly transport: HttpTransport) {}

  async call<Id extends OperationId>(
    id: Id,
    input: OperationInput<Id>,
    options?: CallOptions,
  ): Promise<AnswerOf<Id>> {
    const [method, template] = OPERATIONS[id];
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = input.path?.[name];
      if (typeof value !== "string" || value === "") {
        throw new KeygateOptionError(name, `${id} needs a non-empty string`);
      }
      return encodeURIComponent(value);
    });
    return this.transport.send<AnswerOf<Id>>(
      {
        method,
        path,
        query: input.query as Record<string, QueryValue> | undefined,
        body: input.body,
        idempotent: isIdempotent(id),
      },
      options,
    );
  }

  /**
   * Every item of a paged list, page after page (each page one call, with the same options),
   * starting at `query.cursor` when given.
   */
  async *listAll<Id extends PagedOperationId>(
    id: Id,
    query: QueryOf<Id> | undefined,
    options?: CallOptions,
  ): AsyncGenerator<ItemOf<Id>, void, undefined> {
    let cursor: string | undefined = (query as { cursor?: string } | undefined)?.cursor;
    do {
      const pageQuery = { ...query, cursor } as QueryOf<Id>;
      const page = (await this.call(id, { query: pageQuery }, options)) as Page<ItemOf<Id>>;
      yield* page.data;
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
  }
}
