/**
 * A connected API: a name, a description and the scopes it offers (`orders:read`). Apps connect
 * to Apis; their keys may hold only the scopes those Apis offer. The schemas here validate the
 * requests, type the domain and document the API.
 */
import { z } from "zod";
import type { ApiRow } from "../../store/schema.js";
import { descriptionSchema, nameSchema } from "../fields.js";
import { scopeListSchema } from "../keys/key-fields.js";

export const apiObjectSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    scopes: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .describe("A connected API and the scopes it offers");
export type PublicApi = z.infer<typeof apiObjectSchema>;

export const createApiBody = z.strictObject({
  name: nameSchema,
  description: descriptionSchema.default(""),
  scopes: scopeListSchema.default([]).describe("The scopes it offers, each once"),
});
export type CreateApiInput = z.infer<typeof createApiBody>;

export const updateApiBody = z
  .strictObject({
    name: nameSchema.optional(),
    description: descriptionSchema.optional(),
    scopes: scopeListSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, {
    message: "send at least one field to change",
    when: (payload) => payload.issues.length === 0,
  });
export type UpdateApiInput = z.infer<typeof updateApiBody>;

export function toPublicApi(row: ApiRow): PublicApi {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    scopes: row.scopes as string[],
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
