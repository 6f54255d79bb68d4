/** Liveness, readiness (store reachable, schema current) and Prometheus metrics. */
import type { Kysely } from "kysely";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { MIGRATIONS } from "../../store/migrations/index.js";
import { sendError } from "../error-handler.js";
import type { ZodApp } from "../zod-app.js";

const statusSchema = z.object({ status: z.string() });

/** A store that does not answer within this counts as unreachable. */
const READY_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function healthRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    "/healthz",
    {
      config: { auth: "public" },
      schema: { tags: ["health"], summary: "The process is alive", response: { 200: statusSchema } },
    },
    async () => ({ status: "ok" }),
  );

  app.get(
    "/readyz",
    {
      config: { auth: "public" },
      schema: {
        tags: ["health"],
        summary: "The store is reachable and its schema is current",
        response: { 200: statusSchema },
      },
    },
    async (request, reply) => {
      try {
        await withTimeout(ctx.store.ping(), READY_TIMEOUT_MS);
        const latest = Object.keys(MIGRATIONS).at(-1);
        const applied = await (ctx.store.db as unknown as Kysely<{ keygate_migrations: { name: string } }>)
          .selectFrom("keygate_migrations")
          .select("name")
          .orderBy("name", "desc")
          .executeTakeFirst();
        if (applied?.name !== latest)
          return sendError(reply, request, "UNAVAILABLE", "migrations are not applied");
        return { status: "ready" };
      } catch {
        return sendError(reply, request, "UNAVAILABLE", "the store is not reachable");
      }
    },
  );

  app.get("/metrics", { config: { auth: "public" }, schema: { hide: true } }, async (_request, reply) => {
    reply.header("content-type", ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });
}
