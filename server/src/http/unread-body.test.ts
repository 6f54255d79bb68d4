/**
 * A client that writes its whole body before reading (no `Expect: 100-continue`) reads the answer
 * the service gives before reading that body, instead of a connection reset: a raw socket and
 * Node's fetch, on a listening server.
 */
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestService, seedWorkspace, type TestService } from "../../test/harness.js";
import {
  fetchFromAnotherProcess,
  parseRawResponse,
  rawExchangeFromAnotherProcess,
} from "../../test/raw-http.js";

const THREE_MB = 3 * 1024 * 1024;
const TOO_LARGE = { code: "PAYLOAD_TOO_LARGE", message: "the body is over the 1 MB limit" };

describe("answers given before the body is read", () => {
  let service: TestService;
  let port: number;
  let rootKey: string;
  beforeAll(async () => {
    service = await createTestService();
    rootKey = (await seedWorkspace(service)).rootKey;
    await service.app.listen({ port: 0, host: "127.0.0.1" });
    port = (service.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => service.close());

  const rawPost = (path: string, headers: Record<string, string>, bytes: number) =>
    rawExchangeFromAnotherProcess(
      port,
      `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${bytes}\r\n` +
        `${Object.entries(headers)
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join("")}\r\n`,
      bytes,
    );

  it("lets a raw socket that writes a 3 MB body in one go read the 413 and its error body", async () => {
    for (const [path, headers] of [
      ["/v1/root-keys", bearer(rootKey)],
      ["/v1/auth/login", {}],
    ] as const) {
      const { received, error } = await rawPost(path, headers, THREE_MB);
      expect(error).toBeUndefined();
      const response = parseRawResponse(received);
      expect(response.status, received.slice(0, 200)).toBe(413);
      const requestId = response.headers["x-request-id"];
      expect(JSON.parse(response.body)).toEqual({ error: { ...TOO_LARGE, requestId } });
    }
  });

  it("lets a raw socket read the 401 given before a large body's credential is checked", async () => {
    const { received, error } = await rawPost("/v1/root-keys", { connection: "close" }, THREE_MB);
    expect(error).toBeUndefined();
    const response = parseRawResponse(received);
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  });

  it("lets Node's fetch read the 413 and its error body", async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await fetchFromAnotherProcess(
        `http://127.0.0.1:${port}/v1/root-keys`,
        { "content-type": "application/json", ...bearer(rootKey) },
        THREE_MB,
      );
      expect(answer).toEqual({ status: 413, body: expect.any(String) });
      expect(JSON.parse(answer.body ?? "")).toEqual({
        error: { ...TOO_LARGE, requestId: expect.stringMatching(/^req_/) },
      });
    }
  });
});
