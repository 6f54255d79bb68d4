/**
 * The two doors into verification, for suites that run every case through both: Fastify's route
 * (`app.inject`, which always runs the route) and the real listening port, where the verify lane
 * answers the usual verification before Fastify (production traffic) and hands Fastify the rest.
 *
 * One port per test file: create the doors at collection time, open them once in `beforeAll`.
 * @example
 *   const doors = verifyDoors();
 *   beforeAll(async () => { service = await createTestService(); await doors.open(service); });
 *   describe.each(doors.all)("through $name", (door) => {
 *     it("answers VALID", async () => expect(await door.verify(root, { key })).toMatchObject({ valid: true }));
 *   });
 */
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import type { TestService } from "./harness.js";

export type VerifyBody = Record<string, unknown>;

/** An answer from either door, in one shape. */
export interface DoorAnswer {
  status: number;
  headers: Record<string, string | undefined>;
  text: string;
  json(): unknown;
}

export interface VerifyDoor {
  readonly name: "the Fastify route" | "the verify lane";
  /**
   * POST /v1/keys/verify with these headers (`content-type: application/json` unless given) and
   * body: an object is sent as JSON, a string as it is.
   */
  send(headers: Record<string, string>, body: VerifyBody | string): Promise<DoorAnswer>;
  /** POST /v1/keys/verify with `Authorization: Bearer <rootKey>`. */
  post(rootKey: string, body: VerifyBody | string): Promise<DoorAnswer>;
  /** Verifies and asserts a 200 JSON answer; returns the parsed body. */
  verify(rootKey: string, body: VerifyBody): Promise<Record<string, unknown>>;
}

export interface VerifyDoors {
  route: VerifyDoor;
  lane: VerifyDoor;
  all: readonly VerifyDoor[];
  /** Attaches the doors to this service and listens on a free local port (closed with the app). */
  open(service: TestService): Promise<void>;
}

const PATH = "/v1/keys/verify";

function answerOf(status: number, headers: Record<string, string | undefined>, text: string): DoorAnswer {
  return { status, headers, text, json: () => JSON.parse(text) as unknown };
}

function door(
  name: VerifyDoor["name"],
  send: (headers: Record<string, string>, payload: string) => Promise<DoorAnswer>,
): VerifyDoor {
  const self: VerifyDoor = {
    name,
    send: (headers, body) =>
      send(
        { "content-type": "application/json", ...headers },
        typeof body === "string" ? body : JSON.stringify(body),
      ),
    post: (rootKey, body) => self.send({ authorization: `Bearer ${rootKey}` }, body),
    async verify(rootKey, body) {
      const answer = await self.post(rootKey, body);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
      return answer.json() as Record<string, unknown>;
    },
  };
  return self;
}

export function verifyDoors(): VerifyDoors {
  let service: TestService | undefined;
  let base: string | undefined;
  const attached = () => {
    if (service === undefined || base === undefined) throw new Error("open the doors in beforeAll first");
    return { service, base };
  };
  const route = door("the Fastify route", async (headers, payload) => {
    const response = await attached().service.app.inject({ method: "POST", url: PATH, headers, payload });
    const responseHeaders: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      responseHeaders[name] = value === undefined ? undefined : String(value);
    }
    return answerOf(response.statusCode, responseHeaders, response.body);
  });
  const lane = door("the verify lane", async (headers, payload) => {
    const response = await fetch(`${attached().base}${PATH}`, { method: "POST", headers, body: payload });
    return answerOf(response.status, Object.fromEntries(response.headers), await response.text());
  });
  return {
    route,
    lane,
    all: [route, lane],
    async open(opened) {
      await opened.app.listen({ port: 0, host: "127.0.0.1" });
      service = opened;
      base = `http://127.0.0.1:${(opened.app.server.address() as AddressInfo).port}`;
    },
  };
}

/** Asserts the exact error shape of a refusal from either door; returns the error. */
export function expectRefusal(answer: DoorAnswer, status: number, code: string, message?: string | RegExp) {
  expect(answer.status, answer.text).toBe(status);
  const { error } = answer.json() as { error: { code: string; message: string; requestId: string } };
  expect(error.code).toBe(code);
  expect(error.requestId).toMatch(/^req_/);
  expect(answer.headers["x-request-id"]).toBe(error.requestId);
  if (typeof message === "string") expect(error.message).toBe(message);
  else if (message) expect(error.message).toMatch(message);
  return error;
}
