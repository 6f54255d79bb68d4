import { describe, expect, it } from "vitest";
import { firstPortalScreen, portalNavItems, portalScreenRoutes } from "./portal-features";

const labels = (features: Parameters<typeof portalNavItems>[0]) =>
  portalNavItems(features).map((item) => item.label);
const paths = (features: Parameters<typeof portalScreenRoutes>[0]) =>
  portalScreenRoutes(features).map((route) => route.path);

describe("the portal's screens per feature", () => {
  it("opens every screen for every feature, in the dashboard's order", () => {
    expect(labels(["keys", "apps", "usage", "audit"])).toEqual([
      "API Access",
      "Apps",
      "Connected APIs",
      "Audit log",
    ]);
    expect(paths(["keys", "apps", "usage", "audit"])).toEqual([
      "/settings/api-access",
      "/keys/:keyId",
      "/apps",
      "/apps/new",
      "/apps/:appId",
      "/apis",
      "/audit",
    ]);
  });

  it("opens only the screens of the features asked for", () => {
    expect(labels(["keys"])).toEqual(["API Access"]);
    expect(paths(["keys"])).toEqual(["/settings/api-access", "/keys/:keyId"]);
    expect(labels(["audit"])).toEqual(["Audit log"]);
    expect(paths(["audit"])).toEqual(["/audit"]);
    expect(paths(["apps"])).not.toContain("/audit");
    expect(paths(["apps"])).not.toContain("/settings/api-access");
  });

  it("shows the keys read-only for usage alone (usage has no screen of its own)", () => {
    expect(labels(["usage"])).toEqual(["API Access"]);
  });

  it("goes from / to the first feature's screen", () => {
    expect(firstPortalScreen(["keys", "audit"])).toBe("/settings/api-access");
    expect(firstPortalScreen(["audit", "keys"])).toBe("/settings/api-access");
    expect(firstPortalScreen(["apps"])).toBe("/apps");
    expect(firstPortalScreen(["audit"])).toBe("/audit");
    expect(firstPortalScreen([])).toBeNull();
  });

  it("never opens the settings of members, the workspace or root keys", () => {
    const every = paths(["keys", "apps", "usage", "audit"]);
    for (const path of ["/settings/members", "/settings/workspace", "/settings/root-keys"]) {
      expect(every).not.toContain(path);
    }
  });
});
