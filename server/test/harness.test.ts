import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "./backends.js";
import {
  createTestService,
  expectError,
  json,
  seedWorkspace,
  signInAs,
  TEST_PASSWORD,
  type TestService,
} from "./harness.js";

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

  it("seeds users with a real argon2id hash of the production cost, which signing in checks", async () => {
    const { workspace, ownerEmail } = await seedWorkspace(service);
    const viewer = await signInAs(service, workspace.id, "viewer");
    const hashes = await service.store.db
      .selectFrom("users")
      .select("password_hash")
      .where("email", "in", [ownerEmail, viewer.email])
      .execute();
    expect(hashes).toHaveLength(2);
    for (const { password_hash } of hashes)
      expect(password_hash).toMatch(
        /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
      );
    const login = (password: string) =>
      service.app.inject({
        method: "POST",
        url: "/v1/auth/login",
        payload: { email: viewer.email, password },
      });
    expect((await login(TEST_PASSWORD)).statusCode).toBe(200);
    expectError(await login(`${TEST_PASSWORD}!`), 401, "UNAUTHENTICATED");
  });
});
