/**
 * Roles shape the screens, in the browser: a viewer sees keys, apps and APIs but no control that
 * creates, rotates, revokes, deletes or edits; a developer creates and rotates keys only for apps
 * outside production and manages no key (no switch, revoke or delete). The API refuses the same
 * calls anyway, so hiding a control is never the only guard.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiSession, addMember, completeSetup, data } from "./harness/api.js";
import { openTab } from "./harness/browser.js";
import { checkScreen } from "./harness/check-screen.js";
import { type KeygateProcess, SEED_TIMEOUT_MS, startKeygate } from "./harness/keygate-process.js";
import { describeInBrowser } from "./harness/skip.js";

const VIEWER = { name: "Vera Viewer", email: "vera@example.com", password: "viewer password 123" };
const DEVELOPER = { name: "Dev Developer", email: "dev@example.com", password: "developer password 123" };

/** The items of a key's actions menu, in order; the menu is closed again. */
async function actionsOf(page: Page, keyName: string): Promise<string[]> {
  await page.getByRole("button", { name: `Actions for ${keyName}` }).click();
  const menu = page.getByRole("menu");
  await menu.waitFor();
  const items = await menu.getByRole("menuitem").allTextContents();
  await page.keyboard.press("Escape");
  await menu.waitFor({ state: "detached" });
  return items;
}

async function countButtons(page: Page, name: string): Promise<number> {
  return page.getByRole("button", { name, exact: true }).count();
}

describeInBrowser("roles shape the screens", () => {
  let keygate: KeygateProcess;
  let viewer: ApiSession;
  let developer: ApiSession;
  let prodAppId: string;
  let devAppId: string;
  let prodKeyId: string;
  let devKeyId: string;

  beforeAll(async () => {
    keygate = await startKeygate();
    const owner = await completeSetup(keygate);
    const api = await data(
      owner.client.POST("/v1/apis", {
        body: { name: "Orders API", description: "Orders", scopes: ["orders:read", "orders:write"] },
      }),
    );
    const prodApp = await data(
      owner.client.POST("/v1/apps", {
        body: { title: "Storefront", description: "Live shop", environment: "production", apiIds: [api.id] },
      }),
    );
    const devApp = await data(
      owner.client.POST("/v1/apps", {
        body: { title: "Sandbox", description: "Try things", environment: "development", apiIds: [api.id] },
      }),
    );
    prodAppId = prodApp.id;
    devAppId = devApp.id;
    prodKeyId = (
      await data(owner.client.POST("/v1/keys", { body: { name: "prod-storefront", appId: prodAppId } }))
    ).id;
    devKeyId = (await data(owner.client.POST("/v1/keys", { body: { name: "dev-sandbox", appId: devAppId } })))
      .id;
    viewer = await addMember(keygate, owner, VIEWER, "viewer");
    developer = await addMember(keygate, owner, DEVELOPER, "developer");
  }, SEED_TIMEOUT_MS);
  afterAll(() => keygate?.dispose());

  it("shows a viewer no control that changes a key, an app or an API", async () => {
    const { page } = await openTab(keygate, { session: viewer });

    await page.goto(`${keygate.url}/settings/api-access`);
    await page.getByRole("heading", { name: "API Keys", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Actions for prod-storefront" }).waitFor();
    expect(await countButtons(page, "Create API Key")).toBe(0);
    expect(await page.getByRole("switch").count()).toBe(0);
    expect(await actionsOf(page, "prod-storefront")).toEqual(["View details", "Copy key ID", "Copy prefix"]);
    expect(await actionsOf(page, "dev-sandbox")).toEqual(["View details", "Copy key ID", "Copy prefix"]);
    await checkScreen(page, "roles-viewer-keys");

    await page.goto(`${keygate.url}/keys/${devKeyId}`);
    await page.getByRole("heading", { name: "dev-sandbox", level: 1 }).waitFor();
    expect(await page.getByRole("switch").count()).toBe(0);
    for (const name of ["Edit", "Rotate", "Revoke", "Delete"])
      expect(await countButtons(page, name), name).toBe(0);
    expect(await actionsOf(page, "dev-sandbox")).toEqual(["Copy key ID", "Copy prefix"]);
    await checkScreen(page, "roles-viewer-key-detail");

    await page.goto(`${keygate.url}/apps/${devAppId}`);
    await page.getByRole("heading", { name: "Sandbox", level: 1 }).waitFor();
    await page.getByRole("row", { name: "dev-sandbox" }).waitFor();
    for (const name of [
      "Generate Key",
      "Edit app",
      "Delete app",
      "Revoke dev-sandbox",
      "Delete dev-sandbox",
    ]) {
      expect(await countButtons(page, name), name).toBe(0);
    }
    expect(await page.getByRole("switch").count()).toBe(0);
    await checkScreen(page, "roles-viewer-app-detail");

    await page.goto(`${keygate.url}/apps`);
    await page.getByRole("list", { name: "Apps" }).getByText("Storefront").waitFor();
    expect(await countButtons(page, "New App")).toBe(0);
    expect(await page.getByRole("link", { name: "New App" }).count()).toBe(0);

    await page.goto(`${keygate.url}/apis`);
    await page.getByText("Orders API").first().waitFor();
    for (const name of ["New API", "Edit Orders API", "Delete Orders API"]) {
      expect(await countButtons(page, name), name).toBe(0);
    }
    await checkScreen(page, "roles-viewer-apis");

    const refused = await viewer.client.POST("/v1/keys", { body: { name: "viewer-made", appId: devAppId } });
    expect(refused.response.status).toBe(403);
    expect(refused.error).toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  it("lets a developer create and rotate keys only outside production, and manage none", async () => {
    const { page } = await openTab(keygate, { session: developer });

    await page.goto(`${keygate.url}/settings/api-access`);
    await page.getByRole("button", { name: "Actions for prod-storefront" }).waitFor();
    expect(await page.getByRole("switch").count()).toBe(0);
    expect(await actionsOf(page, "prod-storefront")).toEqual(["View details", "Copy key ID", "Copy prefix"]);
    expect(await actionsOf(page, "dev-sandbox")).toEqual([
      "View details",
      "Rotate",
      "Copy key ID",
      "Copy prefix",
    ]);
    await checkScreen(page, "roles-developer-keys");

    // The create dialog offers the production app, but not to pick.
    await page.getByRole("button", { name: "Create API Key" }).first().click();
    const dialog = page.getByRole("dialog");
    const appSelect = dialog.getByRole("combobox", { name: /^App\b/ });
    await appSelect.waitFor();
    const options = await appSelect.locator("option").evaluateAll((nodes) =>
      nodes.map((node) => ({
        text: node.textContent ?? "",
        disabled: (node as HTMLOptionElement).disabled,
      })),
    );
    expect(options.find((option) => option.text.startsWith("Storefront"))?.disabled).toBe(true);
    expect(options.find((option) => option.text.startsWith("Sandbox"))?.disabled).toBe(false);
    await checkScreen(page, "roles-developer-create-key");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });

    await page.goto(`${keygate.url}/apps/${prodAppId}`);
    await page.getByRole("row", { name: "prod-storefront" }).waitFor();
    await page.getByText("Developers generate keys only outside production; ask an admin.").waitFor();
    for (const name of ["Generate Key", "Revoke prod-storefront", "Delete prod-storefront"]) {
      expect(await countButtons(page, name), name).toBe(0);
    }
    expect(await page.getByRole("switch").count()).toBe(0);
    await checkScreen(page, "roles-developer-production-app");

    await page.goto(`${keygate.url}/apps/${devAppId}`);
    await page.getByRole("row", { name: "dev-sandbox" }).waitFor();
    expect(await countButtons(page, "Generate Key")).toBe(1);
    for (const name of ["Revoke dev-sandbox", "Delete dev-sandbox"])
      expect(await countButtons(page, name), name).toBe(0);
    expect(await page.getByRole("switch").count()).toBe(0);
    await checkScreen(page, "roles-developer-development-app");

    const production = await developer.client.POST("/v1/keys", {
      body: { name: "dev-made", appId: prodAppId },
    });
    expect(production.response.status).toBe(403);
    expect(production.error).toMatchObject({ error: { code: "FORBIDDEN" } });
    const revoke = await developer.client.POST("/v1/keys/{id}/revoke", {
      params: { path: { id: devKeyId } },
      body: {},
    });
    expect(revoke.response.status).toBe(403);
    const rotate = await developer.client.POST("/v1/keys/{id}/rotate", {
      params: { path: { id: prodKeyId } },
      body: {},
    });
    expect(rotate.response.status).toBe(403);
  });
});
