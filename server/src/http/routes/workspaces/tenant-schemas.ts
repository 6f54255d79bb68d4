/**
 * The request and response schemas of the tenant API (platform mode, `/v1/workspaces`): they
 * validate the requests and document them in /openapi.json.
 */
import { z } from "zod";
import { isoDateTime, nameSchema } from "../../../domain/fields.js";
import { pageQuery } from "../../../domain/paging.js";
import { PLANS } from "../../../domain/workspaces/entitlements.js";
import { EXTERNAL_ID_PATTERN } from "../../../domain/workspaces/tenant-object.js";
import { publicWorkspaceSchema } from "../../account-schemas.js";
import { brandingChangeSchema, brandingSchema } from "../../branding-schema.js";
import { errorResponse } from "../../schemas.js";
import { keyPrefixSchema } from "../workspace.js";

export const TENANT_TAGS = ["workspaces (platform)"];

export const tenantRefusals = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
};

export const externalIdSchema = z
  .string()
  .regex(EXTERNAL_ID_PATTERN, "must be 1-200 letters, digits or . _ : @ -")
  .describe("The platform's own id of this customer (`cus_42`); unique");

const planSchema = z.enum(PLANS);

export const tenantSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    externalId: z.string().nullable(),
    plan: planSchema,
    keyPrefix: z.string(),
    suspended: z.boolean().describe("A suspended tenant's keys verify as WORKSPACE_SUSPENDED"),
    suspendedAt: isoDateTime.nullable(),
    branding: brandingSchema,
    keyCount: z.number().int().describe("Live (not deleted) keys"),
    lastVerifiedAt: isoDateTime.nullable().describe("The last verification of any of its keys"),
    entitlements: publicWorkspaceSchema.shape.entitlements,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .describe("A tenant: one customer workspace of the platform");

export const createTenantBody = z.strictObject({
  name: nameSchema.describe("The customer's name as the platform shows it"),
  externalId: externalIdSchema,
  plan: planSchema.describe("What the customer bought; `free` has no API Access (no new keys)"),
  keyPrefix: keyPrefixSchema
    .optional()
    .describe("The default prefix of the tenant's keys; the operator's own when absent"),
});

export const updateTenantBody = z.strictObject({
  name: nameSchema.optional(),
  externalId: externalIdSchema.optional(),
  plan: planSchema
    .optional()
    .describe(
      "Takes effect on the very next request; existing keys keep verifying on a plan without API Access",
    ),
  suspended: z
    .boolean()
    .optional()
    .describe("true: its keys verify as WORKSPACE_SUSPENDED at once; false: resumed"),
  branding: brandingChangeSchema.optional().describe("The tenant's override of the operator's branding"),
});

export const listTenantsQuery = z.strictObject({
  externalId: externalIdSchema.optional().describe("Exactly this customer id"),
  search: z.string().max(200).optional().describe("Contained in the name or the customer id, in any case"),
  plan: planSchema.optional(),
  suspended: z.stringbool().optional().describe("`true`: only suspended tenants; `false`: only the others"),
  ...pageQuery,
});
