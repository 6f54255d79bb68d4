/**
 * Requests Node's HTTP parser refuses, over a raw socket to a listening server: each answers the
 * service's error body with a request id, never Fastify's default shape.
 */
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestService, type TestService } from "../../test/harness.js";
import { parseRawResponse, rawExchange } from "../../test/raw-http.js";

describe("requests the HTTP parser refuses", () => {
  let service: TestService;
  let port: number;
  beforeAll(async () => {
    service = await createTestService();
    await service.app.listen({ port: 0, host: "127.0.0.1" });
    port = (service.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => service.close());

  const big = "a".repeat(20 * 1024);
  it.each([
    [
      "a 20 KB path",
      `GET /v1/${big} HTTP/1.1\r\nHost: x\r\n\r\n`,
      431,
      "HEADERS_TOO_LARGE",
      "the request's headers (with its path) are over the 16 KB limit",
    ],
    [
      "a 20 KB header",
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${big}\r\n\r\n`,
      431,
      "HEADERS_TOO_LARGE",
      "the request's headers (with its path) are over the 16 KB limit",
    ],
    [
      "a garbage request line",
      "HELLO WORLD\r\n\r\n",
      400,
      "VALIDATION_FAILED",
      "the request line is not HTTP (method path HTTP/1.1)",
    ],
    [
      "an unknown HTTP version",
      "GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n",
      400,
      "VALIDATION_FAILED",
      "the HTTP version is not supported; send HTTP/1.1",
    ],
    [
      "a header without a colon",
      "GET /healthz HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n",
      400,
      "VALIDATION_FAILED",
      "a header is not valid (each header is Name: value)",
    ],
    [
      "Content-Length with Transfer-Encoding",
      "POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      400,
      "VALIDATION_FAILED",
      "send Content-Length or Transfer-Encoding, not both",
    ],
    [
      "two Content-Lengths",
      "POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
      400,
      "VALIDATION_FAILED",
      "send one Content-Length header",
    ],
  ])("answers %s with the error body", async (_name, request, status, code, message) => {
    const { received } = await rawExchange(port, [request]);
    const response = parseRawResponse(received);
    expect(response.status, received.slice(0, 300)).toBe(status);
    expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(response.headers.connection).toBe("close");
    const requestId = response.headers["x-request-id"];
    expect(requestId).toMatch(/^req_[0-9A-Z]{26}$/);
    expect(JSON.parse(response.body)).toEqual({ error: { code, message, requestId } });
  });

  it("counts the refusals in /metrics", async () => {
    await rawExchange(port, ["HELLO WORLD\r\n\r\n"]);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(
      /^keygate_http_requests_total\{method="-",route="unparsed",status="400"\} [1-9]\d*$/m,
    );
    expect(metrics).toMatch(/^keygate_http_requests_total\{method="-",route="unparsed",status="431"\} 2$/m);
  });

  it("keeps serving after them", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
