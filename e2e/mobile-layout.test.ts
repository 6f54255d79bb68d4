/**
 * The 390 px layout (a phone held upright): every main screen opens, shows its heading and its
 * main action inside the screen, and never scrolls sideways; the sidebar becomes a menu that
 * opens, lists every screen, and closes when one is picked. Each screen is checked with axe and
 * saved as `mobile-<screen>.png`.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiSession, completeSetup, data } from "./harness/api.js";
import { MOBILE_VIEWPORT, openTab } from "./harness/browser.js";
import { checkScreen } from "./harness/check-screen.js";
import { type KeygateProcess, SEED_TIMEOUT_MS, startKeygate } from "./harness/keygate-process.js";
import { describeInBrowser } from "./harness/skip.js";

/** How far the page reaches past the viewport's right edge, in CSS pixels (0 when it fits). */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Fails unless the control is fully inside the 390 px wide viewport. */
async function expectInsideViewport(page: Page, name: string): Promise<void> {
  const box = await page.getByRole("main").getByRole("button", { name, exact: true }).first().boundingBox();
  expect(box, `"${name}" is laid out`).not.toBeNull();
  if (!box) return;
  expect(box.x, `"${name}" starts inside the screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `"${name}" ends inside the screen`).toBeLessThanOrEqual(MOBILE_VIEWPORT.width);
}

describeInBrowser("the 390 px layout", () => {
  let keygate: KeygateProcess;
  let owner: ApiSession;
  let appId: string;
  let keyId: string;

  beforeAll(async () => {
    keygate = await startKeygate();
    owner = await completeSetup(keygate);
    const api = await data(
      owner.client.POST("/v1/apis", {
        body: {
          name: "Orders API",
          description: "Orders and their fulfilment",
          scopes: ["orders:read", "orders:write", "fulfilment:read"],
        },
      }),
    );
    const app = await data(
      owner.client.POST("/v1/apps", {
        body: {
          title: "Warehouse scanners",
          description: "Handheld scanners in the north warehouse",
          environment: "production",
          apiIds: [api.id],
        },
      }),
    );
    appId = app.id;
    const key = await data(
      owner.client.POST("/v1/keys", {
        body: {
          name: "prod-warehouse-scanner-fleet-north",
          appId,
          scopes: ["orders:read", "fulfilment:read"],
          expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        },
      }),
    );
    keyId = key.id;
    await data(owner.client.POST("/v1/keys", { body: { name: "staging-crm-integration", kind: "pair" } }));
  }, SEED_TIMEOUT_MS);
  afterAll(() => keygate?.dispose());

  it("fits every main screen in 390 px with its heading and main action visible", async () => {
    const { page } = await openTab(keygate, { viewport: "mobile", session: owner });
    const screens: Array<{ name: string; path: string; heading: string; action?: string }> = [
      { name: "keys", path: "/settings/api-access", heading: "API Keys", action: "Create API Key" },
      { name: "key-detail", path: `/keys/${keyId}`, heading: "prod-warehouse-scanner-fleet-north" },
      { name: "apps", path: "/apps", heading: "Apps" },
      { name: "app-detail", path: `/apps/${appId}`, heading: "Warehouse scanners", action: "Generate Key" },
      { name: "new-app", path: "/apps/new", heading: "New App" },
      { name: "apis", path: "/apis", heading: "Connected APIs", action: "New API" },
      { name: "audit", path: "/audit", heading: "Audit log", action: "Export CSV" },
      { name: "members", path: "/settings/members", heading: "Members", action: "Invite member" },
      { name: "workspace", path: "/settings/workspace", heading: "Workspace" },
    ];
    for (const screen of screens) {
      await page.goto(`${keygate.url}${screen.path}`);
      await page.getByRole("heading", { name: screen.heading, level: 1 }).waitFor();
      await page.waitForLoadState("networkidle");
      expect(await sidewaysOverflow(page), `${screen.path} scrolls sideways by`).toBe(0);
      if (screen.action) await expectInsideViewport(page, screen.action);
      await checkScreen(page, `mobile-${screen.name}`);
    }

    // The cards view, the one seed 003 shows on a phone.
    await page.goto(`${keygate.url}/settings/api-access`);
    await page.getByRole("radio", { name: "Cards" }).click();
    await page.getByText("staging-crm-integration").first().waitFor();
    expect(await sidewaysOverflow(page), "the cards view scrolls sideways by").toBe(0);
    await checkScreen(page, "mobile-keys-cards");
  });

  it("opens the menu in place of the sidebar and goes where it is told", async () => {
    const { page } = await openTab(keygate, { viewport: "mobile", session: owner });
    await page.goto(`${keygate.url}/settings/api-access`);
    await page.getByRole("heading", { name: "API Keys", level: 1 }).waitFor();
    expect(await page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(false);

    await page.getByRole("button", { name: "Open menu" }).click();
    const menu = page.getByRole("dialog", { name: "Menu" });
    const nav = menu.getByRole("navigation", { name: "Main" });
    await nav.waitFor();
    expect(await nav.getByRole("link").allTextContents()).toEqual([
      "Apps",
      "API Keys",
      "Connected APIs",
      "Webhooks",
      "Reports",
      "Audit log",
      "Workspaces",
      "Settings",
    ]);
    await checkScreen(page, "mobile-menu");
    // On a settings screen, Settings opens to its own pages.
    await nav.getByRole("link", { name: "Settings" }).click();
    await menu.waitFor({ state: "detached" });
    await page.getByRole("heading", { name: "Workspace", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Open menu" }).click();
    await nav.waitFor();
    expect(await nav.getByRole("link").allTextContents()).toEqual([
      "Apps",
      "API Keys",
      "Connected APIs",
      "Webhooks",
      "Reports",
      "Audit log",
      "Workspaces",
      "Settings",
      "API Keys",
      "Members",
      "Workspace",
      "Root keys",
    ]);
    await checkScreen(page, "mobile-menu-settings");

    await nav.getByRole("link", { name: "Audit log" }).click();
    await menu.waitFor({ state: "detached" });
    await page.waitForURL(`${keygate.url}/audit`);
    await page.getByRole("heading", { name: "Audit log", level: 1 }).waitFor();
    expect(await sidewaysOverflow(page)).toBe(0);
  });

  it("fits the sign-in screen", async () => {
    const tab = await openTab(keygate, { viewport: "mobile" });
    await tab.page.goto(`${keygate.url}/sign-in`);
    await tab.page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(await sidewaysOverflow(tab.page)).toBe(0);
    await checkScreen(tab.page, "mobile-sign-in");
  });
});
