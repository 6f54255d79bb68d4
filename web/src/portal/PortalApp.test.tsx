/**
 * The key portal against a real Keygate: the operator's root key makes a tenant and a portal link,
 * the link is opened (the portal cookie), and PortalApp renders the dashboard's own key screens in
 * the platform's branding with only the features the link asked for; a session that ends shows
 * the ended screen, never Keygate's sign-in.
 */
import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, type RouteObject } from "react-router";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type LiveKeygate, startLiveKeygate } from "../../test/live-keygate";
import {
  createTenant,
  type OpenPortal,
  openPortal,
  operatorRootKey,
  type PortalLinkRequest,
  type Tenant,
} from "../../test/live-portal";
import { testQueryClient } from "../../test/render";
import { api, setCsrfToken, setPortalMode, unwrap } from "../api/client";
import { applyAccentColor } from "../ui/accent";
import { setTitleProduct } from "../ui/document-title";
import { PortalApp } from "./PortalApp";
import { fetchPortalSession, sessionOfPortal } from "./portal-session";

const RETURN_URL = "https://shipfast.test/settings/api-keys";
const ADA = { externalId: "u_ada", email: "ada@acme.test", name: "Ada Lovelace" };

let keygate: LiveKeygate;
let rootKey: string;
let tenant: Tenant;
let portal: OpenPortal | undefined;

beforeAll(async () => {
  keygate = await startLiveKeygate({ env: { KEYGATE_EMBED_ORIGINS: "https://shipfast.test" } });
  keygate.connect();
  await keygate.signIn();
  rootKey = await operatorRootKey(keygate);
  // From here on the client holds no dashboard session: only the portal's cookie.
  keygate.forgetSession();
  tenant = await createTenant(keygate, rootKey, {
    name: "Acme Logistics",
    externalId: "cus_acme",
    plan: "pro",
    branding: { productName: "ShipFast", accentColor: "#0f766e" },
  });
  setPortalMode(true);
});

afterEach(() => {
  portal?.disconnect();
  portal = undefined;
  applyAccentColor(null);
  setTitleProduct("Keygate");
  sessionStorage.clear();
});

afterAll(async () => {
  setPortalMode(false);
  await keygate?.stop();
});

async function openAs(
  link: Omit<PortalLinkRequest, "workspace" | "user"> & { user?: PortalLinkRequest["user"] },
) {
  portal = await openPortal(keygate, rootKey, { workspace: tenant.externalId, user: ADA, ...link });
  portal.connect();
  return portal;
}

async function updateTenantBranding(branding: Record<string, string | null>) {
  const response = await fetch(`${keygate.url}/v1/workspaces/${tenant.id}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${rootKey}`, "content-type": "application/json" },
    body: JSON.stringify({ branding }),
  });
  expect(response.status).toBe(200);
}

function renderPortal(at = "/") {
  const createRouter = (routes: RouteObject[]) => createMemoryRouter(routes, { initialEntries: [at] });
  const view = render(
    <QueryClientProvider client={testQueryClient()}>
      <PortalApp createRouter={createRouter} />
    </QueryClientProvider>,
  );
  return { ...view, user: userEvent.setup() };
}

describe("the portal session as the dashboard's Session", () => {
  it("takes the abilities from the session's permissions and keeps who, where and the branding", async () => {
    await openAs({ role: "viewer", features: ["keys"], returnUrl: RETURN_URL });
    const answer = await fetchPortalSession();
    const session = sessionOfPortal(answer);
    expect(session.user).toEqual({ id: "portal:u_ada", email: "ada@acme.test", name: "Ada Lovelace" });
    expect(session.workspace.id).toBe(tenant.id);
    expect(session.role).toBe("viewer");
    expect(session.abilities.can("keys:read")).toBe(true);
    expect(session.abilities.can("keys:write")).toBe(false);
    expect(session.abilities.can("audit:read")).toBe(false);
    expect(session.abilities.can("members:read")).toBe(false);
    expect(session.abilities.can("root_keys:read")).toBe(false);
    expect(session.abilities.canIssue("development")).toBe(false);
    expect(session.abilities.canSeeUsage).toBe(false);
    expect(session.portal).toEqual({
      branding: { productName: "ShipFast", logoUrl: null, accentColor: "#0f766e" },
      features: ["keys"],
      returnUrl: RETURN_URL,
      embedOrigins: ["https://shipfast.test"],
      expiresAt: answer.expiresAt,
    });
  });

  it("lets an admin with keys and usage create keys and see usage", async () => {
    await openAs({ role: "admin", features: ["keys", "usage"] });
    const { abilities } = sessionOfPortal(await fetchPortalSession());
    expect(abilities.can("keys:write")).toBe(true);
    expect(abilities.canIssue("production")).toBe(true);
    expect(abilities.canManageKeys).toBe(true);
    expect(abilities.canSeeUsage).toBe(true);
    expect(abilities.can("apps:write")).toBe(false);
  });
});

describe("PortalApp", () => {
  it("opens on the keys screen in the platform's branding, with only the features asked for", async () => {
    await openAs({ role: "admin", features: ["keys", "audit"], returnUrl: RETURN_URL });
    renderPortal("/");

    expect(await screen.findByRole("heading", { name: "API Keys", level: 1 })).toBeInTheDocument();
    const header = screen.getByRole("banner");
    expect(within(header).getByText("ShipFast")).toBeInTheDocument();
    expect(within(header).getByText("Acme Logistics")).toBeInTheDocument();
    expect(within(header).getByText("Ada Lovelace")).toBeInTheDocument();
    expect(within(header).getByText(/ada@acme\.test/)).toBeInTheDocument();
    expect(within(header).getByRole("link", { name: "Back to ShipFast" })).toHaveAttribute(
      "href",
      RETURN_URL,
    );

    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(
      within(nav)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual(["API Access", "Audit log"]);
    expect(within(nav).getByRole("link", { name: "API Access" })).toHaveAttribute(
      "href",
      "/settings/api-access",
    );
    for (const name of [/apps/i, /connected apis/i, /settings/i, /members/i, /root keys/i, /sign out/i]) {
      expect(screen.queryByRole("link", { name })).not.toBeInTheDocument();
      expect(screen.queryByRole("button", { name })).not.toBeInTheDocument();
    }
    expect(screen.queryByRole("combobox", { name: /workspace/i })).not.toBeInTheDocument();

    expect(document.documentElement.style.getPropertyValue("--color-brand-600")).toBe("#0f766e");
    expect(document.title).toBe("API Keys · ShipFast");
    expect(screen.getAllByRole("button", { name: "Create API Key" }).length).toBeGreaterThan(0);
  });

  it("shows the platform's logo, named by its product, when the branding has one", async () => {
    const logoUrl = "https://shipfast.test/logo.svg";
    await updateTenantBranding({ logoUrl });
    try {
      await openAs({ role: "admin", features: ["keys"] });
      renderPortal("/");
      const logo = await screen.findByRole("img", { name: "ShipFast" });
      expect(logo).toHaveAttribute("src", logoUrl);
      expect(within(screen.getByRole("banner")).queryByText("ShipFast")).not.toBeInTheDocument();
    } finally {
      await updateTenantBranding({ logoUrl: null });
    }
  });

  it("creates a key through the portal's cookie and CSRF token", async () => {
    await openAs({ role: "admin", features: ["keys"] });
    const { user } = renderPortal("/settings/api-access");
    await user.click((await screen.findAllByRole("button", { name: "Create API Key" }))[0] as HTMLElement);
    const form = await screen.findByRole("dialog", { name: "Create API Key" }, { timeout: 10_000 });
    await user.type(within(form).getByLabelText("Key name"), "warehouse-scanner");
    await user.click(within(form).getByRole("button", { name: "Create API Key" }));
    const secret = await screen.findByRole("dialog", { name: "Copy your API key" }, { timeout: 10_000 });
    expect(within(secret).getByText(/^kg_[0-9A-Za-z]{38}$/)).toBeInTheDocument();
    const keys = await unwrap(api.GET("/v1/keys", { params: { query: { search: "warehouse-scanner" } } }));
    expect(keys.data.map((key) => key.name)).toEqual(["warehouse-scanner"]);
  });

  it("lists a downgraded tenant's keys and sends the upgrade to the platform's product", async () => {
    const lapsed = await createTenant(keygate, rootKey, {
      name: "Lapsed Freight",
      externalId: "cus_lapsed",
      plan: "pro",
      branding: { productName: "ShipFast" },
    });
    portal = await openPortal(keygate, rootKey, { workspace: lapsed.id, user: ADA, role: "admin" });
    portal.connect();
    setCsrfToken((await unwrap(api.GET("/v1/portal/session"))).csrfToken);
    await unwrap(api.POST("/v1/keys", { body: { name: "legacy-scanner" } }));
    setCsrfToken(undefined);
    const downgraded = await fetch(`${keygate.url}/v1/workspaces/${lapsed.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${rootKey}`, "content-type": "application/json" },
      body: JSON.stringify({ plan: "free" }),
    });
    expect(downgraded.status).toBe(200);
    renderPortal("/settings/api-access");
    const headline = await screen.findByText(/Existing keys keep working/, undefined, { timeout: 15_000 });
    expect(headline.closest('[role="status"]')?.textContent).toContain(
      "Plans are managed in ShipFast: upgrade the plan of Lapsed Freight there to create keys again.",
    );
    expect(await screen.findByText("legacy-scanner")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Create API Key" })).not.toBeInTheDocument();
  });

  it("shows a key's usage chart only with the usage feature", async () => {
    await openAs({ role: "admin", features: ["keys"] });
    await fetchPortalSession(); // its CSRF token, for the change below
    const created = await unwrap(
      api.POST("/v1/keys", { body: { name: "usage-check", environment: "development" } }),
    );
    const first = renderPortal(`/keys/${created.id}`);
    expect(await screen.findByRole("heading", { name: "usage-check", level: 1 })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Details" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Usage" })).not.toBeInTheDocument();
    // Without audit, no history either (the audit feature gates audit:read).
    expect(screen.queryByRole("heading", { name: "History" })).not.toBeInTheDocument();
    first.unmount();
    portal?.disconnect();

    await openAs({ role: "admin", features: ["keys", "usage"] });
    renderPortal(`/keys/${created.id}`);
    expect(await screen.findByRole("heading", { name: "Usage" })).toBeInTheDocument();
  });

  it("offers a viewer no key controls, and goes from / to the audit log when that is the only screen", async () => {
    await openAs({ role: "viewer", features: ["audit"] });
    renderPortal("/");
    expect(await screen.findByRole("heading", { name: "Audit log", level: 1 })).toBeInTheDocument();
    // One screen: no tabs at all.
    expect(screen.queryByRole("navigation", { name: "Main" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Create API Key" })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /back to/i })).not.toBeInTheDocument();
  });

  it("shows a screen of a feature not asked for as not found", async () => {
    await openAs({ role: "admin", features: ["keys"] });
    renderPortal("/audit");
    expect(await screen.findByRole("heading", { name: "Page not found", level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Audit log" })).not.toBeInTheDocument();
  });

  it("shows the ended screen, with the way back, once the session is ended mid-use", async () => {
    await openAs({ role: "admin", features: ["keys", "audit"], returnUrl: RETURN_URL });
    const { user } = renderPortal("/");
    await screen.findByRole("heading", { name: "API Keys", level: 1 });
    await unwrap(api.POST("/v1/portal/session/end"));

    await user.click(screen.getByRole("link", { name: "Audit log" }));
    expect(
      await screen.findByRole("heading", { name: "This session has ended", level: 1 }),
    ).toBeInTheDocument();
    expect(screen.getByText("Open the key settings again from ShipFast.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to ShipFast" })).toHaveAttribute("href", RETURN_URL);
    expect(screen.queryByRole("heading", { name: /sign in/i })).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/password/i)).not.toBeInTheDocument();
  });

  it("shows the ended screen on a first load without a portal session", async () => {
    renderPortal("/");
    expect(
      await screen.findByRole("heading", { name: "This session has ended", level: 1 }),
    ).toBeInTheDocument();
    expect(
      screen.getByText("Open the key settings again from the product you came from."),
    ).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /back to/i })).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/password/i)).not.toBeInTheDocument();
  });
});
