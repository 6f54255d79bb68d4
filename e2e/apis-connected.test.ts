/**
 * Connected APIs in the browser against a real Keygate: the empty state, creating an API with its
 * scope chips (a malformed scope refused before sending), editing its scopes, deleting it after a
 * confirmation that names it, and the server's refusal to delete an API an app still uses shown in
 * that confirmation; at 1280 and 390 px.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiSession, completeSetup, data } from "./harness/api.js";
import { openTab } from "./harness/browser.js";
import { checkScreen } from "./harness/check-screen.js";
import { type KeygateProcess, startKeygate } from "./harness/keygate-process.js";
import { describeInBrowser } from "./harness/skip.js";

describeInBrowser("connected APIs", () => {
  let keygate: KeygateProcess;
  let owner: ApiSession;

  beforeAll(async () => {
    keygate = await startKeygate();
    owner = await completeSetup(keygate);
  });
  afterAll(() => keygate?.dispose());

  it("creates, edits and deletes an API and its scopes", async () => {
    const { page } = await openTab(keygate, { session: owner });
    await page.goto(`${keygate.url}/apis`);
    await page.getByRole("heading", { name: "Connected APIs", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "No connected APIs yet" }).waitFor();
    await checkScreen(page, "apis-empty");

    await page.getByRole("button", { name: "New API" }).click();
    const create = page.getByRole("dialog", { name: "Create a connected API" });
    await create.getByLabel("Name").fill("Billing API");
    await create.getByLabel(/^Description/).fill("Invoices and payments");
    const scope = create.getByLabel("New scope");
    await scope.fill("Invoices Read");
    await scope.press("Enter");
    await create
      .getByText("must look like orders:read (lowercase letters, digits, _ . - and : separators)")
      .waitFor();
    expect(await scope.getAttribute("aria-invalid")).toBe("true");
    await checkScreen(page, "apis-create-invalid-scope");
    await scope.fill("invoices:read");
    await scope.press("Enter");
    await scope.fill("invoices:write");
    await create.getByRole("button", { name: "Add scope" }).click();
    await scope.fill("payments:*");
    await scope.press("Enter");
    const chips = create.getByRole("list", { name: "Scopes" }).getByRole("listitem");
    expect(await chips.allTextContents()).toEqual(["invoices:read", "invoices:write", "payments:*"]);
    await checkScreen(page, "apis-create-dialog");
    await create.getByRole("button", { name: "Create API" }).click();
    await create.waitFor({ state: "detached" });

    const card = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: "Billing API" }) });
    await card.getByText("Invoices and payments").waitFor();
    expect(
      await card.getByRole("list", { name: "Scopes of Billing API" }).getByRole("listitem").allTextContents(),
    ).toEqual(["invoices:read", "invoices:write", "payments:*"]);
    await checkScreen(page, "apis-list");
    const [created] = (await data(owner.client.GET("/v1/apis"))).data;
    expect(created).toMatchObject({
      name: "Billing API",
      description: "Invoices and payments",
      scopes: ["invoices:read", "invoices:write", "payments:*"],
    });

    // Edit: take one scope away, add another, rename.
    await page.getByRole("button", { name: "Edit Billing API" }).click();
    const edit = page.getByRole("dialog", { name: "Edit Billing API" });
    await edit.getByRole("button", { name: "Remove invoices:write" }).click();
    await edit.getByLabel("New scope").fill("refunds:write");
    await edit.getByLabel("New scope").press("Enter");
    await edit.getByLabel("Name").fill("Payments API");
    await checkScreen(page, "apis-edit-dialog");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await edit.waitFor({ state: "detached" });
    await page
      .getByRole("list", { name: "Scopes of Payments API" })
      .getByText("refunds:write", { exact: true })
      .waitFor();
    const edited = await data(
      owner.client.GET("/v1/apis/{id}", { params: { path: { id: created?.id ?? "" } } }),
    );
    expect(edited).toMatchObject({
      name: "Payments API",
      scopes: ["invoices:read", "payments:*", "refunds:write"],
    });

    // Delete, after a confirmation that names it.
    await page.getByRole("button", { name: "Delete Payments API" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete Payments API?" });
    await checkScreen(page, "apis-delete-dialog");
    await confirm.getByRole("button", { name: "Delete API" }).click();
    await confirm.waitFor({ state: "detached" });
    await page.getByRole("heading", { name: "No connected APIs yet" }).waitFor();
    expect((await data(owner.client.GET("/v1/apis"))).data).toEqual([]);
  });

  it("shows why an API an app still uses cannot be deleted, and keeps it", async () => {
    const api = await data(
      owner.client.POST("/v1/apis", { body: { name: "Orders API", scopes: ["orders:read"] } }),
    );
    const app = await data(
      owner.client.POST("/v1/apps", {
        body: { title: "Storefront", environment: "production", apiIds: [api.id] },
      }),
    );
    const tab = await openTab(keygate, { session: owner });
    tab.allowFailedResponse(409, `/v1/apis/${api.id}`);
    const { page } = tab;
    await page.goto(`${keygate.url}/apis`);
    await page.getByRole("button", { name: "Delete Orders API" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete Orders API?" });
    await confirm.getByRole("button", { name: "Delete API" }).click();
    const alert = confirm.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      `The API is still connected to app "Storefront" (${app.id}); disconnect it first`,
    );
    await checkScreen(page, "apis-delete-refused");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("heading", { name: "Orders API" }).waitFor();
  });

  it("lays the list and the dialog out at 390 px without the page scrolling sideways", async () => {
    const { page } = await openTab(keygate, { session: owner, viewport: "mobile" });
    await page.goto(`${keygate.url}/apis`);
    await page.getByRole("heading", { name: "Orders API" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await checkScreen(page, "apis-list-mobile");
    await page.getByRole("button", { name: "Edit Orders API" }).click();
    await page.getByRole("dialog", { name: "Edit Orders API" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await checkScreen(page, "apis-edit-dialog-mobile");
  });
});
