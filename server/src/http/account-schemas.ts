/**
 * Schemas for people and their workspace: the email and password of a new account, roles, the
 * public user, the public workspace, and the answer of a sign-in (login, setup, `GET /v1/auth/me`).
 */
import { z } from "zod";
import type { SignedIn } from "../domain/auth/sign-in.js";
import { isoDateTime } from "../domain/fields.js";
import { ROLES } from "../domain/principal.js";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../domain/users/passwords.js";
import { toPublicUser } from "../domain/users/users.js";
import { PLANS } from "../domain/workspaces/entitlements.js";
import { toPublicWorkspace } from "../domain/workspaces/workspaces.js";
import { brandingSchema } from "./branding-schema.js";
import { hygienePolicySchema } from "./routes/reports-schemas.js";

export const roleSchema = z.enum(ROLES);

export const emailSchema = z.email("must be an email address").max(320, "must be at most 320 characters");

/** The password of a new account. */
export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

export const publicUserSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), createdAt: isoDateTime })
  .describe("A person with an account");

export const publicWorkspaceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z
      .enum(["operator", "tenant"])
      .describe("`operator`: the platform's own workspace; `tenant`: one of its customers (platform mode)"),
    externalId: z.string().nullable().describe("The platform's id of this customer; null for the operator"),
    suspended: z.boolean().describe("A suspended workspace's keys verify as WORKSPACE_SUSPENDED"),
    branding: brandingSchema,
    plan: z.enum(PLANS),
    keyPrefix: z.string(),
    policy: hygienePolicySchema,
    recoverableKeys: z
      .boolean()
      .describe(
        "Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later",
      ),
    foreignKeyFormats: z
      .array(z.object({ prefix: z.string(), pattern: z.string().nullable() }))
      .describe(
        "Formats of keys issued elsewhere (and imported by hash) that verification looks up instead of answering MALFORMED",
      ),
    entitlements: z.object({
      apiAccess: z.boolean(),
      ipAllowlists: z.boolean(),
      usageLimits: z.boolean(),
      auditExport: z.boolean(),
      maxMembers: z.number().int().nullable().describe("null: no limit"),
      maxKeys: z.number().int().nullable().describe("null: no limit"),
    }),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .describe("A workspace: its plan, default key prefix and key policy");

/** What a signed-in session answers: who, where, with which role, and the CSRF token for changes. */
export const signedInSchema = z.object({
  user: publicUserSchema,
  workspace: publicWorkspaceSchema,
  role: roleSchema,
  csrfToken: z.string().describe("Send it as x-csrf-token on every change made with this session"),
});

/** The body of a successful sign-in (login or setup). */
export function toSignedInBody(session: SignedIn): z.infer<typeof signedInSchema> {
  return {
    user: toPublicUser(session.user),
    workspace: toPublicWorkspace(session.workspace),
    role: session.role,
    csrfToken: session.csrfToken,
  };
}
