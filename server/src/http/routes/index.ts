/** Every route of the service, one file per endpoint or small resource. */
import type { AppContext } from "../../app/context.js";
import type { ZodApp } from "../zod-app.js";
import { healthRoutes } from "./health.js";

export async function registerRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  healthRoutes(app, ctx);
}
