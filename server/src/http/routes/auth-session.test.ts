/** `GET /v1/auth/session`: the session or null, always 200, for the dashboard's first request. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bearer,
  createTestService,
  json,
  type SeededWorkspace,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../test/harness.js";
import { SESSION_COOKIE } from "../../domain/auth/sessions.js";

describe("GET /v1/auth/session", () => {
  let service: TestService;
  let acme: SeededWorkspace;
  beforeAll(async () => {
    service = await createTestService();
    acme = await seedWorkspace(service, { name: "Acme", plan: "pro" });
  });
  afterAll(() => service.close());

  it("answers 200 with null for a browser without a session cookie", async () => {
    const res = await service.app.inject({ method: "GET", url: "/v1/auth/session" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(json(res)).toEqual({ session: null });
  });

  it("answers 200 with null for an unknown or ended session, and for a root key (which has no session)", async () => {
    const unknown = await service.app.inject({
      method: "GET",
      url: "/v1/auth/session",
      headers: { cookie: `${SESSION_COOKIE}=not-a-session` },
    });
    expect(res(unknown)).toEqual({ status: 200, body: { session: null } });
    const rootKey = await service.app.inject({
      method: "GET",
      url: "/v1/auth/session",
      headers: bearer("kg_root_x"),
    });
    expect(res(rootKey)).toEqual({ status: 200, body: { session: null } });
  });

  it("answers the signed-in body of GET /v1/auth/me for a signed-in browser", async () => {
    const admin = await signInAs(service, acme.workspace.id, "admin");
    const session = await service.app.inject({
      method: "GET",
      url: "/v1/auth/session",
      headers: admin.headers,
    });
    const me = await service.app.inject({ method: "GET", url: "/v1/auth/me", headers: admin.headers });
    expect(session.statusCode).toBe(200);
    expect(json(session)).toEqual({ session: json(me) });
    expect(json<{ session: { role: string; csrfToken: string } }>(session).session).toMatchObject({
      role: "admin",
      csrfToken: admin.headers["x-csrf-token"],
    });
  });

  it("answers null once the person signed out", async () => {
    const developer = await signInAs(service, acme.workspace.id, "developer");
    const out = await service.app.inject({
      method: "POST",
      url: "/v1/auth/logout",
      headers: developer.headers,
    });
    expect(out.statusCode).toBe(204);
    const after = await service.app.inject({
      method: "GET",
      url: "/v1/auth/session",
      headers: developer.headers,
    });
    expect(res(after)).toEqual({ status: 200, body: { session: null } });
  });
});

function res(response: { statusCode: number; body: string }) {
  return { status: response.statusCode, body: JSON.parse(response.body) as unknown };
}
