/**
 * Recoverable keys in the browser (seeds 000 and 003 view and copy a key later; 001 and 004 show
 * it once): with the workspace setting on, a new key's table row and card show a masked value
 * with Reveal, then the value itself with Copy; the menu's Reveal shows it too; each reveal is
 * audited as key.revealed. A key made while the setting was off says it cannot be revealed, and
 * so does every key once the setting is turned off again. Only admins and owners see Reveal.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type ApiSession,
  addMember,
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

const NOT_REVEALABLE =
  "Cannot be revealed: it was made while recoverable keys were off, so its secret was shown once only.";

describeInBrowser("API keys: recoverable keys on and off", () => {
  let keygate: KeygateProcess;
  let owner: ApiSession;
  let verifier: RootKey;

  beforeAll(async () => {
    keygate = await startKeygate();
    owner = await completeSetup(keygate);
    verifier = await createRootKey(owner, ["keys:verify"]);
    await data(owner.client.POST("/v1/keys", { body: { name: "made-before" } }));
    await data(owner.client.PATCH("/v1/workspace", { body: { recoverableKeys: true } }));
  }, SEED_TIMEOUT_MS);
  afterAll(() => keygate?.dispose());

  const keysScreen = async (page: Page) => {
    await page.goto(`${keygate.url}/settings/api-access`);
    await page.getByRole("heading", { name: "API Keys", level: 1 }).waitFor();
  };

  const revealedCount = async () => {
    const page = await data(
      owner.client.GET("/v1/audit-events", { params: { query: { action: "key.revealed" } } }),
    );
    return typeof page === "string" ? -1 : page.data.length;
  };

  it("reveals a key made while the setting is on, in the table, the cards and the menu", async () => {
    const { page } = await openTab(keygate, { session: owner });
    await keysScreen(page);
    await page.getByRole("button", { name: "Create API Key" }).click();
    const form = page.getByRole("dialog", { name: "Create API Key" });
    await form.getByLabel("Key name").fill("crm-integration");
    await form.getByRole("button", { name: "Create API Key" }).click();
    const once = page.getByRole("dialog", { name: "Copy your API key" });
    const secret = (await once.locator("code").textContent()) ?? "";
    await once.getByRole("button", { name: "Done" }).click();
    expect((await verifyKey(keygate, verifier, { key: secret })).code).toBe("VALID");

    const row = page.getByRole("row", { name: /crm-integration/ });
    await row.getByRole("button", { name: "Reveal" }).waitFor();
    expect(await row.getByRole("cell").nth(0).textContent()).toBe(
      `${secret.slice(0, 7)}•••••••••••• (hidden)Reveal`,
    );
    const before = page.getByRole("row", { name: /made-before/ });
    expect(await before.getByText("Cannot be revealed").getAttribute("title")).toBe(NOT_REVEALABLE);
    expect(await before.getByRole("button", { name: "Reveal" }).count()).toBe(0);
    await checkScreen(page, "keys-recoverable-table");

    await row.getByRole("button", { name: "Reveal" }).click();
    await row.getByText(secret, { exact: true }).waitFor();
    await row.getByRole("button", { name: "Copy" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await checkScreen(page, "keys-recoverable-revealed");
    await row.getByRole("button", { name: "Hide" }).click();
    // Hiding re-renders the row; a loaded machine may take a moment.
    await row.getByText(secret, { exact: true }).waitFor({ state: "detached" });
    await expect.poll(revealedCount).toBe(1);

    await page.getByRole("radio", { name: "Cards" }).click();
    const card = page.getByRole("listitem", { name: "crm-integration" });
    await card.getByRole("button", { name: "Reveal" }).click();
    await card.getByText(secret, { exact: true }).waitFor();
    expect(await page.getByRole("listitem", { name: "made-before" }).textContent()).toContain(NOT_REVEALABLE);
    await checkScreen(page, "keys-recoverable-cards");
    await expect.poll(revealedCount).toBe(2);

    await page.getByRole("button", { name: "Actions for made-before" }).click();
    expect(await page.getByRole("menuitem", { name: "Reveal" }).count()).toBe(0);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Actions for crm-integration" }).click();
    await page.getByRole("menuitem", { name: "Reveal" }).click();
    const dialog = page.getByRole("dialog", { name: "Secret of crm-integration" });
    expect(await dialog.textContent()).toContain("Revealing a key is recorded in the audit log.");
    await dialog.getByRole("button", { name: "Reveal secret" }).click();
    await dialog.getByRole("group", { name: "API key" }).getByText(secret, { exact: true }).waitFor();
    await checkScreen(page, "keys-reveal-dialog");
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect.poll(revealedCount).toBe(3);
    await page.getByRole("radio", { name: "Table" }).click();
  });

  it("shows no Reveal to a developer", async () => {
    const developer = await addMember(
      keygate,
      owner,
      { name: "Dev Developer", email: "dev@example.com", password: "correct horse battery staple" },
      "developer",
    );
    const { page } = await openTab(keygate, { session: developer });
    await keysScreen(page);
    const row = page.getByRole("row", { name: /crm-integration/ });
    await row.waitFor();
    expect(await row.getByRole("button", { name: "Reveal" }).count()).toBe(0);
    await page.getByRole("button", { name: "Actions for crm-integration" }).click();
    expect(await page.getByRole("menuitem", { name: "Reveal" }).count()).toBe(0);
  });

  it("says every key cannot be revealed once the setting is turned off", async () => {
    await data(owner.client.PATCH("/v1/workspace", { body: { recoverableKeys: false } }));
    const { page } = await openTab(keygate, { session: owner });
    await keysScreen(page);
    const row = page.getByRole("row", { name: /crm-integration/ });
    await row.waitFor();
    expect(await row.getByRole("button", { name: "Reveal" }).count()).toBe(0);
    const key = (
      await data(owner.client.GET("/v1/keys", { params: { query: { search: "crm-integration" } } }))
    ).data[0];
    expect(key?.recoverable).toBe(false);
    await page.getByRole("link", { name: "crm-integration" }).click();
    const details = page.getByRole("region", { name: "Details" });
    await details.getByText("No: its secret was shown once and cannot be revealed").waitFor();
    await checkScreen(page, "keys-recoverable-off-detail");
  });
});
