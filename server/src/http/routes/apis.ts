/** Connected Apis: `POST/GET /v1/apis`, `GET/PATCH/DELETE /v1/apis/{id}`. */
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { apiObjectSchema, createApiBody, toPublicApi, updateApiBody } from "../../domain/apis/api-object.js";
import { createApi } from "../../domain/apis/create-api.js";
import { deleteApi } from "../../domain/apis/delete-api.js";
import { findApi, listApis } from "../../domain/apis/find-apis.js";
import { updateApi } from "../../domain/apis/update-api.js";
import { pageOf, pageQuery } from "../../domain/paging.js";
import { principalOf } from "../auth/authenticate.js";
import { errorResponse, idParams } from "../schemas.js";
import type { ZodApp } from "../zod-app.js";
import { callerOf } from "./keys/key-route-parts.js";

const TAGS = ["apis"];
const refusals = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
};

export function apiRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    "/v1/apis",
    {
      config: { auth: "apis:write" },
      schema: {
        tags: TAGS,
        summary: "Create a connected API",
        description:
          "Declares an API of the platform and the scopes it offers to keys of the apps connected to it.",
        body: createApiBody,
        response: { 201: apiObjectSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const api = await createApi(ctx.store.db, callerOf(request), request.body, ctx.clock.now());
      return reply.code(201).send(api);
    },
  );

  app.get(
    "/v1/apis",
    {
      config: { auth: "apis:read" },
      schema: {
        tags: TAGS,
        summary: "List connected APIs",
        description: "Newest first, cursor-paged.",
        querystring: z.strictObject(pageQuery),
        response: { 200: pageOf(apiObjectSchema), ...refusals },
      },
    },
    async (request) => listApis(ctx.store.db, principalOf(request).workspaceId, request.query),
  );

  app.get(
    "/v1/apis/:id",
    {
      config: { auth: "apis:read" },
      schema: {
        tags: TAGS,
        summary: "Get a connected API",
        params: idParams("api"),
        response: { 200: apiObjectSchema, ...refusals },
      },
    },
    async (request) =>
      toPublicApi(await findApi(ctx.store.db, principalOf(request).workspaceId, request.params.id)),
  );

  app.patch(
    "/v1/apis/:id",
    {
      config: { auth: "apis:write" },
      schema: {
        tags: TAGS,
        summary: "Edit a connected API",
        description:
          "Removing a scope that a live key of a connected app still holds is refused (409) until the key no longer holds it.",
        params: idParams("api"),
        body: updateApiBody,
        response: { 200: apiObjectSchema, ...refusals },
      },
    },
    async (request) =>
      updateApi(ctx.store.db, callerOf(request), request.params.id, request.body, ctx.clock.now()),
  );

  app.delete(
    "/v1/apis/:id",
    {
      config: { auth: "apis:write" },
      schema: {
        tags: TAGS,
        summary: "Delete a connected API",
        description: "Refused (409) while an app is still connected to it.",
        params: idParams("api"),
        response: { 204: z.null().describe("Deleted"), ...refusals },
      },
    },
    async (request, reply) => {
      await deleteApi(ctx.store.db, callerOf(request), request.params.id, ctx.clock.now());
      return reply.code(204).send(null);
    },
  );
}
