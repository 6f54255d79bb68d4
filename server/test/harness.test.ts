import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "./backends.js";
import { createTestService, expectError, json, type TestService } from "./harness.js";

describe.each(backends)("the service on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  it("answers health, readiness and an unknown route", async () => {
    expect(json(await service.app.inject({ method: "GET", url: "/healthz" }))).toEqual({ status: "ok" });
    expect(json(await service.app.inject({ method: "GET", url: "/readyz" }))).toEqual({ status: "ready" });
    expectError(
      await service.app.inject({ method: "GET", url: "/v1/nothing" }),
      404,
      "NOT_FOUND",
      "no route GET /v1/nothing",
    );
  });
});
