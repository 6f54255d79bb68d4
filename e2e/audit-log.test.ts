/**
 * The audit log, in the browser: every change is listed with who made it; the filters by action,
 * actor, target and time narrow the table (and live in the URL); Export CSV downloads exactly
 * the events the filters match, the same file the API gives for the same query.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiSession, addMember, completeSetup, data } from "./harness/api.js";
import { openTab } from "./harness/browser.js";
import { checkScreen } from "./harness/check-screen.js";
import { type KeygateProcess, SEED_TIMEOUT_MS, startKeygate } from "./harness/keygate-process.js";
import { describeInBrowser } from "./harness/skip.js";

const ADMIN = { name: "Adam Admin", email: "adam@example.com", password: "admin password 1234" };

/** The action codes of the table's event rows, top to bottom. */
async function actionsShown(page: Page): Promise<string[]> {
  return page
    .getByRole("table")
    .locator("tbody > tr")
    .getByRole("code")
    .allTextContents()
    .then((codes) => codes.filter((code) => /^[a-z_]+\.[a-z_]+$/.test(code)));
}

/** Waits until the table shows exactly these actions. */
async function expectActions(page: Page, expected: string[]): Promise<void> {
  const deadline = Date.now() + 15_000;
  let shown = await actionsShown(page);
  while (JSON.stringify(shown) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    shown = await actionsShown(page);
  }
  expect(shown).toEqual(expected);
}

describeInBrowser("the audit log", () => {
  let keygate: KeygateProcess;
  let owner: ApiSession;
  let crmKeyId: string;
  let adminKeyId: string;

  beforeAll(async () => {
    keygate = await startKeygate();
    owner = await completeSetup(keygate);
    crmKeyId = (await data(owner.client.POST("/v1/keys", { body: { name: "crm-integration" } }))).id;
    await data(owner.client.POST("/v1/keys/{id}/disable", { params: { path: { id: crmKeyId } } }));
    const admin = await addMember(keygate, owner, ADMIN, "admin");
    adminKeyId = (await data(admin.client.POST("/v1/keys", { body: { name: "adam-key" } }))).id;
  }, SEED_TIMEOUT_MS);
  afterAll(() => keygate?.dispose());

  it("filters by action, actor, target and time, in the URL", async () => {
    const { page } = await openTab(keygate, { session: owner });
    await page.goto(`${keygate.url}/audit`);
    await page.getByRole("heading", { name: "Audit log", level: 1 }).waitFor();
    await page.getByRole("table").getByText("key.disabled").waitFor();
    const all = await actionsShown(page);
    expect(all.slice(0, 4)).toEqual(["key.created", "user.signed_in", "member.added", "key.disabled"]);
    await checkScreen(page, "audit-log");

    await page.getByRole("combobox", { name: /^Action\b/ }).selectOption("key.disabled");
    await expectActions(page, ["key.disabled"]);
    expect(new URL(page.url()).searchParams.get("action")).toBe("key.disabled");
    await checkScreen(page, "audit-log-filtered-by-action");

    await page.getByRole("combobox", { name: /^Action\b/ }).selectOption("key.*");
    await expectActions(page, ["key.created", "key.disabled", "key.created"]);
    await page
      .getByRole("combobox", { name: /^Actor\b/ })
      .selectOption({ label: `${ADMIN.name} (${ADMIN.email})` });
    await expectActions(page, ["key.created"]);
    expect(await page.getByRole("table").getByText(adminKeyId).count()).toBe(1);

    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByRole("textbox", { name: /^Target ID\b/ }).fill(crmKeyId);
    await expectActions(page, ["key.disabled", "key.created"]);
    expect(new URL(page.url()).searchParams.get("targetId")).toBe(crmKeyId);

    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByLabel(/^To\b/).fill("2020-01-01T00:00");
    await page.getByText("No events match these filters").waitFor();
    await checkScreen(page, "audit-log-no-match");
  });

  it("exports the filtered events as the same CSV the API gives", async () => {
    const { page } = await openTab(keygate, { session: owner });
    await page.goto(`${keygate.url}/audit?action=${encodeURIComponent("key.*")}`);
    await expectActions(page, ["key.created", "key.disabled", "key.created"]);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^keygate-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), "utf8");
    const lines = csv.trimEnd().split(/\r?\n/);
    expect(lines[0]).toBe("id,created_at,action,actor_type,actor_id,target_type,target_id,ip,details");
    expect(lines.slice(1).map((line) => line.split(",")[2])).toEqual([
      "key.created",
      "key.disabled",
      "key.created",
    ]);
    expect(lines.slice(1).map((line) => line.split(",")[6])).toEqual([adminKeyId, crmKeyId, crmKeyId]);

    const fromApi = await owner.client.GET("/v1/audit-events", {
      params: { query: { action: "key.*", format: "csv" } },
      parseAs: "text",
    });
    expect(fromApi.response.status).toBe(200);
    expect(csv).toBe(fromApi.data);
    await checkScreen(page, "audit-log-exported");
  });
});
