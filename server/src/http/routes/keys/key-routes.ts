/** The key lifecycle routes (verification and usage live in their own modules). */
import type { AppContext } from "../../../app/context.js";
import type { ZodApp } from "../../zod-app.js";
import { createKeyRoute } from "./create-key.js";
import { deleteKeyRoute } from "./delete-key.js";
import { getKeysRoutes } from "./get-keys.js";
import { importKeysRoute } from "./import-keys.js";
import { revealKeyRoute } from "./reveal-key.js";
import { revokeKeyRoute } from "./revoke-key.js";
import { rotateKeyRoute } from "./rotate-key.js";
import { updateKeyRoutes } from "./update-key.js";

export function keyRoutes(app: ZodApp, ctx: AppContext): void {
  createKeyRoute(app, ctx);
  importKeysRoute(app, ctx);
  getKeysRoutes(app, ctx);
  updateKeyRoutes(app, ctx);
  rotateKeyRoute(app, ctx);
  revokeKeyRoute(app, ctx);
  revealKeyRoute(app, ctx);
  deleteKeyRoute(app, ctx);
}
