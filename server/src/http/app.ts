/**
 * Builds the HTTP service: Fastify with zod schemas (the same schemas validate requests and
 * generate /openapi.json), cookie sessions, the error model, access rules, every route, and the
 * built dashboard at `/` (every other page path falls back to its index.html).
 */
import { createServer } from "node:http";
import fastifyCookie from "@fastify/cookie";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../app/context.js";
import { newId } from "../domain/ids.js";
import { installAuthentication } from "./auth/authenticate.js";
import { createClientErrorHandler } from "./client-errors.js";
import { serveDashboard } from "./dashboard/serve-dashboard.js";
import { handleFrameworkError, installErrorHandling } from "./error-handler.js";
import { installOperationIds } from "./operation-ids.js";
import { installRequestMetrics, RequestLog } from "./request-metrics.js";
import { registerRoutes } from "./routes/index.js";
import { installUnreadBodyDrain } from "./unread-body.js";
import { installUnstorableTextGuard } from "./unstorable-text.js";
import { validatorCompiler } from "./validation.js";
import { createVerifyLane } from "./verify-lane.js";

export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Fastify's default: longer than the idle timeout of common load balancers (60 s). */
const KEEP_ALIVE_TIMEOUT_MS = 72_000;

export async function createApp(ctx: AppContext): Promise<FastifyInstance> {
  const requestLog = new RequestLog(ctx);
  const takeVerify = createVerifyLane(ctx, requestLog);
  const app = Fastify({
    // The verify lane answers the usual verification before Fastify; Fastify answers the rest.
    serverFactory: (handler) => {
      const server = createServer((request, response) => {
        if (!takeVerify(request, response)) handler(request, response);
      });
      server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
      return server;
    },
    loggerInstance: ctx.logger as FastifyBaseLogger,
    // Per-request logs at info would cost the verify path; onResponse below logs at debug instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: () => newId("request"),
    // Every log line names its request id itself; a child logger per request would cost every
    // verification an allocation for nothing.
    childLoggerFactory: (logger) => logger,
    requestIdHeader: false,
    // Behind the configured proxies, `request.ip` (the login throttle, the audit trail) is the
    // client's address from X-Forwarded-For; from anyone else the header is ignored.
    trustProxy: ctx.config.trustedProxies.length > 0 ? ctx.config.trustedProxies : false,
    clientErrorHandler: createClientErrorHandler(requestLog),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: handleFrameworkError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  installErrorHandling(app);
  installUnreadBodyDrain(app);
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
          portal: {
            type: "apiKey",
            in: "cookie",
            name: "keygate_portal",
            description: "The key portal's session (platform mode): sent only with `x-keygate-portal: 1`",
          },
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
  installUnstorableTextGuard(app);
  installOperationIds(app);

  installRequestMetrics(app, requestLog);

  // Foreign key formats are judged from memory: read once, before the first verification (or,
  // when the store is down at start, as soon as it answers).
  await ctx.foreignFormats.loadInBackground(ctx.store.db, ctx.logger);
  app.addHook("onClose", async () => ctx.foreignFormats.stop());
  await app.register(async (scoped) => registerRoutes(scoped.withTypeProvider<ZodTypeProvider>(), ctx));
  app.get("/openapi.json", { config: { auth: "public" }, schema: { hide: true } }, async () => app.swagger());
  await app.register(async (scope) =>
    serveDashboard(scope, {
      root: ctx.config.dashboardDir,
      logger: ctx.logger,
      embedOrigins: ctx.config.embedOrigins,
    }),
  );
  return app;
}
