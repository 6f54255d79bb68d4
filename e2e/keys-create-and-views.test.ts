/**
 * The API Keys screen in the browser (seeds 000, 002, 003, 004): the empty state's Create API Key,
 * the create dialog and the secret shown once (copied: the clipboard holds the key, which then
 * verifies), the table and the cards view (remembered after a reload), search by name and by a
 * pasted key as you type, the App, Environment and Status filters, the no-results state, a key's detail with its usage and
 * history, and the 390 px layout.
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
import { type KeygateProcess, SEED_TIMEOUT_MS, startKeygate } from "./harness/keygate-process.js";
import { describeInBrowser } from "./harness/skip.js";

const TOKEN = /^kg_[0-9A-Za-z]{38}$/;
/** Search waits 250 ms after the last keystroke, then asks the server; a loaded machine is slow. */
const SETTLE = { timeout: 10_000 };

describeInBrowser("API keys: create, copy, views, search and detail", () => {
  let keygate: KeygateProcess;
  let owner: ApiSession;
  let verifier: RootKey;

  beforeAll(async () => {
    keygate = await startKeygate();
    owner = await completeSetup(keygate);
    verifier = await createRootKey(owner, ["keys:verify"]);
  }, SEED_TIMEOUT_MS);
  afterAll(() => keygate?.dispose());

  const keysScreen = async (page: Page) => {
    await page.goto(`${keygate.url}/settings/api-access`);
    await page.getByRole("heading", { name: "API Keys", level: 1 }).waitFor();
  };

  it("creates the first key from the empty state and copies it once", async () => {
    const { page } = await openTab(keygate, { session: owner });
    await keysScreen(page);
    await page.getByRole("heading", { name: "No API keys yet" }).waitFor();
    await checkScreen(page, "keys-empty");

    await page.getByRole("button", { name: "Create API Key" }).click();
    const form = page.getByRole("dialog", { name: "Create API Key" });
    await form.getByLabel("Key name").fill("crm-integration");
    await checkScreen(page, "keys-create-dialog");
    await form.getByRole("button", { name: "Create API Key" }).click();

    const secret = page.getByRole("dialog", { name: "Copy your API key" });
    await secret.waitFor();
    expect(await secret.textContent()).toContain("It will not be shown again.");
    await checkScreen(page, "keys-secret-once");
    await secret.getByRole("button", { name: "Copy" }).click();
    await secret.getByRole("button", { name: "Copied" }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(TOKEN);
    expect(await secret.locator("code").textContent()).toBe(copied);
    // Not dismissed by Escape: only Done closes it.
    await page.keyboard.press("Escape");
    expect(await secret.isVisible()).toBe(true);
    await secret.getByRole("button", { name: "Done" }).click();
    await secret.waitFor({ state: "detached" });

    const row = page.getByRole("row", { name: /crm-integration/ });
    await row.waitFor();
    expect(await row.getByRole("cell").nth(0).textContent()).toBe(`${copied.slice(0, 7)}…`);
    expect(await verifyKey(keygate, verifier, { key: copied })).toMatchObject({ valid: true, code: "VALID" });
  });

  it("shows the table and the cards view, and remembers the view", async () => {
    const app = await data(
      owner.client.POST("/v1/apps", {
        body: { title: "Main App", description: "The storefront", environment: "production", apiIds: [] },
      }),
    );
    await data(owner.client.POST("/v1/keys", { body: { name: "prod-main-app", appId: app.id } }));
    await data(owner.client.POST("/v1/keys", { body: { name: "mes-integration", kind: "pair" } }));
    const { page } = await openTab(keygate, { session: owner });
    await keysScreen(page);
    const table = page.getByRole("table", { name: "API keys" });
    // The app's title comes with the apps list, which may answer after the keys.
    await table.getByRole("rowheader", { name: /prod-main-app.*Main App/ }).waitFor();
    expect(await table.getByRole("columnheader").allTextContents()).toEqual([
      "Name",
      "Prefix",
      "Usage count",
      "Last used",
      "Expiry",
      "Status",
      "Created at",
      "Actions",
    ]);
    expect(await table.getByRole("rowheader").allTextContents()).toEqual([
      "mes-integrationproduction · key pair",
      "prod-main-appMain App · production",
      "crm-integrationproduction",
    ]);
    await checkScreen(page, "keys-table");

    await page.getByRole("radiogroup", { name: "View" }).getByRole("radio", { name: "Cards" }).click();
    const cards = page.getByRole("list", { name: "API keys" });
    await cards.waitFor();
    expect(await cards.getByRole("heading", { level: 2 }).allTextContents()).toEqual([
      "mes-integration",
      "prod-main-app",
      "crm-integration",
    ]);
    const card = cards.getByRole("listitem", { name: "prod-main-app" });
    expect(await card.getByRole("switch", { name: "Enabled" }).getAttribute("aria-checked")).toBe("true");
    await card.getByRole("button", { name: "Actions for prod-main-app" }).waitFor();
    await checkScreen(page, "keys-cards");

    await page.reload();
    await cards.waitFor();
    expect(await page.getByRole("radio", { name: "Cards" }).getAttribute("aria-checked")).toBe("true");
    await page.getByRole("radio", { name: "Table" }).click();
    await table.waitFor();
  });

  it("searches by name and by a pasted key as you type, and filters by app, environment and status", async () => {
    const pasted = await data(owner.client.POST("/v1/keys", { body: { name: "iot-devices" } }));
    const { page } = await openTab(keygate, { session: owner });
    await keysScreen(page);
    const table = page.getByRole("table", { name: "API keys" });
    const names = () => table.getByRole("link").allTextContents();
    await table.getByRole("row", { name: /iot-devices/ }).waitFor();
    const search = page.getByRole("searchbox", { name: "Search keys" });
    expect(await search.getAttribute("placeholder")).toBe("Search by name or paste a key");

    await search.pressSequentially("integr");
    await expect.poll(names, SETTLE).toEqual(["mes-integration", "crm-integration"]);
    await checkScreen(page, "keys-search-by-name");

    await search.fill(pasted.key ?? "");
    await expect.poll(names, SETTLE).toEqual(["iot-devices"]);

    await search.fill("no-such-key-anywhere");
    await page.getByRole("heading", { name: "No keys match" }).waitFor();
    await checkScreen(page, "keys-no-results");
    await page.getByRole("button", { name: "Clear search and filters" }).click();
    await expect
      .poll(names, SETTLE)
      .toEqual(["iot-devices", "mes-integration", "prod-main-app", "crm-integration"]);

    await page.getByLabel("App", { exact: true }).selectOption({ label: "Main App" });
    await expect.poll(names, SETTLE).toEqual(["prod-main-app"]);
    await page.getByLabel("App", { exact: true }).selectOption({ label: "All apps" });
    await data(owner.client.POST("/v1/keys", { body: { name: "staging-api", environment: "staging" } }));
    await page.getByLabel("Environment", { exact: true }).selectOption({ label: "Staging" });
    await expect.poll(names, SETTLE).toEqual(["staging-api"]);
    await page.getByLabel("Environment", { exact: true }).selectOption({ label: "All environments" });
    await data(owner.client.POST("/v1/keys/{id}/disable", { params: { path: { id: pasted.id } } }));
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Inactive" });
    await expect.poll(names, SETTLE).toEqual(["iot-devices"]);
    expect(new URL(page.url()).searchParams.get("status")).toBe("disabled");
  });

  it("shows a key's every field, its usage by outcome and its history", async () => {
    const key = await data(owner.client.POST("/v1/keys", { body: { name: "analytics-tools", scopes: [] } }));
    await verifyKey(keygate, verifier, { key: key.key ?? "" });
    await verifyKey(keygate, verifier, { key: key.key ?? "" });
    await data(owner.client.POST("/v1/keys/{id}/disable", { params: { path: { id: key.id } } }));
    await verifyKey(keygate, verifier, { key: key.key ?? "" });

    const { page } = await openTab(keygate, { session: owner });
    await keysScreen(page);
    await page.getByRole("link", { name: "analytics-tools" }).click();
    await page.getByRole("heading", { name: "analytics-tools", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/keys/${key.id}`);
    const details = page.getByRole("region", { name: "Details" });
    expect(await details.getByRole("term").allTextContents()).toEqual([
      "Key ID",
      "Name",
      "Kind",
      "Prefix",
      "API key",
      "Recoverable",
      "Key prefix",
      "Identity",
      "App",
      "Environment",
      "Status",
      "Enabled",
      "Scopes",
      "Expiry",
      "IP allowlist",
      "Rate limits",
      "Quota",
      "Meta",
      "Usage count",
      "Last used",
      "Last used from",
      "Created at",
      "Created by",
      "Updated at",
      "Rotated at",
      "Revoked at",
    ]);
    expect(await details.getByRole("definition").nth(0).textContent()).toBe(key.id);

    // Usage arrives within about a second of the verifications; the panel refetches on reload.
    const usage = page.getByRole("region", { name: "Usage" });
    await expect
      .poll(
        async () => {
          await page.reload();
          await usage.getByRole("tab", { name: "24 hours" }).waitFor();
          return usage.getByText(/verifications? in the last 24 hours/).textContent();
        },
        { timeout: 20_000 },
      )
      .toBe("3 verifications in the last 24 hours, shown per hour by outcome.");
    expect(
      await usage
        .getByRole("list", { name: "Verifications by outcome" })
        .getByRole("listitem")
        .allTextContents(),
    ).toEqual(["Valid: 2", "Disabled: 1"]);
    await usage.locator(".recharts-responsive-container").waitFor();
    await usage.getByRole("tab", { name: "30 days" }).click();
    await usage.getByText("3 verifications in the last 30 days, shown per day by outcome.").waitFor();

    const history = page.getByRole("list", { name: "Key history" });
    await expect
      .poll(() => history.getByRole("listitem").allTextContents(), SETTLE)
      .toEqual([
        expect.stringContaining("Key disabled by Olivia Owner"),
        expect.stringContaining("Key created by Olivia Owner"),
      ]);
    await checkScreen(page, "key-detail");
  });

  it("lays the keys screen and the create dialog out at 390 px without sideways scrolling", async () => {
    const { page } = await openTab(keygate, { session: owner, viewport: "mobile" });
    await keysScreen(page);
    // A phone without a remembered choice gets the cards; the table is one tap away.
    await page.getByRole("list", { name: "API keys" }).waitFor();
    expect(await page.getByRole("radio", { name: "Cards" }).getAttribute("aria-checked")).toBe("true");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await checkScreen(page, "keys-cards-mobile");
    await page.getByRole("radio", { name: "Table" }).click();
    await page.getByRole("table", { name: "API keys" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await checkScreen(page, "keys-table-mobile");
    await page.getByRole("button", { name: "Create API Key" }).click();
    await page.getByRole("dialog", { name: "Create API Key" }).waitFor();
    await checkScreen(page, "keys-create-dialog-mobile");
  });
});
