/** What Generate Key asks for: a name from the app and environment, every offered scope, the policy's expiry. */
import { describe, expect, it } from "vitest";
import { keyPairBody, pairKeyName, policyExpiry } from "./key-pair-request";

const NOW = Date.parse("2026-12-01T12:00:00.000Z");

describe("pairKeyName", () => {
  it("names the key for the app and its environment, numbering later keys", () => {
    expect(pairKeyName("Shop (EU) — Résumé", "production", 0)).toBe("shop-eu-resume-prod");
    expect(pairKeyName("Shop", "development", 1)).toBe("shop-dev-2");
    expect(pairKeyName("!!!", "staging", 0)).toBe("app-staging");
  });
});

describe("policyExpiry", () => {
  it("sets no expiry when the policy asks for none", () => {
    expect(policyExpiry({ expiryRequired: false, maxKeyLifetimeSeconds: null }, NOW)).toBeNull();
  });

  it("expires in 90 days when an expiry is required without a longest lifetime", () => {
    expect(policyExpiry({ expiryRequired: true, maxKeyLifetimeSeconds: null }, NOW)).toBe(
      "2027-03-01T12:00:00.000Z",
    );
  });

  it("stays five minutes inside a longest lifetime shorter than 90 days", () => {
    expect(policyExpiry({ expiryRequired: false, maxKeyLifetimeSeconds: 86_400 }, NOW)).toBe(
      "2026-12-02T11:55:00.000Z",
    );
  });
});

describe("keyPairBody", () => {
  it("asks for a pair of the app holding each scope its APIs offer once, sorted", () => {
    const body = keyPairBody({
      app: { id: "app_1", title: "Shop", environment: "staging" },
      apis: [{ scopes: ["orders:read", "orders:write"] }, { scopes: ["orders:read", "billing:read"] }],
      existingKeys: 2,
      policy: { expiryRequired: false, maxKeyLifetimeSeconds: null },
    });
    expect(body).toEqual({
      name: "shop-staging-3",
      kind: "pair",
      appId: "app_1",
      scopes: ["billing:read", "orders:read", "orders:write"],
      expiresAt: null,
    });
  });
});
