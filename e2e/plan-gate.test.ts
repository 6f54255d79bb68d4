/**
 * The plan gate of seed 004, in the browser: a workspace whose plan lacks API Access (moved to the
 * free plan with `keygate workspace plan`, as an operator does) keeps its keys (they still verify)
 * listed under a banner that new keys need an upgrade, with no Create API Key, and no key
 * controls on an app's credentials; once it has no keys it sees "Upgrade required" with what each
 * plan includes. The API refuses new keys anyway.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiSession, completeSetup, data, OWNER, signIn } from "./harness/api.js";
import { openTab } from "./harness/browser.js";
import { checkScreen } from "./harness/check-screen.js";
import { type KeygateProcess, SEED_TIMEOUT_MS, startKeygate } from "./harness/keygate-process.js";
import { describeInBrowser } from "./harness/skip.js";

describeInBrowser("the plan gate", () => {
  let keygate: KeygateProcess;
  let owner: ApiSession;
  let keyId: string;
  let appId: string;

  beforeAll(async () => {
    keygate = await startKeygate();
    const firstOwner = await completeSetup(keygate);
    // Made while the workspace was on the enterprise plan, so there is something to hide.
    const app = await data(
      firstOwner.client.POST("/v1/apps", {
        body: { title: "Storefront", description: "The public shop", environment: "development", apiIds: [] },
      }),
    );
    appId = app.id;
    keyId = (await data(firstOwner.client.POST("/v1/keys", { body: { name: "dev-storefront", appId } }))).id;

    await keygate.stop();
    const workspace = firstOwner.signedIn.workspace;
    const moved = await keygate.cli(["workspace", "plan", workspace.id, "free"]);
    expect(moved).toEqual({
      code: 0,
      stdout: `Workspace "${workspace.name}" (${workspace.id}) is now on the free plan (was enterprise).\n`,
      stderr: "",
    });
    await keygate.start();
    owner = await signIn(keygate, OWNER);
  }, 2 * SEED_TIMEOUT_MS); // three starts of the store: serve, the CLI, serve again
  afterAll(() => keygate?.dispose());

  it("keeps listing the keys made before the downgrade, and refuses new ones", async () => {
    expect(owner.signedIn.workspace.plan).toBe("free");
    const { page } = await openTab(keygate, { session: owner });

    await page.goto(`${keygate.url}/settings/api-access`);
    const banner = page.getByRole("status").filter({ hasText: "does not include API Access" });
    await banner.waitFor();
    expect(await banner.locator("p").first().textContent()).toBe(
      "The Free plan of Default workspace does not include API Access. Existing keys keep working; new keys need an upgrade.",
    );
    await page.getByRole("row", { name: /dev-storefront/ }).waitFor();
    expect(await page.getByRole("button", { name: "Create API Key" }).count()).toBe(0);
    await checkScreen(page, "plan-gate-keys");

    await page.goto(`${keygate.url}/keys/${keyId}`);
    await page.getByRole("heading", { name: "dev-storefront", level: 1 }).waitFor();
    await banner.waitFor();
    await checkScreen(page, "plan-gate-key-detail");

    await page.goto(`${keygate.url}/apps/${appId}`);
    await page.getByText("Your plan does not include API Access, so no keys can be generated.").waitFor();
    // The key made before the downgrade is listed, but nothing acts on it.
    await page.getByRole("row", { name: "dev-storefront" }).waitFor();
    expect(await page.getByRole("button", { name: "Generate Key" }).count()).toBe(0);
    expect(await page.getByRole("switch").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Revoke dev-storefront" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Delete dev-storefront" }).count()).toBe(0);
    await checkScreen(page, "plan-gate-app-detail");
  });

  it("shows Upgrade required with what each plan includes once the workspace has no keys", async () => {
    const deleted = await owner.client.DELETE("/v1/keys/{id}", { params: { path: { id: keyId } } });
    expect(deleted.response.status).toBe(204);
    const { page } = await openTab(keygate, { session: owner });

    await page.goto(`${keygate.url}/settings/api-access`);
    await page.getByRole("heading", { name: "Upgrade required", level: 1 }).waitFor();
    const alert = page.getByRole("alert").filter({ hasText: "API Access is available only" });
    expect(await alert.locator("p").first().textContent()).toBe(
      "API Access is available only on supported paid plans. The Free plan of Default workspace does not include it.",
    );
    const plans = page.getByRole("list", { name: "Plans" });
    await plans.getByRole("heading", { name: "Enterprise" }).waitFor();
    expect(await plans.getByRole("heading", { level: 3 }).allTextContents()).toEqual([
      "Free",
      "Pro",
      "Enterprise",
    ]);
    expect(
      await plans
        .getByRole("listitem")
        .filter({ hasText: "Current plan" })
        .getByRole("heading")
        .textContent(),
    ).toBe("Free");
    await expectNoKeyControls(page);
    await checkScreen(page, "plan-gate-upgrade-required");
  });

  it("is enforced by the API too: a key cannot be made on the free plan", async () => {
    const refused = await owner.client.POST("/v1/keys", { body: { name: "sneaky" } });
    expect(refused.response.status).toBe(402);
    expect(refused.error).toMatchObject({ error: { code: "PLAN_REQUIRED" } });
  });
});

async function expectNoKeyControls(page: Page): Promise<void> {
  for (const name of ["Create API Key", "Rotate", "Revoke", "Delete"]) {
    expect(await page.getByRole("button", { name, exact: true }).count(), `button "${name}"`).toBe(0);
  }
  expect(await page.getByRole("searchbox", { name: "Search keys" }).count()).toBe(0);
  expect(await page.getByRole("switch", { name: "Enabled" }).count()).toBe(0);
  expect(await page.getByRole("button", { name: /^Actions for / }).count()).toBe(0);
}
