/**
 * Recoverable keys on an app's API Credentials: with the workspace setting on, a pair generated
 * there shows its Secret Key masked with Reveal; Reveal shows it (audited as key.revealed) and
 * Copy puts it on the clipboard; a pair made while the setting was off says it cannot be revealed.
 */
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

describeInBrowser("recoverable key pairs of an app", () => {
  let keygate: KeygateProcess;
  let owner: ApiSession;
  let root: RootKey;
  let appId: string;

  beforeAll(async () => {
    keygate = await startKeygate();
    owner = await completeSetup(keygate);
    root = await createRootKey(owner, ["keys:verify"]);
    const api = await data(
      owner.client.POST("/v1/apis", { body: { name: "Orders API", scopes: ["orders:read"] } }),
    );
    appId = (
      await data(
        owner.client.POST("/v1/apps", {
          body: { title: "Partner portal", environment: "staging", apiIds: [api.id] },
        }),
      )
    ).id;
    await data(
      owner.client.POST("/v1/keys", {
        body: { name: "partner-portal-staging", kind: "pair", appId, scopes: ["orders:read"] },
      }),
    );
    await data(owner.client.PATCH("/v1/workspace", { body: { recoverableKeys: true } }));
  });
  afterAll(() => keygate?.dispose());

  it("reveals and copies the Secret Key of a pair made while the setting is on, and audits it", async () => {
    const { page } = await openTab(keygate, { session: owner });
    await page.goto(`${keygate.url}/apps/${appId}`);
    const before = page.getByRole("row", { name: "partner-portal-staging", exact: true });
    await before.getByText("Cannot be revealed").waitFor();
    expect(await before.getByRole("button", { name: "Reveal" }).count()).toBe(0);

    await page.getByRole("button", { name: "Generate Key" }).click();
    const once = page.getByRole("dialog", { name: "Successfully Generated your API Keys!" });
    const sharedKey =
      (await once.getByRole("group", { name: "Shared Key" }).locator("code").textContent()) ?? "";
    const secretKey =
      (await once.getByRole("group", { name: "Secret Key" }).locator("code").textContent()) ?? "";
    await once.getByRole("button", { name: "Done" }).click();
    await once.waitFor({ state: "detached" });
    expect((await verifyKey(keygate, root, { sharedKey, secretKey })).code).toBe("VALID");

    const row = page.getByRole("row", { name: "partner-portal-staging-2", exact: true });
    await row.getByRole("button", { name: "Reveal" }).waitFor();
    expect(await row.getByText(secretKey).count()).toBe(0);
    await checkScreen(page, "app-detail-recoverable");

    await row.getByRole("button", { name: "Reveal" }).click();
    await row.getByText(secretKey, { exact: true }).waitFor();
    await row.getByRole("button", { name: "Copy", exact: true }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secretKey);
    await checkScreen(page, "app-detail-revealed");
    await row.getByRole("button", { name: "Hide" }).click();
    await row.getByRole("button", { name: "Reveal" }).waitFor();
    expect(await row.getByText(secretKey).count()).toBe(0);

    const detail = await data(owner.client.GET("/v1/apps/{id}", { params: { path: { id: appId } } }));
    const revealed = detail.keys.find((key) => key.name === "partner-portal-staging-2");
    const events = await data(
      owner.client.GET("/v1/audit-events", { params: { query: { action: "key.revealed" } } }),
    );
    expect(typeof events === "string" ? events : events.data.map((event) => event.target?.id)).toEqual([
      revealed?.id,
    ]);
  });
});
