import { describe, expect, it } from "vitest";
import { loadConfig } from "../config/config.js";
import { invalidationTransport } from "./create-invalidation.js";

const PG = { DATABASE_URL: "postgres://db/keygate" };
const REDIS = { REDIS_URL: "redis://cache:6379" };

describe("the invalidation transport", () => {
  it.each([
    [{}, "local"],
    [PG, "postgres"],
    [REDIS, "redis"],
    [{ ...PG, ...REDIS }, "redis"],
    [{ ...PG, ...REDIS, KEYGATE_INVALIDATION: "postgres" }, "postgres"],
    [{ ...PG, KEYGATE_INVALIDATION: "local" }, "local"],
  ])("for %j is %s", (env, transport) => {
    expect(invalidationTransport(loadConfig(env))).toBe(transport);
  });

  it("refuses a transport whose service is not configured, naming what is missing", () => {
    expect(() => invalidationTransport(loadConfig({ ...PG, KEYGATE_INVALIDATION: "redis" }))).toThrow(
      "invalid configuration: KEYGATE_INVALIDATION=redis needs REDIS_URL",
    );
    expect(() => invalidationTransport(loadConfig({ ...REDIS, KEYGATE_INVALIDATION: "postgres" }))).toThrow(
      "invalid configuration: KEYGATE_INVALIDATION=postgres needs DATABASE_URL",
    );
  });
});
