/**
 * Webhook endpoints written straight to the store, and a real HTTP receiver, for tests of what is
 * sent (the worker, the events that reach the outbox) rather than of the /v1/webhooks routes.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import { newId } from "../src/domain/ids.js";
import type { WebhookEventType } from "../src/webhooks/event-types.js";
import type { TestService } from "./harness.js";

export interface FixtureEndpoint {
  id: string;
  secret: string;
}

/** An endpoint of the workspace subscribed to these events, with its secret sealed as the API does. */
export async function insertEndpoint(
  service: TestService,
  workspaceId: string,
  options: { url: string; events: readonly WebhookEventType[]; enabled?: boolean; allTenants?: boolean },
): Promise<FixtureEndpoint> {
  const id = newId("webhook");
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  const at = service.clock.now();
  await service.store.db
    .insertInto("webhook_endpoints")
    .values({
      id,
      workspace_id: workspaceId,
      url: options.url,
      events: JSON.stringify(options.events),
      enabled: options.enabled ?? true,
      all_tenants: options.allTenants ?? false,
      secret_ciphertext: await service.ctx.secrets.seal(secret, id),
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { id, secret };
}

/** Fires an event for a key as the store's sweeps do (`keygate_webhook_event`, migration 0010). */
export async function fireKeyEvent(
  service: TestService,
  type: WebhookEventType,
  keyId: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await sql`select keygate_webhook_event(${type}, ${keyId}, ${service.clock.now()}::timestamptz, ${JSON.stringify(extra)}::jsonb)`.execute(
    service.store.db,
  );
}

/** The outbox events of a workspace, oldest first. */
export function outboxEvents(service: TestService, workspaceId: string) {
  return service.store.db
    .selectFrom("webhook_events")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("seq")
    .execute();
}

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: (path: string) => string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A receiver on 127.0.0.1: `/ok` (and `/ok-anything`) answers 204, `/fail` 500, `/slow` after 2 s, `/redirect` 302 to
 * `/ok`, `/big` 200 with 100 KB. Every request it gets is kept in `received`.
 */
export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedRequest[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      if (path.startsWith("/ok")) return response.writeHead(204).end();
      if (path === "/fail") return response.writeHead(500, { "content-type": "text/plain" }).end("nope");
      if (path === "/redirect") return response.writeHead(302, { location: "/ok" }).end();
      if (path === "/big") return response.writeHead(200).end("x".repeat(100 * 1024));
      if (path === "/slow") {
        const timer = setTimeout(() => response.writeHead(204).end(), 2_000);
        response.on("close", () => clearTimeout(timer));
        return;
      }
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
