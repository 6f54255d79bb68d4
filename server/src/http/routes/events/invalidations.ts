/**
 * GET /v1/events/invalidations: server-sent events that tell an SDK's local cache what changed
 * (`key`: keys of a workspace; `workspace`: its plan or suspension), so it drops those records at
 * once instead of waiting for a TTL. Caller: a root key with `keys:verify` (its workspace's events)
 * or `keys:verify:any` (every workspace's). `Last-Event-ID` (or `?lastEventId=`) resumes from the
 * ring of recent events; `ready.resumed:false` tells the SDK to drop its whole cache. The stream
 * ends when the caller's root key is deleted and when the app closes; a root key holds at most
 * {@link MAX_STREAMS_PER_ROOT_KEY} streams at once.
 */
import { z } from "zod";
import type { AppContext } from "../../../app/context.js";
import { hashSecret } from "../../../domain/key-format.js";
import { forbidden } from "../../../errors.js";
import { requireVerifyReach } from "../../../verifier/verify-reach.js";
import { bearerSecret, principalOf } from "../../auth/authenticate.js";
import { requireVerifyReachHook } from "../../auth/require-verify-reach.js";
import { EventStreamConnection } from "../../events/event-stream-connection.js";
import { InvalidationEvents } from "../../events/invalidation-events.js";
import { errorResponse } from "../../schemas.js";
import type { ZodApp } from "../../zod-app.js";

export const EVENTS_PATH = "/v1/events/invalidations";
export const MAX_STREAMS_PER_ROOT_KEY = 10;

const eventsQuery = z.strictObject({
  lastEventId: z
    .string()
    .max(64, "must be at most 64 characters")
    .optional()
    .describe("Resume after this event id, for clients that cannot send the Last-Event-ID header"),
});

const STREAM_DESCRIPTION = [
  "A text/event-stream. First `retry: 1000`, then `event: ready` with",
  '`data: {"resumed":true|false,"heartbeatMs":15000}` (resumed:false: events may have been missed, drop the whole cache).',
  'Then `event: key` `data: {"workspaceId":"ws_...","keyIds":["key_..."]}` for any change of those keys,',
  '`event: workspace` `data: {"workspaceId":"ws_...","plan":"pro","suspended":false}` for a plan, suspension or deletion,',
  "and a `: heartbeat` comment every heartbeatMs. Every event has an id `<bootId>.<seq>` to resume from.",
].join(" ");

export function invalidationEventsRoute(app: ZodApp, ctx: AppContext): void {
  const heartbeatMs = ctx.config.eventsHeartbeatMs;
  const hub = new InvalidationEvents(ctx.invalidation, {
    heartbeatMs,
    maxStreamsPerRootKey: MAX_STREAMS_PER_ROOT_KEY,
  });
  // Before the server waits for its connections: an open stream would otherwise hold close forever.
  app.addHook("preClose", (done) => {
    hub.endAll();
    done();
  });

  app.get(
    EVENTS_PATH,
    {
      config: { auth: "any" },
      onRequest: requireVerifyReachHook,
      schema: {
        tags: ["events"],
        summary: "Stream cache invalidations",
        description:
          "Server-sent events naming the keys and workspaces whose verification records changed, for an SDK's local cache. Needs a root key with keys:verify (its workspace's events) or keys:verify:any (every workspace's). Send `Last-Event-ID` (or `lastEventId`) to resume; the stream ends when the root key is deleted. At most 10 open streams per root key (429 beyond, with `retry-after`).",
        querystring: eventsQuery,
        response: {
          200: {
            description: "The event stream",
            content: {
              "text/event-stream": {
                schema: z.string().meta({ type: "string", description: STREAM_DESCRIPTION }),
              },
            },
          },
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          429: errorResponse,
        },
      },
    },
    (request, reply) => {
      const principal = principalOf(request);
      const reach = requireVerifyReach(principal);
      const secret = bearerSecret(request.headers.authorization ?? "");
      if (principal.type !== "root_key" || secret === undefined) {
        throw forbidden("the event stream is for root keys: send 'Authorization: Bearer <root key>'");
      }
      const header = request.headers["last-event-id"];
      const lastEventId = typeof header === "string" && header !== "" ? header : request.query.lastEventId;
      const connection = new EventStreamConnection(
        { workspaceId: principal.workspaceId, reach, rootKeyHash: hashSecret(secret) },
        reply.raw,
        hub,
        heartbeatMs,
      );
      // Throws RATE_LIMITED before anything is written: then the error handler answers 429.
      const start = hub.join(connection, lastEventId);
      reply.hijack();
      connection.start(
        request.id,
        `retry: 1000\n\n${start.readyFrame}${start.replay.map((event) => event.frame).join("")}`,
      );
    },
  );
}
