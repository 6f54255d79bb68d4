/**
 * Creating a key with the keyboard alone: Tab to "Create API Key", Enter, type the name, pick the
 * app with the arrow keys, tick a scope with Space, submit, copy the secret shown once (read back
 * from the clipboard and verified through the API), Done. Focus stays inside each dialog while it
 * is open and comes back to "Create API Key" when it closes; Escape closes the create dialog the
 * same way.
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

const MAX_TABS = 40;

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/** Presses Tab until `target` has focus; with `within`, every stop on the way must be inside it. */
async function tabTo(page: Page, target: Locator, within?: Locator): Promise<void> {
  for (let presses = 0; presses < MAX_TABS; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press("Tab");
    if (within) {
      const inside = await within.evaluate((container) => container.contains(document.activeElement));
      expect(inside, "focus left the open dialog").toBe(true);
    }
  }
  throw new Error(`${target} did not get focus within ${MAX_TABS} presses of Tab`);
}

/** The focused element, in a few words: its tag and text. */
async function focusedControl(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    const label = element?.getAttribute("aria-label") ?? element?.textContent?.trim() ?? "";
    return `<${element?.tagName.toLowerCase() ?? "nothing"}> "${label.slice(0, 60)}"`;
  });
}

/** Waits up to a second for focus to land on `target` (a dialog gives it back as it unmounts). */
async function expectFocusReturnsTo(page: Page, target: Locator, when: string): Promise<void> {
  const deadline = Date.now() + 1_000;
  while (!(await isFocused(target)) && Date.now() < deadline) await page.waitForTimeout(50);
  expect(await isFocused(target), `focus is on ${await focusedControl(page)} ${when}`).toBe(true);
}

describeInBrowser("keyboard-only creation of a key", () => {
  let keygate: KeygateProcess;
  let owner: ApiSession;
  let verifier: RootKey;

  beforeAll(async () => {
    keygate = await startKeygate();
    owner = await completeSetup(keygate);
    const api = await data(
      owner.client.POST("/v1/apis", {
        body: { name: "CRM API", description: "Customers", scopes: ["contacts:read", "contacts:write"] },
      }),
    );
    await data(
      owner.client.POST("/v1/apps", {
        body: { title: "CRM sync", description: "Nightly sync", environment: "production", apiIds: [api.id] },
      }),
    );
    verifier = await createRootKey(owner, ["keys:verify"]);
  }, SEED_TIMEOUT_MS);
  afterAll(() => keygate?.dispose());

  it("creates, copies and closes with the keyboard, and focus comes back to Create API Key", async () => {
    const { page } = await openTab(keygate, { session: owner });
    await page.goto(`${keygate.url}/settings/api-access`);
    const createButton = page.getByRole("main").getByRole("button", { name: "Create API Key" });
    await createButton.waitFor();

    // Escape closes the dialog and gives focus back.
    await tabTo(page, createButton);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Create API Key" });
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await expectFocusReturnsTo(page, createButton, "after Escape closed the create dialog");

    await page.keyboard.press("Enter");
    await dialog.waitFor();
    const name = dialog.getByRole("textbox", { name: "Key name" });
    await tabTo(page, name, dialog);
    await page.keyboard.type("prod-crm-sync");

    const app = dialog.getByRole("combobox", { name: /^App\b/ });
    await tabTo(page, app, dialog);
    await page.keyboard.press("ArrowDown");
    expect(await app.locator("option:checked").textContent()).toBe("CRM sync (production)");

    const scope = dialog.getByRole("checkbox", { name: "contacts:read" });
    await scope.waitFor();
    await tabTo(page, scope, dialog);
    await page.keyboard.press("Space");
    expect(await scope.isChecked()).toBe(true);
    await checkScreen(page, "keyboard-create-key-filled");

    const submit = dialog.getByRole("button", { name: "Create API Key" });
    await tabTo(page, submit, dialog);
    await page.keyboard.press("Enter");

    const secretDialog = page.getByRole("dialog", { name: "Copy your API key" });
    await secretDialog.waitFor();
    await secretDialog.getByText("It will not be shown again").waitFor();
    expect(await secretDialog.evaluate((container) => container.contains(document.activeElement))).toBe(true);
    const copy = secretDialog.getByRole("button", { name: "Copy" });
    await tabTo(page, copy, secretDialog);
    await page.keyboard.press("Enter");
    await secretDialog.getByRole("button", { name: "Copied" }).waitFor();
    const secret = await page.evaluate(() => navigator.clipboard.readText());
    expect(secret).toMatch(/^kg_[A-Za-z0-9]{20,}/);
    await checkScreen(page, "keyboard-create-key-secret");

    // Escape does not lose the secret: only Done closes it.
    await page.keyboard.press("Escape");
    expect(await secretDialog.isVisible()).toBe(true);
    await tabTo(page, secretDialog.getByRole("button", { name: "Done" }), secretDialog);
    await page.keyboard.press("Enter");
    await secretDialog.waitFor({ state: "detached" });

    await page.getByRole("button", { name: "Actions for prod-crm-sync" }).waitFor();
    // The empty state's button is gone now that a key exists: focus goes to the header's.
    await expectFocusReturnsTo(
      page,
      page.getByRole("main").getByRole("button", { name: "Create API Key" }),
      "after Done",
    );
    await checkScreen(page, "keyboard-create-key-done");

    const verification = await verifyKey(keygate, verifier, { key: secret, scopes: ["contacts:read"] });
    expect(verification).toMatchObject({
      valid: true,
      code: "VALID",
      name: "prod-crm-sync",
      scopes: ["contacts:read"],
    });
  });
});
