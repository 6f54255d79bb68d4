/** Calls POST /v1/keys/verify the way a platform does, for the verifier's tests. */
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { bearer, type TestService } from "./harness.js";

export type VerifyBody = Record<string, unknown>;

/** POST /v1/keys/verify with this root key and body. */
export function postVerify(
  service: TestService,
  rootKey: string,
  body: VerifyBody,
): Promise<LightMyRequestResponse> {
  return service.app.inject({
    method: "POST",
    url: "/v1/keys/verify",
    headers: bearer(rootKey),
    payload: body,
  });
}

/** Verifies and asserts a 200 JSON answer; returns the parsed body. */
export async function verify(
  service: TestService,
  rootKey: string,
  body: VerifyBody,
): Promise<Record<string, unknown>> {
  const response = await postVerify(service, rootKey, body);
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
  return response.json() as Record<string, unknown>;
}
