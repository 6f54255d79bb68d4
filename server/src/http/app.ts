/**
 * Builds the HTTP service: Fastify with zod schemas (the same schemas validate requests and
 * generate /openapi.json), cookie sessions, the error model, access rules and every route.
 */
import fastifyCookie from "@fastify/cookie";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { AppContext } from "../app/context.js";
import { newId } from "../domain/ids.js";
import { installAuthentication } from "./auth/authenticate.js";
import { handleFrameworkError, installErrorHandling } from "./error-handler.js";
import { installNulGuard } from "./reject-nul.js";
import { registerRoutes } from "./routes/index.js";

export const BODY_LIMIT_BYTES = 1024 * 1024;

export async function createApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    // Per-request logs at info would cost the verify path; onResponse below logs at debug instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: () => newId("request"),
    requestIdHeader: false,
    trustProxy: false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: handleFrameworkError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  installErrorHandling(app);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Keygate API",
        version: "1.0.0",
        description:
          "Create, scope, rotate, revoke and verify API keys. Errors answer `{ error: { code, message, requestId } }`.",
      },
      components: {
        securitySchemes: {
          rootKey: {
            type: "http",
            scheme: "bearer",
            description: "A root key: `Authorization: Bearer kg_root_...`",
          },
          session: { type: "apiKey", in: "cookie", name: "keygate_session" },
        },
      },
      security: [{ rootKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The reference UI is public: its routes get `auth: "public"` (they declare no rule of their own).
  await app.register(async (docs) => {
    docs.addHook("onRoute", (route) => {
      route.config = { ...route.config, auth: "public" };
    });
    await docs.register(fastifySwaggerUi, { routePrefix: "/docs", uiConfig: { docExpansion: "list" } });
  });
  installAuthentication(app, ctx);
  installNulGuard(app);

  app.addHook("onRequest", async (_request, reply) => {
    reply.header("x-request-id", _request.id);
  });
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    ctx.metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    if (reply.statusCode >= 500)
      request.log.warn({ requestId: request.id, route, status: reply.statusCode }, "request failed");
    else
      request.log.debug(
        { requestId: request.id, route, status: reply.statusCode, ms: reply.elapsedTime },
        "request",
      );
  });

  await app.register(async (scoped) => registerRoutes(scoped.withTypeProvider<ZodTypeProvider>(), ctx));
  app.get("/openapi.json", { config: { auth: "public" }, schema: { hide: true } }, async () => app.swagger());
  return app;
}
