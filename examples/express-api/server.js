// A tiny orders API protected by Keygate: GET /orders needs orders:read, POST /orders needs
// orders:write, GET /health is public. Run: KEYGATE_URL=... KEYGATE_ROOT_KEY=... node server.js
import { Keygate } from "@keygate/sdk";
import { keygate } from "@keygate/sdk/express";
import express from "express";

const client = new Keygate({
  baseUrl: process.env.KEYGATE_URL,
  rootKey: process.env.KEYGATE_ROOT_KEY,
  onCacheStatus: ({ live, reason }) =>
    console.log(live ? "Keygate cache: live" : `Keygate cache: down (${reason})`),
});
const orders = [{ id: "ord_1", item: "keyboard", quantity: 1 }];

const app = express();
app.get("/health", (_req, res) => res.json({ ok: true }));

app.get("/orders", keygate({ keygate: client, scopes: ["orders:read"] }), (req, res) => {
  res.json({ orders, keyId: req.keygate.keyId });
});

app.post("/orders", keygate({ keygate: client, scopes: ["orders:write"] }), express.json(), (req, res) => {
  const order = { id: `ord_${orders.length + 1}`, item: String(req.body?.item), quantity: 1 };
  orders.push(order);
  res.status(201).json(order);
});

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => console.log(`orders API listening on http://localhost:${port}`));

process.on("SIGTERM", () => server.close(() => client.close()));
