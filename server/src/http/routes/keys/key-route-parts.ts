/** Pieces every key route shares: the caller of a request and the documented refusals. */
import type { FastifyRequest } from "fastify";
import type { Caller } from "../../../domain/keys/key-access.js";
import { clientIp, principalOf } from "../../auth/authenticate.js";
import { errorResponse } from "../../schemas.js";

/** The authenticated caller of a key operation, with the address the audit trail records. */
export function callerOf(request: FastifyRequest): Caller {
  return { principal: principalOf(request), ip: clientIp(request) };
}

/** The refusals a key route can answer, for the OpenAPI document. */
export const keyRefusals = {
  400: errorResponse,
  401: errorResponse,
  402: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
};

export const KEY_TAGS = ["keys"];
