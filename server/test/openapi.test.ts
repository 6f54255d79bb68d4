/**
 * The published reference: /openapi.json is OpenAPI 3.1, lists every route the service registers
 * (computed from the route modules themselves, so a new route is checked the day it lands), and
 * its schemas are the zod schemas that validate requests. /docs serves the interactive page.
 */
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { PERMISSIONS } from "../src/domain/principal.js";
import { installOperationIds, OPERATION_IDS } from "../src/http/operation-ids.js";
import { registerRoutes } from "../src/http/routes/index.js";
import { createRootKeyBody } from "../src/http/routes/root-keys.js";
import { createTestService, type TestService } from "./harness.js";

interface RegisteredRoute {
  method: string;
  url: string;
  hidden: boolean;
  auth: unknown;
}

interface Operation {
  operationId?: string;
  tags?: string[];
  summary?: string;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses?: Record<string, unknown>;
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, Operation>>;
}

const DOCUMENTED_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/** Every route the route modules register, seen through an onRoute hook on a bare instance. */
async function collectRoutes(service: TestService): Promise<RegisteredRoute[]> {
  const routes: RegisteredRoute[] = [];
  const collector = Fastify();
  collector.setValidatorCompiler(validatorCompiler);
  collector.setSerializerCompiler(serializerCompiler);
  collector.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (!DOCUMENTED_METHODS.has(method)) continue;
      const schema = route.schema as { hide?: boolean } | undefined;
      routes.push({ method, url: route.url, hidden: schema?.hide === true, auth: route.config?.auth });
    }
  });
  await collector.register(async (scoped) =>
    registerRoutes(scoped.withTypeProvider<ZodTypeProvider>(), service.ctx),
  );
  await collector.ready();
  await collector.close();
  return routes;
}

/** `/v1/keys/:id` as OpenAPI writes it: `/v1/keys/{id}`. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");

describe("the OpenAPI document and the docs page", () => {
  let service: TestService;
  let doc: OpenApiDocument;
  let routes: RegisteredRoute[];

  beforeAll(async () => {
    service = await createTestService();
    routes = await collectRoutes(service);
    const response = await service.app.inject({ method: "GET", url: "/openapi.json" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    doc = response.json() as OpenApiDocument;
  });
  afterAll(async () => service.close());

  it("is OpenAPI 3.1 with the service's title", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBe("Keygate API");
  });

  it("collects the same routes the running app serves", () => {
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      expect(
        service.app.hasRoute({ method: route.method, url: route.url }),
        `${route.method} ${route.url}`,
      ).toBe(true);
    }
    expect(routes).toContainEqual({
      method: "POST",
      url: "/v1/root-keys",
      hidden: false,
      auth: "root_keys:write",
    });
    expect(routes).toContainEqual({
      method: "GET",
      url: "/v1/audit-events",
      hidden: false,
      auth: "audit:read",
    });
  });

  it("lists every registered /v1 route with its method", () => {
    const v1 = routes.filter((route) => route.url.startsWith("/v1/") && !route.hidden);
    expect(v1.length).toBeGreaterThan(0);
    const missing = v1
      .filter((route) => doc.paths[openApiPath(route.url)]?.[route.method.toLowerCase()] === undefined)
      .map((route) => `${route.method} ${route.url}`);
    expect(missing).toEqual([]);
  });

  it("lists nothing that is not registered, and no hidden route", () => {
    const registered = new Set(
      routes.filter((r) => !r.hidden).map((r) => `${r.method} ${openApiPath(r.url)}`),
    );
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.filter((operation) => !registered.has(operation))).toEqual([]);
    expect(doc.paths["/openapi.json"]).toBeUndefined();
    expect(doc.paths["/metrics"]).toBeUndefined();
  });

  it("gives every documented route tags, a summary, a success response and an access rule", () => {
    const incomplete: string[] = [];
    for (const route of routes.filter((r) => !r.hidden)) {
      const operation = doc.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      const responses = Object.keys(operation?.responses ?? {});
      if (!operation?.tags?.length) incomplete.push(`${route.method} ${route.url}: no tags`);
      if (!operation?.summary) incomplete.push(`${route.method} ${route.url}: no summary`);
      if (!responses.some((status) => status.startsWith("2")))
        incomplete.push(`${route.method} ${route.url}: no success response`);
      if (route.auth === undefined) incomplete.push(`${route.method} ${route.url}: no config.auth`);
    }
    expect(incomplete).toEqual([]);
  });

  it("names every operation with a stable, unique operationId from the one table", () => {
    const operations = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({
        route: `${method.toUpperCase()} ${path}`,
        operationId: operation.operationId,
      })),
    );
    expect(operations.length).toBeGreaterThan(60);
    expect(operations.filter((operation) => operation.operationId === undefined)).toEqual([]);
    const ids = operations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+$/);
    expect(doc.paths["/v1/keys"]?.post?.operationId).toBe("keys.create");
    expect(doc.paths["/v1/keys/verify"]?.post?.operationId).toBe("keys.verify");
    expect(doc.paths["/v1/keys/{id}/rotate"]?.post?.operationId).toBe("keys.rotate");
  });

  it("has no operationId in its table for a route that does not exist", () => {
    const registered = new Set(routes.filter((r) => !r.hidden).map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(OPERATION_IDS).filter((route) => !registered.has(route))).toEqual([]);
  });

  it("refuses to start with a route that has no operationId", async () => {
    const app = Fastify();
    installOperationIds(app);
    expect(() => app.get("/v1/unnamed", async () => ({}))).toThrow(
      "no operationId for GET /v1/unnamed: add it to server/src/http/operation-ids.ts",
    );
    await app.close();
  });

  it("documents request bodies from the same zod schemas that validate them", () => {
    const body = doc.paths["/v1/root-keys"]?.post?.requestBody?.content["application/json"]?.schema;
    const properties = body?.properties as Record<string, Record<string, unknown>>;
    expect(properties.name).toMatchObject({ type: "string", minLength: 1, maxLength: 200 });
    expect(properties.permissions).toMatchObject({
      type: "array",
      minItems: 1,
      maxItems: 20,
      items: { type: "string", enum: ["*", ...PERMISSIONS] },
    });
    expect(body?.required).toEqual(["name", "permissions"]);
    expect(body?.additionalProperties).toBe(false);
    const { $schema: _ignored, ...fromZod } = z.toJSONSchema(createRootKeyBody, { io: "input" });
    expect(body).toEqual(fromZod);
  });

  it("documents both the JSON page and the CSV export of the audit trail", () => {
    const operation = doc.paths["/v1/audit-events"]?.get;
    const ok = operation?.responses?.["200"] as { content: Record<string, unknown> };
    expect(Object.keys(ok.content).sort()).toEqual(["application/json", "text/csv"]);
    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(["200", "400", "401", "402", "403"]);
  });

  it("serves the interactive reference at /docs, with its assets, without a credential", async () => {
    const page = await service.app.inject({ method: "GET", url: "/docs" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.body).toContain('<div id="swagger-ui">');
    const bundle = await service.app.inject({ method: "GET", url: "/docs/static/swagger-ui-bundle.js" });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers["content-type"]).toMatch(/^application\/javascript/);
    const json = await service.app.inject({ method: "GET", url: "/docs/json" });
    expect(json.statusCode).toBe(200);
    expect((json.json() as OpenApiDocument).paths).toEqual(doc.paths);
  });
});
