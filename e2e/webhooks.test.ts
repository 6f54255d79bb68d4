/**
 * Webhooks, in the browser, against a real receiver: the owner adds an endpoint pointing at an
 * HTTP server this test runs (Keygate started with KEYGATE_WEBHOOK_ALLOW_HTTP=true and
 * KEYGATE_WEBHOOK_ALLOW_HOSTS=127.0.0.1, so a loopback http:// URL is allowed), copies the signing
 * secret shown once, creates a key in the dashboard, and sees the key.created delivery in the
 * endpoint's log as Delivered, with the body the receiver got (signed with that secret, checked by
 * @keygate/sdk's verifyWebhook) and the attempt's 200; then sends a test event. The key gets its
 * "Never expires" badge and the Attention filter lives in the URL. The new screens (webhooks, add
 * dialog, secret, detail with its log, the keys' attention filter, key policies, key hygiene
 * report) pass axe.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyWebhook } from "../sdk/src/index.js";
import { type ApiSession, completeSetup } from "./harness/api.js";
import { openTab } from "./harness/browser.js";
import { checkScreen } from "./harness/check-screen.js";
import { type KeygateProcess, SEED_TIMEOUT_MS, startKeygate } from "./harness/keygate-process.js";
import { describeInBrowser } from "./harness/skip.js";

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP receiver on 127.0.0.1 that answers every POST 200 and keeps what it got. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => {
      received.push({ path: request.url ?? "", headers: request.headers, body });
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/hooks/keygate`, received };
}

describeInBrowser("webhooks", () => {
  let keygate: KeygateProcess;
  let owner: ApiSession;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    keygate = await startKeygate({
      env: { KEYGATE_WEBHOOK_ALLOW_HTTP: "true", KEYGATE_WEBHOOK_ALLOW_HOSTS: "127.0.0.1" },
    });
    owner = await completeSetup(keygate);
  }, SEED_TIMEOUT_MS);
  afterAll(async () => {
    await keygate?.dispose();
    await new Promise((resolve) => receiver?.server.close(resolve));
  });

  it("adds an endpoint, shows its secret once, and logs the key.created delivery as delivered", async () => {
    const { page } = await openTab(keygate, { session: owner });
    await page.goto(`${keygate.url}/webhooks`);
    await page.getByRole("heading", { name: "Webhooks", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "No webhook endpoints yet" }).waitFor();
    await checkScreen(page, "webhooks-empty");

    await page.getByRole("button", { name: "Add endpoint" }).click();
    const dialog = page.getByRole("dialog", { name: "Add endpoint" });
    await dialog.waitFor();
    // Nothing chosen yet: the form says so before sending anything.
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await dialog.getByText("Enter the URL that receives the events").waitFor();
    await dialog.getByText("Choose at least one event").waitFor();
    await dialog.getByLabel("Endpoint URL").fill(receiver.url);
    await dialog.getByLabel(/^Description/).fill("Billing service");
    await dialog.getByRole("checkbox", { name: /^Key created/ }).check();
    await dialog.getByRole("checkbox", { name: /^Key revoked/ }).check();
    expect(await dialog.getByText("2 of 14 selected").count()).toBe(1);
    // The first workspace is the operator's: it may also hear every tenant (left off here).
    expect(await dialog.getByLabel("Receive the events of every tenant").isChecked()).toBe(false);
    await checkScreen(page, "webhooks-add-dialog");
    await dialog.getByRole("button", { name: "Add endpoint" }).click();

    const secretDialog = page.getByRole("dialog", { name: "Copy the signing secret" });
    await secretDialog.waitFor();
    const secret = await secretDialog
      .getByRole("group", { name: "Signing secret" })
      .locator("code")
      .textContent();
    expect(secret).toMatch(/^whsec_/);
    await secretDialog.getByText("verifyWebhook").waitFor();
    await checkScreen(page, "webhooks-secret-once");
    await secretDialog.getByRole("button", { name: "Done" }).click();

    // Done leads to the endpoint, whose log is empty.
    await page.getByRole("heading", { name: "Billing service", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "No deliveries yet" }).waitFor();
    const endpointUrl = page.url();
    expect(new URL(endpointUrl).pathname).toMatch(/^\/webhooks\/[\w-]+$/);

    // A key created in the dashboard fires key.created.
    await page.goto(`${keygate.url}/settings/api-access`);
    await page.getByRole("button", { name: "Create API Key" }).click();
    const create = page.getByRole("dialog", { name: "Create API Key" });
    await create.getByLabel("Key name").fill("crm-integration");
    await create.getByRole("button", { name: "Create API Key" }).click();
    await page
      .getByRole("dialog", { name: "Copy your API key" })
      .getByRole("button", { name: "Done" })
      .click();
    const keyLink = page.getByRole("link", { name: "crm-integration" }).first();
    const keyId = (await keyLink.getAttribute("href"))?.split("/").pop() ?? "";
    expect(keyId).not.toBe("");

    await page.goto(endpointUrl);
    const log = page.getByRole("table", { name: "Deliveries, newest first" });
    const row = log.locator("tbody > tr").filter({ hasText: "key.created" });
    // The log asks again every few seconds while the delivery is pending.
    await row.getByText("Delivered").waitFor({ timeout: 30_000 });
    expect(await row.locator("td").nth(1).textContent()).toBe("1");
    expect(await row.locator("td").nth(2).textContent()).toBe("200");

    const got = receiver.received.find((request) => request.body.includes('"key.created"'));
    expect(got?.path).toBe("/hooks/keygate");
    expect(got?.headers["webhook-id"]).toMatch(/^msg_/);
    // Signed with the secret the dialog showed: the SDK's check accepts it.
    const body = await verifyWebhook<{ key: { id: string } }>(
      got?.body ?? "",
      got?.headers ?? {},
      secret ?? "",
    );
    expect(body.id).toBe(got?.headers["webhook-id"]);
    expect(body.type).toBe("key.created");
    expect(body.data.key.id).toBe(keyId);
    expect(got?.body).not.toContain(secret ?? "whsec_");

    await row.getByRole("button", { name: /Key created/ }).click();
    await page.getByRole("region", { name: "Body of Key created" }).getByText(`"id": "${body.id}"`).waitFor();
    const attempts = page.getByRole("region", { name: "Attempts of Key created" });
    await attempts.getByText("Attempt 1").waitFor();
    await attempts.getByText("thanks").waitFor();
    await attempts.getByRole("button", { name: "Redeliver" }).waitFor();
    await checkScreen(page, "webhooks-detail-log");

    // A test event reaches the receiver as well, whatever the endpoint subscribed to.
    await page.getByRole("button", { name: "Send test event" }).click();
    await log.locator("tbody > tr").filter({ hasText: "webhook.test" }).getByText("Delivered").waitFor({
      timeout: 30_000,
    });
    expect(receiver.received.some((request) => request.body.includes('"webhook.test"'))).toBe(true);

    await page.goto(`${keygate.url}/webhooks`);
    await page.getByRole("link", { name: receiver.url }).waitFor();
    await checkScreen(page, "webhooks-list");
  });

  it("badges the keys that need attention, and shows the key policies and the hygiene report", async () => {
    const { page } = await openTab(keygate, { session: owner });
    await page.goto(`${keygate.url}/settings/api-access`);
    const keyRow = page.getByRole("row", { name: /crm-integration/ });
    await keyRow.getByRole("list", { name: "Needs attention" }).getByText("Never expires").waitFor();
    await page.getByRole("combobox", { name: "Attention" }).selectOption("true");
    expect(new URL(page.url()).searchParams.get("attention")).toBe("true");
    await keyRow.waitFor();
    await page.getByRole("combobox", { name: "Attention" }).selectOption("leaked");
    await page.getByText("No key needs this attention: well kept.").waitFor();
    await checkScreen(page, "keys-attention-filter");

    await page.goto(`${keygate.url}/settings/workspace`);
    await page.getByRole("heading", { name: "Key policies" }).waitFor();
    expect(await page.getByLabel("Rotation reminder (days)").inputValue()).toBe("90");
    expect(await page.getByLabel("Unused after (days)").inputValue()).toBe("30");
    await checkScreen(page, "settings-key-policies");

    await page.getByRole("link", { name: "Reports" }).click();
    await page.getByRole("heading", { name: "Key hygiene", level: 1 }).waitFor();
    await page.getByRole("table").getByRole("link", { name: "crm-integration" }).waitFor();
    await checkScreen(page, "key-hygiene-report");
  });
});
