/** Apps (applications and integrations): `POST/GET /v1/apps`, `GET/PATCH/DELETE /v1/apps/{id}`. */
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import {
  appDetailSchema,
  appListItemSchema,
  appObjectSchema,
  createAppBody,
  updateAppBody,
} from "../../domain/apps/app-object.js";
import { createApp } from "../../domain/apps/create-app.js";
import { deleteApp } from "../../domain/apps/delete-app.js";
import { getAppDetail, listApps } from "../../domain/apps/find-apps.js";
import { updateApp } from "../../domain/apps/update-app.js";
import { pageOf, pageQuery } from "../../domain/paging.js";
import { principalOf } from "../auth/authenticate.js";
import { errorResponse, idParams } from "../schemas.js";
import type { ZodApp } from "../zod-app.js";
import { callerOf } from "./keys/key-route-parts.js";

const TAGS = ["apps"];
const refusals = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
};

export function appRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    "/v1/apps",
    {
      config: { auth: "apps:write" },
      schema: {
        tags: TAGS,
        summary: "Create an app",
        description: "An application or integration; its `id` is the App ID. Its keys take its environment.",
        body: createAppBody,
        response: { 201: appObjectSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const created = await createApp(ctx, callerOf(request), request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    "/v1/apps",
    {
      config: { auth: "apps:read" },
      schema: {
        tags: TAGS,
        summary: "List apps",
        description: "Newest first, cursor-paged.",
        querystring: z.strictObject(pageQuery),
        response: { 200: pageOf(appListItemSchema), ...refusals },
      },
    },
    async (request) => listApps(ctx.store.db, principalOf(request).workspaceId, request.query),
  );

  app.get(
    "/v1/apps/:id",
    {
      config: { auth: "apps:read" },
      schema: {
        tags: TAGS,
        summary: "Get an app with its keys and connected APIs",
        params: idParams("app"),
        response: { 200: appDetailSchema, ...refusals },
      },
    },
    async (request) =>
      getAppDetail(ctx.store.db, principalOf(request).workspaceId, request.params.id, ctx.clock.now()),
  );

  app.patch(
    "/v1/apps/:id",
    {
      config: { auth: "apps:write" },
      schema: {
        tags: TAGS,
        summary: "Edit an app",
        description:
          "`apiIds` is the full new set of connected APIs; disconnecting one whose scopes live keys of the app still hold is refused (409).",
        params: idParams("app"),
        body: updateAppBody,
        response: { 200: appObjectSchema, ...refusals },
      },
    },
    async (request) => updateApp(ctx, callerOf(request), request.params.id, request.body),
  );

  app.delete(
    "/v1/apps/:id",
    {
      config: { auth: "apps:write" },
      schema: {
        tags: TAGS,
        summary: "Delete an app and its keys",
        description:
          "Its keys are deleted too: gone from lists and verification at once; the audit trail keeps them.",
        params: idParams("app"),
        response: { 204: z.null().describe("Deleted"), ...refusals },
      },
    },
    async (request, reply) => {
      await deleteApp(ctx, callerOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
