/**
 * A key's life in the browser, each step checked where it matters, through the verify API as the
 * platform's servers see it: disable (asks, warns; DISABLED at once) and enable (VALID again),
 * edit (applied immediately), rotate with a grace period (old and new secret both VALID), rotate
 * again with none (only the newest VALID), revoke (cannot be undone; the row stays as Revoked;
 * REVOKED), delete (names the key; gone from the list; NOT_FOUND).
 */
import type { Locator, Page } from "playwright-core";
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

describeInBrowser("API keys: disable, enable, edit, rotate, revoke, delete", () => {
  let keygate: KeygateProcess;
  let owner: ApiSession;
  let verifier: RootKey;
  let secret: string;
  let keyId: string;

  beforeAll(async () => {
    keygate = await startKeygate();
    owner = await completeSetup(keygate);
    verifier = await createRootKey(owner, ["keys:verify"]);
    const key = await data(owner.client.POST("/v1/keys", { body: { name: "crm-integration" } }));
    secret = key.key ?? "";
    keyId = key.id;
  }, SEED_TIMEOUT_MS);
  afterAll(() => keygate?.dispose());

  const codeOf = async (key: string) => (await verifyKey(keygate, verifier, { key })).code;

  async function keysScreen(page: Page): Promise<Locator> {
    await page.goto(`${keygate.url}/settings/api-access`);
    const row = page.getByRole("row", { name: /crm-integration|prod-crm/ });
    await row.waitFor();
    return row;
  }

  async function chooseAction(page: Page, keyName: string, action: string) {
    await page.getByRole("button", { name: `Actions for ${keyName}` }).click();
    await page.getByRole("menuitem", { name: action }).click();
  }

  it("disables after a warning, blocking the key at once, and enables without asking", async () => {
    const { page } = await openTab(keygate, { session: owner });
    const row = await keysScreen(page);
    const enabled = row.getByRole("switch", { name: "Enabled" });
    expect(await enabled.getAttribute("aria-checked")).toBe("true");

    await enabled.click();
    const confirm = page.getByRole("dialog", { name: "Disable crm-integration?" });
    expect(await confirm.textContent()).toContain(
      "Disabling an API key immediately blocks access for applications using that key.",
    );
    await checkScreen(page, "keys-disable-confirm");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    expect(await enabled.getAttribute("aria-checked")).toBe("true");
    expect(await codeOf(secret)).toBe("VALID");

    await enabled.click();
    await confirm.getByRole("button", { name: "Disable key" }).click();
    await confirm.waitFor({ state: "detached" });
    expect(await enabled.getAttribute("aria-checked")).toBe("false");
    await row.getByText("Inactive", { exact: true }).waitFor();
    expect(await codeOf(secret)).toBe("DISABLED");

    // Enabling shows at once (an optimistic update); the verification is asked once the server has it.
    const enabledOnServer = page.waitForResponse(
      (response) => response.request().method() === "POST" && response.url().endsWith("/enable"),
    );
    await enabled.click();
    expect(await page.getByRole("dialog").count()).toBe(0);
    await row.getByText("Active", { exact: true }).waitFor();
    expect(await enabled.getAttribute("aria-checked")).toBe("true");
    expect((await enabledOnServer).status()).toBe(200);
    expect(await codeOf(secret)).toBe("VALID");
  });

  it("edits the name and the limits, applied from the next verification", async () => {
    const { page } = await openTab(keygate, { session: owner });
    await keysScreen(page);
    await chooseAction(page, "crm-integration", "Edit");
    const dialog = page.getByRole("dialog", { name: "Edit crm-integration" });
    expect(await dialog.textContent()).toContain("The changes are applied immediately");
    await dialog.getByLabel("Key name").fill("prod-crm");
    await dialog.getByRole("button", { name: "Advanced" }).click();
    await dialog.getByLabel(/^Rate limit \(requests\)/).fill("2");
    await dialog.getByLabel("Rate limit window (seconds)").fill("3600");
    await checkScreen(page, "keys-edit-dialog");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("row", { name: /prod-crm/ }).waitFor();

    const first = await verifyKey(keygate, verifier, { key: secret });
    expect([first.code, first.valid && first.name, first.valid && first.ratelimit?.limit]).toEqual([
      "VALID",
      "prod-crm",
      2,
    ]);
    expect(await codeOf(secret)).toBe("VALID");
    expect(await codeOf(secret)).toBe("RATE_LIMITED");

    await chooseAction(page, "prod-crm", "Edit");
    const again = page.getByRole("dialog", { name: "Edit prod-crm" });
    await again.getByLabel(/^Rate limit \(requests\)/).fill("");
    await again.getByRole("button", { name: "Save changes" }).click();
    await again.waitFor({ state: "detached" });
    expect(await codeOf(secret)).toBe("VALID");
  });

  it("rotates with a grace period (both secrets work), then with none (only the newest works)", async () => {
    const { page } = await openTab(keygate, { session: owner });
    await keysScreen(page);
    await chooseAction(page, "prod-crm", "Rotate");
    const rotate = page.getByRole("dialog", { name: "Rotate prod-crm?" });
    expect(await rotate.textContent()).toContain("Tell the technical owner before rotating.");
    await rotate.getByLabel("Grace period").selectOption({ label: "1 hour" });
    await checkScreen(page, "keys-rotate-dialog");
    await rotate.getByRole("button", { name: "Rotate key" }).click();

    const shown = page.getByRole("dialog", { name: "Copy your API key" });
    await shown.waitFor();
    expect(await shown.textContent()).toContain("The previous secret keeps working until");
    await checkScreen(page, "keys-rotated-secret");
    await shown.getByRole("button", { name: "Copy" }).click();
    await shown.getByRole("button", { name: "Copied" }).waitFor();
    const second = await page.evaluate(() => navigator.clipboard.readText());
    await shown.getByRole("button", { name: "Done" }).click();
    expect(second).not.toBe(secret);
    expect([await codeOf(secret), await codeOf(second)]).toEqual(["VALID", "VALID"]);

    await chooseAction(page, "prod-crm", "Rotate");
    await rotate.getByLabel("Grace period").selectOption({ label: "None: the old secret stops at once" });
    await rotate.getByRole("button", { name: "Rotate key" }).click();
    await shown.waitFor();
    expect(await shown.textContent()).toContain("The previous secret stopped working now.");
    const third = (await shown.locator("code").textContent()) ?? "";
    await shown.getByRole("button", { name: "Done" }).click();
    expect([await codeOf(secret), await codeOf(second), await codeOf(third)]).toEqual([
      "EXPIRED",
      "EXPIRED",
      "VALID",
    ]);
    secret = third;
  });

  it("revokes for good with a reason, and the row stays as Revoked", async () => {
    const { page } = await openTab(keygate, { session: owner });
    const row = await keysScreen(page);
    await chooseAction(page, "prod-crm", "Revoke");
    const revoke = page.getByRole("dialog", { name: "Revoke prod-crm?" });
    expect(await revoke.textContent()).toContain("Revocation cannot be undone for that key.");
    await revoke.getByLabel(/^Reason/).fill("integration retired");
    await checkScreen(page, "keys-revoke-dialog");
    await revoke.getByRole("button", { name: "Revoke key" }).click();
    await revoke.waitFor({ state: "detached" });
    await row.getByText("Revoked", { exact: true }).waitFor();
    expect(await row.getByRole("switch", { name: "Enabled" }).isDisabled()).toBe(true);
    expect(await codeOf(secret)).toBe("REVOKED");

    await page.getByRole("button", { name: "Actions for prod-crm" }).click();
    expect(await page.getByRole("menuitem").allTextContents()).toEqual([
      "View details",
      "Delete",
      "Copy key ID",
      "Copy prefix",
    ]);
    await page.getByRole("menuitem", { name: "Copy key ID" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(keyId);
    const key = await data(owner.client.GET("/v1/keys/{id}", { params: { path: { id: keyId } } }));
    expect([key.status, key.revokedReason]).toEqual(["revoked", "integration retired"]);
  });

  it("deletes after a confirmation naming the key, and the key is gone", async () => {
    const { page } = await openTab(keygate, { session: owner });
    const row = await keysScreen(page);
    await chooseAction(page, "prod-crm", "Delete");
    const remove = page.getByRole("dialog", { name: "Delete prod-crm?" });
    expect(await remove.textContent()).toContain("immediately stops all integrations using that key");
    await checkScreen(page, "keys-delete-dialog");
    await remove.getByRole("button", { name: "Delete key" }).click();
    await row.waitFor({ state: "detached" });
    await page.getByRole("heading", { name: "No API keys yet" }).waitFor();
    expect(await codeOf(secret)).toBe("NOT_FOUND");
    const gone = await owner.client.GET("/v1/keys/{id}", { params: { path: { id: keyId } } });
    expect(gone.response.status).toBe(404);
  });
});
