/**
 * The caller's workspace: `GET /v1/workspace` and `PATCH /v1/workspace` (name, default key prefix,
 * key policy and key hygiene policy, recoverable keys, foreign key formats, and for the operator's workspace the portal's
 * branding). A change of the foreign key formats reaches every verifier before the answer. The plan
 * is not changeable here: the operator sets it with the CLI or, for a tenant, PATCH /v1/workspaces/{id}.
 */
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { nameSchema } from "../../domain/fields.js";
import { POLICY_DAYS } from "../../domain/hygiene/hygiene-policy.js";
import { PREFIX_PATTERN } from "../../domain/key-format.js";
import { publishForeignFormatsChange } from "../../domain/keys/import-format-change.js";
import { actorOf } from "../../domain/principal.js";
import {
  foreignKeyFormatsSchema,
  readForeignKeyFormats,
} from "../../domain/workspaces/foreign-key-formats.js";
import { updateWorkspace } from "../../domain/workspaces/update-workspace.js";
import { getWorkspace, toPublicWorkspace } from "../../domain/workspaces/workspaces.js";
import { ApiError, forbidden } from "../../errors.js";
import { publicWorkspaceSchema } from "../account-schemas.js";
import { principalOf } from "../auth/authenticate.js";
import { brandingChangeSchema } from "../branding-schema.js";
import { errorResponse } from "../schemas.js";
import type { ZodApp } from "../zod-app.js";
import { leakResponseSchema } from "./reports-schemas.js";

/** Loads the encryption key of recoverable keys, or refuses with 503 saying why (logged). */
async function requireEncryptionKey(ctx: AppContext): Promise<void> {
  try {
    await ctx.secrets.ready();
  } catch (error) {
    ctx.logger.error({ err: error }, "recoverable keys: the encryption key could not be loaded or created");
    throw new ApiError(
      "UNAVAILABLE",
      "recoverable keys need an encryption key, and this server could not load or create one; set KEYGATE_ENCRYPTION_KEY (see the server's log)",
    );
  }
}

/** The largest lifetime the store holds (a PostgreSQL integer, about 68 years). */
const MAX_LIFETIME_SECONDS = 2_147_483_647;

/** A workspace's default key prefix (`acme`, `acme_live`). */
export const keyPrefixSchema = z
  .string()
  .regex(PREFIX_PATTERN, "must be 2-16 lowercase letters or digits, with at most one _ inside");

/** Days of a hygiene policy (rotation reminder, unused, auto-disable). */
const policyDays = z
  .number()
  .int("must be a whole number")
  .min(POLICY_DAYS.min, `must be at least ${POLICY_DAYS.min}`)
  .max(POLICY_DAYS.max, `must be at most ${POLICY_DAYS.max}`);

const updateBody = z.strictObject({
  name: nameSchema.optional(),
  keyPrefix: keyPrefixSchema
    .optional()
    .describe("The default prefix of new keys (`acme`, `acme_live`); existing keys keep theirs"),
  policy: z
    .strictObject({
      maxKeyLifetimeSeconds: z
        .number()
        .int("must be a whole number")
        .positive("must be greater than 0")
        .max(MAX_LIFETIME_SECONDS, `must be at most ${MAX_LIFETIME_SECONDS}`)
        .nullable()
        .optional()
        .describe("The longest a new key may live; null for no limit"),
      expiryRequired: z.boolean().optional().describe("Whether every new key must have an expiry"),
      rotationReminderDays: policyDays
        .nullable()
        .optional()
        .describe("A key not rotated for this many days is due for rotation (badge, report); null: off"),
      unusedKeyDays: policyDays
        .optional()
        .describe("A key not verified for this many days counts as unused (badge, report, key.unused event)"),
      autoDisableUnusedDays: policyDays
        .nullable()
        .optional()
        .describe("Disable a key not verified for this many days (audited, by the server); null: never"),
      leakResponse: leakResponseSchema.optional(),
    })
    .optional(),
  recoverableKeys: z
    .boolean()
    .optional()
    .describe(
      "true: the secrets of keys created or rotated from now on are also kept encrypted, and admins and owners can reveal them (POST /v1/keys/{id}/reveal). false: every kept secret is erased; no key can be revealed",
    ),
  foreignKeyFormats: foreignKeyFormatsSchema.optional(),
  branding: brandingChangeSchema
    .optional()
    .describe(
      "The key portal's look for every tenant (platform mode): the operator's workspace only; a tenant's override is the operator's to set, with PATCH /v1/workspaces/{id}",
    ),
});

const responses = { 200: publicWorkspaceSchema, 401: errorResponse, 403: errorResponse };

export function workspaceRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    "/v1/workspace",
    {
      config: { auth: "workspace:read" },
      schema: {
        tags: ["workspace"],
        summary: "The caller's workspace, its plan and policy",
        response: responses,
      },
    },
    async (request) => {
      return toPublicWorkspace(await getWorkspace(ctx.store.db, principalOf(request).workspaceId));
    },
  );

  app.patch(
    "/v1/workspace",
    {
      config: { auth: "workspace:write" },
      schema: {
        tags: ["workspace"],
        summary:
          "Change the workspace's name, default key prefix, key policy, recoverable keys, foreign key formats or branding",
        body: updateBody,
        response: { ...responses, 400: errorResponse, 503: errorResponse },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      // The platform owns its portal's look: a tenant cannot rebrand the platform's settings page.
      if (request.body.branding !== undefined && (principal.type === "portal" || !principal.operator)) {
        throw forbidden(
          "only the operator's workspace sets branding here; a tenant's override is set by the operator (PATCH /v1/workspaces/{id})",
        );
      }
      // Turning recoverable keys on needs the encryption key: made (or found) now, not at the first key.
      if (request.body.recoverableKeys === true) await requireEncryptionKey(ctx);
      const updated = await updateWorkspace(ctx.store.db, {
        workspaceId: principal.workspaceId,
        changes: request.body,
        actor: actorOf(principal, request.ip),
        at: ctx.clock.now(),
      });
      if (request.body.foreignKeyFormats !== undefined) {
        await publishForeignFormatsChange(
          ctx,
          updated.id,
          readForeignKeyFormats(updated.foreign_key_formats),
        );
      }
      return toPublicWorkspace(updated);
    },
  );
}
