/**
 * Platform mode in the browser (issue 10): a platform's own settings page, served by this test on
 * another site (`localhost` beside Keygate's `127.0.0.1`), embeds the key portal with /embed.js.
 * The platform's person creates a key inside the frame and copies it; the operator's
 * `keys:verify:any` root key verifies it and learns the tenant; the tenant's audit trail names the
 * portal user. A portal link works once and for 60 seconds only (Keygate's clock is moved by the
 * test), and the portal refuses to be framed by an origin that KEYGATE_EMBED_ORIGINS does not list.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiSession, OWNER, signIn } from "./harness/api.js";
import { openTab, sharedBrowser } from "./harness/browser.js";
import { type InProcessKeygate, startInProcessKeygate } from "./harness/in-process-keygate.js";
import { SEED_TIMEOUT_MS } from "./harness/keygate-process.js";
import { screenshot } from "./harness/screenshots.js";
import { describeInBrowser } from "./harness/skip.js";

const TOKEN = /^kg_[0-9A-Za-z]{38}$/;
const PORTAL_USER = { externalId: "u_ada", email: "ada@acme.test", name: "Ada Lovelace" };

/** The platform's settings page: its own header, and the key portal mounted below it. */
function settingsPage(keygateUrl: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ShipFast settings</title></head>
<body style="font-family: sans-serif; margin: 0">
  <header style="padding: 16px; background: #0f172a; color: white">ShipFast · Settings → API Keys</header>
  <main style="padding: 16px"><div id="api-keys"></div></main>
  <script src="${keygateUrl}/embed.js"></script>
  <script>
    const url = new URLSearchParams(location.search).get("portal");
    window.mounted = Keygate.mount(document.getElementById("api-keys"), { url });
  </script>
</body></html>`;
}

/** A platform's web server on localhost (another site than Keygate's 127.0.0.1). */
async function startPlatform(keygateUrl: () => string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      req.url?.startsWith("/settings")
        ? settingsPage(keygateUrl())
        : "<!doctype html><title>ShipFast</title>",
    );
  });
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { server, origin: `http://localhost:${(server.address() as AddressInfo).port}` };
}

async function call<T>(
  keygateUrl: string,
  rootKey: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${keygateUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${rootKey}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

describeInBrowser("the key portal embedded in a platform's settings page", () => {
  let keygate: InProcessKeygate;
  let platform: { server: Server; origin: string };
  let elsewhere: { server: Server; origin: string };
  let owner: ApiSession;
  let operatorKey: string;
  let tenant: { id: string; externalId: string };

  const portalLink = () =>
    call<{ url: string; expiresAt: string }>(keygate.url, operatorKey, "POST", "/v1/portal/sessions", {
      workspace: tenant.externalId,
      user: PORTAL_USER,
      role: "admin",
      returnUrl: `${platform.origin}/settings`,
      features: ["keys", "usage", "audit"],
    });

  beforeAll(async () => {
    platform = await startPlatform(() => keygate.url);
    elsewhere = await startPlatform(() => keygate.url);
    keygate = await startInProcessKeygate({ env: { KEYGATE_EMBED_ORIGINS: platform.origin } });
    owner = await signIn(keygate, OWNER);
    const root = await owner.client.POST("/v1/root-keys", {
      body: {
        name: "ShipFast billing and settings",
        // A root key minted for a tenant holds no more than the operator key that mints it.
        permissions: ["workspaces:read", "workspaces:write", "keys:verify:any", "portal:write", "audit:read"],
      },
    });
    if (!root.data) throw new Error(`no operator root key: ${JSON.stringify(root.error)}`);
    operatorKey = root.data.key;
    tenant = await call(keygate.url, operatorKey, "POST", "/v1/workspaces", {
      name: "Acme Logistics",
      externalId: "cus_acme",
      plan: "pro",
    });
    const branded = await fetch(`${keygate.url}/v1/workspace`, {
      method: "PATCH",
      headers: {
        cookie: `${owner.cookie.name}=${owner.cookie.value}`,
        "x-csrf-token": owner.csrfToken,
        "content-type": "application/json",
      },
      body: JSON.stringify({ branding: { productName: "ShipFast", accentColor: "#0f766e" } }),
    });
    expect(branded.status).toBe(200);
  }, SEED_TIMEOUT_MS);

  afterAll(async () => {
    await keygate?.dispose();
    platform?.server.close();
    elsewhere?.server.close();
  });

  it("creates and copies a key inside the frame; the operator verifies it and the audit names the portal user", async () => {
    const { url } = await portalLink();
    const tab = await openTab({ url: platform.origin });
    await tab.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: keygate.url });
    const { page } = tab;
    await page.goto(`${platform.origin}/settings/api-keys?portal=${encodeURIComponent(url)}`);
    const frame = page.frameLocator("#api-keys iframe");
    await frame.getByRole("heading", { name: "API Keys", level: 1 }).waitFor();
    expect(await frame.locator("body").textContent()).toContain("ShipFast");

    await frame.getByRole("button", { name: "Create API Key" }).first().click();
    const form = frame.getByRole("dialog", { name: "Create API Key" });
    await form.getByLabel("Key name").fill("warehouse-scanner");
    await form.getByRole("button", { name: "Create API Key" }).click();
    const secret = frame.getByRole("dialog", { name: "Copy your API key" });
    await secret.waitFor();
    const shown = (await secret.locator("code").textContent()) ?? "";
    expect(shown).toMatch(TOKEN);
    await secret.getByRole("button", { name: "Copy" }).click();
    await secret.getByRole("button", { name: "Copied" }).waitFor();
    // The frame may only write the clipboard (allow="clipboard-write"); the platform's page reads it.
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    await screenshot(page, "portal-embedded-secret-once");
    await secret.getByRole("button", { name: "Done" }).click();
    await frame.getByRole("row", { name: /warehouse-scanner/ }).waitFor();

    // The frame grew to its content through /embed.js (postMessage from Keygate's origin only).
    const height = await page.locator("#api-keys iframe").evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeGreaterThan(400);
    await screenshot(page, "portal-embedded-keys");

    const verified = await call<Record<string, unknown>>(
      keygate.url,
      operatorKey,
      "POST",
      "/v1/keys/verify",
      {
        key: shown,
      },
    );
    expect(verified).toMatchObject({
      valid: true,
      code: "VALID",
      name: "warehouse-scanner",
      workspaceId: tenant.id,
      workspace: { id: tenant.id, externalId: "cus_acme", plan: "pro" },
    });

    const tenantKey = await call<{ key: string }>(
      keygate.url,
      operatorKey,
      "POST",
      `/v1/workspaces/${tenant.id}/root-keys`,
      {
        name: "audit reader",
        permissions: ["audit:read"],
      },
    );
    const events = await call<{ data: Array<{ action: string; actor: unknown; target: unknown }> }>(
      keygate.url,
      tenantKey.key,
      "GET",
      "/v1/audit-events?action=key.created",
    );
    expect(events.data.map((event) => event.actor)).toEqual([
      { type: "portal", id: "portal:u_ada", label: "ada@acme.test" },
    ]);
    await tab.close();
  });

  it("refuses a portal link opened a second time, and one opened after 60 seconds", async () => {
    const browser = await sharedBrowser();
    const first = await portalLink();
    const context = await browser.newContext();
    const page = await context.newPage();
    const opened = await page.goto(first.url);
    expect(opened?.status()).toBe(200);
    await page.getByRole("heading", { name: "API Keys", level: 1 }).waitFor();

    const again = await context.newPage();
    const refused = await again.goto(first.url);
    expect(refused?.status()).toBe(410);
    expect(await again.locator("body").textContent()).toMatch(/expired or was already used/);

    const late = await portalLink();
    keygate.clock.advance(61_000);
    const tooLate = await again.goto(late.url);
    expect(tooLate?.status()).toBe(410);
    await context.close();
  });

  it("does not render inside a frame on an origin KEYGATE_EMBED_ORIGINS does not list", async () => {
    const browser = await sharedBrowser();
    const context = await browser.newContext();
    const page = await context.newPage();
    const refusals: string[] = [];
    page.on("console", (message) => {
      if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
    });
    const { url } = await portalLink();
    await page.goto(`${elsewhere.origin}/settings/api-keys?portal=${encodeURIComponent(url)}`);
    await expect.poll(() => refusals.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const portalFrame = page.frames().find((f) => f.url().startsWith(`${keygate.url}/portal`));
    expect(portalFrame).toBeUndefined();
    expect(await page.frameLocator("#api-keys iframe").getByRole("heading").count()).toBe(0);
    await context.close();
  });
});
