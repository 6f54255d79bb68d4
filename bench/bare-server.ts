/**
 * The baseline of the verify benchmark: a bare node:http server that does the least a verify
 * endpoint must do. It reads and parses the same JSON body Keygate gets and answers a JSON body
 * of the same size (the one Keygate gave), with keep-alive. Run as its own process:
 *   PORT=9000 RESPONSE_BODY='{"valid":true,...}' tsx bench/bare-server.ts
 */
import { createServer } from "node:http";

const port = Number(process.env.PORT ?? 9000);
const body = process.env.RESPONSE_BODY ?? '{"valid":true,"code":"VALID"}';
const contentLength = String(Buffer.byteLength(body));

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      parsed = undefined;
    }
    if (
      typeof parsed !== "object" ||
      parsed === null ||
      typeof (parsed as { key?: unknown }).key !== "string"
    ) {
      response.writeHead(400, { "content-type": "application/json" });
      response.end('{"error":"bad body"}');
      return;
    }
    response.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "content-length": contentLength,
    });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1", () => {
  process.stdout.write(`bare server listening on ${port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
