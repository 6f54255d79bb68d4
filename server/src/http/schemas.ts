/** Schema pieces many routes share: id path parameters and the error body. */
import { z } from "zod";
import { ID_PREFIXES, type IdKind } from "../domain/ids.js";

/** A path parameter holding an id of this kind. */
export function idParam(kind: IdKind) {
  return z
    .string()
    .max(100)
    .refine(
      (id) => id.startsWith(`${ID_PREFIXES[kind]}_`),
      `must be an id starting with ${ID_PREFIXES[kind]}_`,
    );
}

/** `{ id }` path parameters for an entity of this kind. */
export function idParams(kind: IdKind) {
  return z.strictObject({ id: idParam(kind) });
}

export const errorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      requestId: z.string(),
      details: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .describe("Per-field reasons of a validation failure"),
    }),
  })
  .describe("The error shape of every refusal");
