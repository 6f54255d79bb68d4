/**
 * An app (an application or integration): a title, a description, an environment and the Apis it
 * is connected to; its `id` is the App ID. Its keys take its environment and may hold only the
 * scopes its Apis offer. The schemas here validate the requests, type the domain and document it.
 */
import { z } from "zod";
import type { AppRow } from "../../store/schema.js";
import { apiObjectSchema } from "../apis/api-object.js";
import { descriptionSchema, nameSchema } from "../fields.js";
import { environmentSchema } from "../keys/key-fields.js";
import { keyObjectSchema } from "../keys/key-object.js";

const MAX_APIS_PER_APP = 50;

export const appObjectSchema = z
  .object({
    id: z.string().describe("The App ID"),
    title: z.string(),
    description: z.string(),
    environment: environmentSchema,
    apiIds: z.array(z.string()).describe("The connected Apis"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .describe("An application and the Apis it is connected to");
export type PublicApp = z.infer<typeof appObjectSchema>;

export const appListItemSchema = appObjectSchema
  .extend({ keyCount: z.number().int().describe("Its keys (not deleted), revoked ones included") })
  .describe("An application in the list, with how many keys it has");
export type AppListItem = z.infer<typeof appListItemSchema>;

export const appDetailSchema = appObjectSchema
  .extend({
    keys: z.array(keyObjectSchema).describe("Its keys (not deleted), newest first"),
    apis: z.array(apiObjectSchema).describe("Its connected Apis"),
  })
  .describe("An application with its keys and connected Apis");
export type AppDetail = z.infer<typeof appDetailSchema>;

const apiIdsSchema = z
  .array(z.string().max(100))
  .max(MAX_APIS_PER_APP, `must hold at most ${MAX_APIS_PER_APP} APIs`)
  .refine((ids) => new Set(ids).size === ids.length, "must not repeat an API");

export const createAppBody = z.strictObject({
  title: nameSchema,
  description: descriptionSchema.default(""),
  environment: environmentSchema,
  apiIds: apiIdsSchema.default([]).describe("The Apis to connect"),
});
export type CreateAppInput = z.infer<typeof createAppBody>;

export const updateAppBody = z
  .strictObject({
    title: nameSchema.optional(),
    description: descriptionSchema.optional(),
    environment: environmentSchema.optional().describe("Its keys move to the new environment"),
    apiIds: apiIdsSchema.optional().describe("The full new set of connected Apis"),
  })
  .refine((body) => Object.keys(body).length > 0, {
    message: "send at least one field to change",
    when: (payload) => payload.issues.length === 0,
  });
export type UpdateAppInput = z.infer<typeof updateAppBody>;

export function toPublicApp(row: AppRow, apiIds: string[]): PublicApp {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    environment: row.environment,
    apiIds,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
