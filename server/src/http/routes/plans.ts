/**
 * `GET /v1/plans`: what each plan includes, and which one the caller's workspace is on, for the
 * dashboard's Upgrade required screen. Any signed-in user or root key may read it.
 */
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { PLANS } from "../../domain/workspaces/entitlements.js";
import { describePlans } from "../../domain/workspaces/plan-catalog.js";
import { getWorkspace } from "../../domain/workspaces/workspaces.js";
import { publicWorkspaceSchema } from "../account-schemas.js";
import { principalOf } from "../auth/authenticate.js";
import { errorResponse } from "../schemas.js";
import type { ZodApp } from "../zod-app.js";

const planSchema = z
  .object({
    id: z.enum(PLANS),
    name: z.string().describe('The plan\'s name as shown: "Free", "Pro", "Enterprise"'),
    entitlements: publicWorkspaceSchema.shape.entitlements,
    includes: z
      .array(z.string())
      .describe('What it includes, in words: "API Access", ..., "Up to 25 members", "Unlimited API keys"'),
  })
  .describe("A plan and what it includes");

const plansSchema = z.object({
  data: z.array(planSchema).describe("Every plan, from the smallest to the largest"),
  current: z.enum(PLANS).describe("The plan of the caller's workspace"),
});

export function planRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    "/v1/plans",
    {
      config: { auth: "any" },
      schema: {
        tags: ["workspace"],
        summary: "Every plan with what it includes, and the caller's current plan",
        response: { 200: plansSchema, 401: errorResponse },
      },
    },
    async (request) => {
      const workspace = await getWorkspace(ctx.store.db, principalOf(request).workspaceId);
      return { data: describePlans(), current: workspace.plan };
    },
  );
}
