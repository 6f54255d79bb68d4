/**
 * The operator's Workspaces screen in the browser (issue 10): the platform's owner creates a
 * tenant for a customer, the tenant's key verifies through the operator's keys:verify:any root key,
 * and suspending it from the screen makes the very next verification WORKSPACE_SUSPENDED; resuming
 * brings it back. The screen and its dialogs pass axe.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiSession, completeSetup, createRootKey, type RootKey, verifyKey } from "./harness/api.js";
import { openTab } from "./harness/browser.js";
import { checkScreen } from "./harness/check-screen.js";
import { type KeygateProcess, SEED_TIMEOUT_MS, startKeygate } from "./harness/keygate-process.js";
import { describeInBrowser } from "./harness/skip.js";

describeInBrowser("the Workspaces screen of the operator", () => {
  let keygate: KeygateProcess;
  let owner: ApiSession;
  let operator: RootKey;

  beforeAll(async () => {
    keygate = await startKeygate();
    owner = await completeSetup(keygate);
    operator = await createRootKey(owner, [
      "workspaces:read",
      "workspaces:write",
      "keys:verify:any",
      "keys:write",
    ]);
  }, SEED_TIMEOUT_MS);
  afterAll(() => keygate?.dispose());

  it("creates a tenant, and suspending it refuses its keys at once until it is resumed", async () => {
    const { page } = await openTab(keygate, { session: owner });
    await page.goto(`${keygate.url}/workspaces`);
    await page.getByRole("heading", { name: "Workspaces", level: 1 }).waitFor();
    await checkScreen(page, "workspaces-empty");

    await page.getByRole("button", { name: "New workspace" }).first().click();
    const form = page.getByRole("dialog", { name: "New workspace" });
    await form.getByLabel("Name").fill("Acme Logistics");
    await form.getByLabel("External ID").fill("cus_acme");
    await form.getByLabel("Plan").selectOption("pro");
    await checkScreen(page, "workspaces-new");
    await form.getByRole("button", { name: "Create workspace" }).click();
    await form.waitFor({ state: "detached" });
    const row = page.getByRole("row", { name: /Acme Logistics/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("cus_acme");

    // A key of the new tenant, made by automation in it, verifies for the operator.
    const tenants = (await (
      await fetch(`${keygate.url}/v1/workspaces?externalId=cus_acme`, {
        headers: { authorization: `Bearer ${operator.key}` },
      })
    ).json()) as { data: Array<{ id: string }> };
    const tenantId = tenants.data[0]?.id;
    const tenantRoot = (await (
      await fetch(`${keygate.url}/v1/workspaces/${tenantId}/root-keys`, {
        method: "POST",
        headers: { authorization: `Bearer ${operator.key}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "acme automation", permissions: ["keys:write"] }),
      })
    ).json()) as { key: string };
    const created = (await (
      await fetch(`${keygate.url}/v1/keys`, {
        method: "POST",
        headers: { authorization: `Bearer ${tenantRoot.key}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "scanner-7" }),
      })
    ).json()) as { key: string };
    expect(await verifyKey(keygate, operator, { key: created.key })).toMatchObject({
      valid: true,
      workspace: { id: tenantId, externalId: "cus_acme", plan: "pro" },
    });

    await row.getByRole("button", { name: "Actions for Acme Logistics" }).click();
    await page.getByRole("menuitem", { name: "Suspend" }).click();
    const confirm = page.getByRole("dialog", { name: "Suspend Acme Logistics?" });
    await checkScreen(page, "workspaces-suspend");
    await confirm.getByRole("button", { name: "Suspend workspace" }).click();
    await confirm.waitFor({ state: "detached" });
    await row.getByText("Suspended").waitFor();
    expect(await verifyKey(keygate, operator, { key: created.key })).toEqual({
      valid: false,
      code: "WORKSPACE_SUSPENDED",
      keyId: expect.stringMatching(/^key_/),
    });

    await row.getByRole("button", { name: "Actions for Acme Logistics" }).click();
    await page.getByRole("menuitem", { name: "Resume" }).click();
    await page
      .getByRole("dialog", { name: "Resume Acme Logistics?" })
      .getByRole("button", { name: "Resume workspace" })
      .click();
    await row.getByText("Active").waitFor();
    expect(await verifyKey(keygate, operator, { key: created.key })).toMatchObject({
      valid: true,
      code: "VALID",
    });
  });
});
