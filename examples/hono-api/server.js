// A tiny orders API protected by Keygate: GET /orders needs orders:read, POST /orders needs
// orders:write, GET /health is public. Run: KEYGATE_URL=... KEYGATE_ROOT_KEY=... node server.js
import { serve } from "@hono/node-server";
import { Keygate } from "@keygate/sdk";
import { keygate } from "@keygate/sdk/hono";
import { Hono } from "hono";

const client = new Keygate({
  baseUrl: process.env.KEYGATE_URL,
  rootKey: process.env.KEYGATE_ROOT_KEY,
  onCacheStatus: ({ live, reason }) =>
    console.log(live ? "Keygate cache: live" : `Keygate cache: down (${reason})`),
});
const orders = [{ id: "ord_1", item: "keyboard", quantity: 1 }];

const app = new Hono();
app.get("/health", (c) => c.json({ ok: true }));

app.get("/orders", keygate({ keygate: client, scopes: ["orders:read"] }), (c) => {
  return c.json({ orders, keyId: c.get("keygate").keyId });
});

app.post("/orders", keygate({ keygate: client, scopes: ["orders:write"] }), async (c) => {
  const body = await c.req.json().catch(() => ({}));
  const order = { id: `ord_${orders.length + 1}`, item: String(body.item), quantity: 1 };
  orders.push(order);
  return c.json(order, 201);
});

const port = Number(process.env.PORT ?? 3000);
const server = serve({ fetch: app.fetch, port }, () =>
  console.log(`orders API listening on http://localhost:${port}`),
);

process.on("SIGTERM", () => server.close(() => client.close()));
