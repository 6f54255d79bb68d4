/**
 * The apps flow of seed 001, in the browser against a real Keygate: New App in steps (details,
 * connected APIs, one created on the way, Connect and Generate Keys), the Shared Key and Secret Key copied from the
 * once-dialog (read back from the clipboard) and verified together through POST /v1/keys/verify;
 * the pair listed under API Credentials with its Secret Key masked; a second pair from Generate
 * Key; one revoked with the revoke toggle (verify says REVOKED, the other stays VALID); APIs
 * connected and disconnected; the card grid's key count; the 390 px layout.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type ApiSession,
  completeSetup,
  createRootKey,
  data,
  type RootKey,
  verifyKey,
} from "./harness/api.js";
import { openTab } from "./harness/browser.js";
import { checkScreen } from "./harness/check-screen.js";
import { type KeygateProcess, startKeygate } from "./harness/keygate-process.js";
import { describeInBrowser } from "./harness/skip.js";

const PAIR_NAME = "shop-mobile-app-prod";
const SECOND_PAIR = "shop-mobile-app-prod-2";

/** Copies one value of the open once-dialog with its Copy button and reads it from the clipboard. */
async function copyFromDialog(page: Page, label: "Shared Key" | "Secret Key"): Promise<string> {
  const group = page.getByRole("dialog").getByRole("group", { name: label });
  await group.getByRole("button", { name: "Copy" }).click();
  await group.getByRole("button", { name: "Copied" }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(await group.locator("code").textContent()).toBe(copied);
  return copied;
}

describeInBrowser("apps and their key pairs", () => {
  let keygate: KeygateProcess;
  let owner: ApiSession;
  let root: RootKey;
  let ordersApiId: string;

  beforeAll(async () => {
    keygate = await startKeygate();
    owner = await completeSetup(keygate);
    ordersApiId = (
      await data(
        owner.client.POST("/v1/apis", {
          body: {
            name: "Orders API",
            description: "Orders and refunds",
            scopes: ["orders:read", "orders:write"],
          },
        }),
      )
    ).id;
    await data(
      owner.client.POST("/v1/apis", {
        body: { name: "Billing API", description: "Invoices", scopes: ["billing:read"] },
      }),
    );
    root = await createRootKey(owner, ["keys:verify"]);
  });
  afterAll(() => keygate?.dispose());

  it("creates an app in steps, copies its pair once, verifies it, generates a second and revokes one", async () => {
    const { page } = await openTab(keygate, { session: owner });

    await page.goto(`${keygate.url}/apps`);
    await page.getByRole("heading", { name: "No apps yet" }).waitFor();
    await checkScreen(page, "apps-empty");

    // Step 1: the details, checked before going on.
    await page.getByRole("link", { name: "New App" }).click();
    await page.waitForURL(`${keygate.url}/apps/new`);
    const steps = page.getByRole("list", { name: "Steps" });
    expect(await steps.locator('[aria-current="step"]').textContent()).toBe("1Step 1 of 3: App details");
    await page.getByRole("button", { name: "Next" }).click();
    expect(await page.getByLabel("Title").getAttribute("aria-invalid")).toBe("true");
    await page.getByText("Enter a title, such as Shop mobile app").waitFor();
    await page.getByText("Choose the environment its keys are for").waitFor();
    await checkScreen(page, "apps-new-details");
    await page.getByLabel("Title").fill("Shop mobile app");
    await page.getByLabel(/^Description/).fill("The iOS and Android shop");
    await page.getByLabel("Environment").selectOption("production");
    await page.getByRole("button", { name: "Next" }).click();

    // Step 2: the connected APIs, with their scopes.
    expect(await steps.locator('[aria-current="step"]').textContent()).toBe("2Step 2 of 3: Connected APIs");
    const orders = page.getByRole("checkbox", { name: "Orders API" });
    await orders.waitFor();
    expect(
      await page.getByRole("list", { name: "Scopes of Orders API" }).getByRole("listitem").allTextContents(),
    ).toEqual(["orders:read", "orders:write"]);
    await orders.check();
    // A new API can be made without leaving the steps; it is selected at once.
    await page.getByRole("button", { name: "Create a connected API" }).click();
    const newApi = page.getByRole("dialog", { name: "Create a connected API" });
    await newApi.getByLabel("Name").fill("Shipping API");
    await newApi.getByLabel("New scope").fill("shipping:read");
    await newApi.getByRole("button", { name: "Create API" }).click();
    await newApi.waitFor({ state: "detached" });
    expect(await page.getByRole("checkbox", { name: "Shipping API" }).isChecked()).toBe(true);
    expect(await orders.isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: "Billing API" }).isChecked()).toBe(false);
    await checkScreen(page, "apps-new-apis");
    await page.getByRole("button", { name: "Connect and Generate Keys" }).click();

    // Step 3: the pair, once.
    const dialog = page.getByRole("dialog", { name: "Successfully Generated your API Keys!" });
    await dialog.waitFor();
    await dialog.getByText("It will not be shown again").waitFor();
    // The dialog hides the page from assistive technology, so the step is found by its attribute.
    expect(await page.locator('[aria-current="step"]').textContent()).toBe("3Step 3 of 3: Your keys");
    await checkScreen(page, "apps-new-keys");
    const sharedKey = await copyFromDialog(page, "Shared Key");
    const secretKey = await copyFromDialog(page, "Secret Key");
    expect(sharedKey).toMatch(/^kg_pk_[0-9A-Za-z]{38}$/);
    expect(secretKey).toMatch(/^kg_[0-9A-Za-z]{38}$/);
    await dialog.getByRole("button", { name: "Done" }).click();
    await page.waitForURL(/\/apps\/app_[0-9A-Z]+$/);
    const appId = new URL(page.url()).pathname.split("/")[2] ?? "";

    const verified = await verifyKey(keygate, root, { sharedKey, secretKey });
    expect(verified).toMatchObject({
      valid: true,
      code: "VALID",
      appId,
      scopes: ["orders:read", "orders:write", "shipping:read"],
    });

    // App Information and API Credentials: the Shared Key in full, the Secret Key never again.
    await page.getByRole("heading", { name: "Shop mobile app", level: 1 }).waitFor();
    await page.getByRole("region", { name: "App Information" }).getByText(appId).waitFor();
    expect(await page.getByRole("tab", { name: "API Credentials" }).getAttribute("aria-selected")).toBe(
      "true",
    );
    const first = page.getByRole("row", { name: PAIR_NAME, exact: true });
    await first.waitFor();
    expect(await first.getByRole("cell").first().textContent()).toBe("Active");
    await first.getByText(sharedKey).waitFor();
    await first.getByText(verified.keyId ?? "missing").waitFor();
    expect(await page.content()).not.toContain(secretKey);
    await checkScreen(page, "app-detail-credentials");

    // Copy the App ID.
    await page.getByRole("button", { name: "Copy App ID" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(appId);

    // Generate Key: a second pair, shown once.
    await page.getByRole("button", { name: "Generate Key" }).click();
    await dialog.waitFor();
    await checkScreen(page, "app-detail-generated-key");
    const secondShared = await copyFromDialog(page, "Shared Key");
    const secondSecret = await copyFromDialog(page, "Secret Key");
    await dialog.getByRole("button", { name: "Done" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("row", { name: SECOND_PAIR, exact: true }).waitFor();
    expect(
      await verifyKey(keygate, root, { sharedKey: secondShared, secretKey: secondSecret }),
    ).toMatchObject({
      valid: true,
      code: "VALID",
    });

    // The revoke toggle: confirmation that it cannot be undone, an optional reason.
    await first.getByRole("button", { name: `Revoke ${PAIR_NAME}` }).click();
    const revoking = page.getByRole("dialog", { name: "Revoking the Key" });
    await revoking.waitFor();
    await revoking.getByText("Revocation cannot be undone for that key.").waitFor();
    await revoking.getByLabel(/^Reason/).fill("replaced by shop-mobile-app-prod-2");
    await checkScreen(page, "app-detail-revoke-dialog");
    await revoking.getByRole("button", { name: "Revoke key" }).click();
    await revoking.waitFor({ state: "detached" });
    await first.getByRole("cell", { name: "Revoked", exact: true }).waitFor();
    expect(await first.getByRole("switch", { name: "Enabled" }).getAttribute("aria-checked")).toBe("false");
    expect(await first.getByRole("button", { name: `${PAIR_NAME} is revoked` }).isDisabled()).toBe(true);
    expect(await verifyKey(keygate, root, { sharedKey, secretKey })).toEqual({
      valid: false,
      code: "REVOKED",
      keyId: verified.keyId,
    });
    expect(
      await verifyKey(keygate, root, { sharedKey: secondShared, secretKey: secondSecret }),
    ).toMatchObject({
      code: "VALID",
    });
    await checkScreen(page, "app-detail-revoked");

    // Connected APIs: connect Billing API, then disconnect it.
    await page.getByRole("tab", { name: "Connected APIs" }).click();
    const connected = page.getByRole("list", { name: "APIs connected to Shop mobile app" });
    await connected.getByRole("heading", { name: "Orders API" }).waitFor();
    await page.getByRole("button", { name: "Connect APIs" }).click();
    const connect = page.getByRole("dialog", { name: "Connect APIs to Shop mobile app" });
    await connect.getByRole("checkbox", { name: "Billing API" }).check();
    await checkScreen(page, "app-detail-connect-apis");
    await connect.getByRole("button", { name: "Connect" }).click();
    await connect.waitFor({ state: "detached" });
    await connected.getByRole("heading", { name: "Billing API" }).waitFor();
    await checkScreen(page, "app-detail-connected-apis");
    await page.getByRole("button", { name: "Disconnect Billing API" }).click();
    await page
      .getByRole("dialog", { name: "Disconnect Billing API?" })
      .getByRole("button", { name: "Disconnect" })
      .click();
    await connected.getByRole("heading", { name: "Billing API" }).waitFor({ state: "detached" });
    const app = await data(owner.client.GET("/v1/apps/{id}", { params: { path: { id: appId } } }));
    const shipping = (await data(owner.client.GET("/v1/apis"))).data.find(
      (api) => api.name === "Shipping API",
    );
    expect(app.apiIds).toEqual([ordersApiId, shipping?.id ?? ""].sort());

    // The grid: title, description, environment and the key count.
    await page.getByRole("link", { name: "Apps", exact: true }).first().click();
    const card = page.getByRole("list", { name: "Apps" }).getByRole("listitem");
    await card.getByText("2 keys").waitFor();
    expect(await card.textContent()).toBe("Shop mobile appProductionThe iOS and Android shop2 keys2 APIs");
    await checkScreen(page, "apps-grid");
  }, 180_000);

  it("refuses to disconnect an API whose scopes a live key holds, and says why", async () => {
    const app = await data(
      owner.client.POST("/v1/apps", {
        body: { title: "Warehouse", environment: "staging", apiIds: [ordersApiId] },
      }),
    );
    await data(
      owner.client.POST("/v1/keys", {
        body: { name: "warehouse-staging", kind: "pair", appId: app.id, scopes: ["orders:read"] },
      }),
    );
    const tab = await openTab(keygate, { session: owner });
    tab.allowFailedResponse(409, `/v1/apps/${app.id}`);
    const { page } = tab;
    await page.goto(`${keygate.url}/apps/${app.id}`);
    await page.getByRole("tab", { name: "Connected APIs" }).click();
    await page.getByRole("button", { name: "Disconnect Orders API" }).click();
    const dialog = page.getByRole("dialog", { name: "Disconnect Orders API?" });
    await dialog.getByRole("button", { name: "Disconnect" }).click();
    const alert = dialog.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /^Scopes: key "warehouse-staging" \(key_[0-9A-Z]+\) of app "Warehouse" still holds orders:read, which the change would no longer offer; remove the scope from the key first$/,
    );
    await checkScreen(page, "app-detail-disconnect-refused");
  });

  it("edits and deletes an app, its keys going with it", async () => {
    const app = await data(
      owner.client.POST("/v1/apps", { body: { title: "Kiosk", environment: "development", apiIds: [] } }),
    );
    const key = await data(
      owner.client.POST("/v1/keys", { body: { name: "kiosk-dev", kind: "pair", appId: app.id } }),
    );
    const { page } = await openTab(keygate, { session: owner });
    await page.goto(`${keygate.url}/apps/${app.id}`);
    await page.getByRole("button", { name: "Edit app" }).click();
    const edit = page.getByRole("dialog", { name: "Edit Kiosk" });
    await edit.getByLabel("Title").fill("Lobby kiosk");
    await edit.getByLabel("Environment").selectOption("staging");
    await edit.getByText("Its 1 key moves to the new environment too.").waitFor();
    await checkScreen(page, "app-detail-edit");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await edit.waitFor({ state: "detached" });
    await page.getByRole("heading", { name: "Lobby kiosk", level: 1 }).waitFor();
    await page.getByRole("region", { name: "App Information" }).getByText("Staging").waitFor();

    await page.getByRole("button", { name: "Delete app" }).click();
    const remove = page.getByRole("dialog", { name: "Delete Lobby kiosk?" });
    await remove.getByText("Every integration using those keys stops at once.", { exact: false }).waitFor();
    await remove.getByRole("button", { name: "Delete app" }).click();
    await page.waitForURL(`${keygate.url}/apps`);
    expect(
      (await owner.client.GET("/v1/apps/{id}", { params: { path: { id: app.id } } })).response.status,
    ).toBe(404);
    expect(
      await verifyKey(keygate, root, { sharedKey: key.sharedKey ?? "", secretKey: key.secretKey ?? "" }),
    ).toEqual({ valid: false, code: "NOT_FOUND" });
  });

  it("lays an app out at 390 px without the page scrolling sideways", async () => {
    const phone = await data(
      owner.client.POST("/v1/apps", {
        body: { title: "Courier app", environment: "production", apiIds: [ordersApiId] },
      }),
    );
    for (const name of ["courier-prod", "courier-prod-2"])
      await data(
        owner.client.POST("/v1/keys", {
          body: { name, kind: "pair", appId: phone.id, scopes: ["orders:read"] },
        }),
      );
    const { page } = await openTab(keygate, { session: owner, viewport: "mobile" });
    await page.goto(`${keygate.url}/apps/${phone.id}`);
    await page.getByRole("row", { name: "courier-prod-2", exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await checkScreen(page, "app-detail-mobile");
    await page.goto(`${keygate.url}/apps`);
    await page.getByRole("list", { name: "Apps" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await checkScreen(page, "apps-grid-mobile");
    await page.goto(`${keygate.url}/apps/new`);
    await page.getByLabel("Title").fill("Phone app");
    await page.getByLabel("Environment").selectOption("development");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("checkbox", { name: "Orders API" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await checkScreen(page, "apps-new-apis-mobile");
  });
});
