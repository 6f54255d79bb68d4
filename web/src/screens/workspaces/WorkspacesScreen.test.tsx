/**
 * The Workspaces screen (platform mode) against a real Keygate, signed in as the operator's
 * owner: the tenants the API made, listed with their columns; search and the plan and status
 * filters; New workspace (its checks, a taken External ID next to its field, a real creation);
 * Suspend (what it says, then the server's tenant is suspended) and Resume; a plan change to a
 * plan without API Access (what it says about existing keys, then the server's plan); a tenant's
 * branding override (checked, saved, cleared).
 */
import { screen, waitFor, within } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveKeygate, startLiveKeygate } from "../../../test/live-keygate";
import { renderRoutes } from "../../../test/render";
import { RequireSession } from "../../app/session";
import type { Tenant } from "./use-tenants";
import { WorkspacesScreen } from "./WorkspacesScreen";

/** A change goes to the real server and back (and a search waits for typing to stop). */
const SERVER = { timeout: 5000 };

let keygate: LiveKeygate;
let acme: Tenant;
let globex: Tenant;

async function api<T>(
  path: string,
  init?: { method?: string; body?: unknown },
): Promise<{ status: number; body: T }> {
  const response = await keygate.request(path, init);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function tenantNamed(name: string): Promise<Tenant> {
  const { body } = await api<{ data: Tenant[] }>(`/v1/workspaces?search=${encodeURIComponent(name)}`);
  const tenant = body.data.find((candidate) => candidate.name === name);
  if (!tenant) throw new Error(`no tenant ${name}`);
  return tenant;
}

beforeAll(async () => {
  keygate = await startLiveKeygate();
  keygate.connect();
  await keygate.signIn();
  const created = await api<Tenant>("/v1/workspaces", {
    method: "POST",
    body: { name: "Acme Inc.", externalId: "cus_acme", plan: "pro" },
  });
  if (created.status !== 201) throw new Error(`tenant not created: ${JSON.stringify(created.body)}`);
  acme = created.body;
  globex = (
    await api<Tenant>("/v1/workspaces", {
      method: "POST",
      body: { name: "Globex", externalId: "cus_globex", plan: "enterprise" },
    })
  ).body;
  // Two keys of Acme, made with a root key of Acme (the operator mints it).
  const root = await api<{ key: string }>(`/v1/workspaces/${acme.id}/root-keys`, {
    method: "POST",
    body: { name: "acme-setup", permissions: ["keys:write"] },
  });
  for (const name of ["acme-prod", "acme-staging"]) {
    const key = await fetch(`${keygate.url}/v1/keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${root.body.key}`, "content-type": "application/json" },
      body: JSON.stringify({ name }),
    });
    if (key.status !== 201) throw new Error(`key not created: ${await key.text()}`);
  }
}, 120_000);

afterAll(async () => {
  await keygate?.stop();
});

function renderScreen(at = "/workspaces") {
  return renderRoutes(
    [
      {
        path: "/workspaces",
        element: (
          <RequireSession>
            <WorkspacesScreen />
          </RequireSession>
        ),
      },
    ],
    at,
  );
}

function rowOf(name: string): HTMLElement {
  const header = screen.getByRole("rowheader", { name: new RegExp(`^${name}`) });
  const row = header.closest("tr");
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

async function openAction(user: ReturnType<typeof renderScreen>["user"], tenant: string, action: string) {
  await user.click(await screen.findByRole("button", { name: `Actions for ${tenant}` }));
  await user.click(await screen.findByRole("menuitem", { name: action }));
}

describe("WorkspacesScreen", () => {
  it("lists the tenants newest first with External ID, plan, key count, last verification and status", async () => {
    renderScreen();
    expect(await screen.findByRole("heading", { level: 1, name: "Workspaces" })).toBeInTheDocument();
    const table = await screen.findByRole("table", { name: "Workspaces of your customers" });
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((header) => header.textContent);
    expect(headers).toEqual([
      "Name",
      "External ID",
      "Plan",
      "Keys",
      "Last verification",
      "Status",
      "Actions",
    ]);
    const names = within(table)
      .getAllByRole("rowheader")
      .map((header) => header.querySelector("span")?.textContent);
    expect(names).toEqual(["Globex", "Acme Inc."]);
    const cells = within(rowOf("Acme Inc."))
      .getAllByRole("cell")
      .map((cell) => cell.textContent);
    expect(cells).toEqual(["cus_acme", "Pro", "2", "Never", "Active", ""]);
    expect(screen.getByText("Showing 2 workspaces (all)")).toBeInTheDocument();
  });

  it("searches by name or External ID and filters by plan and status, keeping them in the URL", async () => {
    const { user, router } = renderScreen();
    await screen.findByRole("table");
    await user.type(screen.getByLabelText("Search workspaces"), "GLOB");
    await waitFor(() => expect(screen.queryByRole("rowheader", { name: /^Acme/ })).toBeNull(), SERVER);
    expect(screen.getByRole("rowheader", { name: /^Globex/ })).toBeInTheDocument();
    expect(router.state.location.search).toBe("?search=GLOB");
    await user.clear(screen.getByLabelText("Search workspaces"));
    await user.type(screen.getByLabelText("Search workspaces"), "cus_ac");
    expect(await screen.findByRole("rowheader", { name: /^Acme/ }, SERVER)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("rowheader", { name: /^Globex/ })).toBeNull(), SERVER);
    await user.clear(screen.getByLabelText("Search workspaces"));

    await user.selectOptions(screen.getByLabelText("Plan"), "Enterprise");
    await waitFor(() => expect(screen.queryByRole("rowheader", { name: /^Acme/ })).toBeNull(), SERVER);
    expect(router.state.location.search).toBe("?plan=enterprise");
    await user.selectOptions(screen.getByLabelText("Status"), "Suspended");
    expect(await screen.findByRole("heading", { name: "No workspaces match" }, SERVER)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Clear search and filters" }));
    expect(await screen.findByRole("rowheader", { name: /^Acme/ }, SERVER)).toBeInTheDocument();
    expect(router.state.location.search).toBe("");
  });

  it("creates a workspace after checking the form, and shows a taken External ID by its field", async () => {
    const { user } = renderScreen();
    await user.click(await screen.findByRole("button", { name: "New workspace" }));
    const dialog = await screen.findByRole("dialog", { name: "New workspace" });
    await user.type(within(dialog).getByLabelText("External ID"), "has space");
    await user.type(within(dialog).getByLabelText(/^Key prefix/), "Bad-Prefix");
    await user.click(within(dialog).getByRole("button", { name: "Create workspace" }));
    expect(within(dialog).getByLabelText("Name")).toHaveAccessibleDescription(
      "The customer's name, as your team knows it. Enter the customer's name, such as Acme Inc.",
    );
    expect(within(dialog).getByLabelText("External ID")).toHaveAttribute("aria-invalid", "true");
    expect(
      within(dialog).getByText("Use at most 200 letters, digits and . _ : @ - (no spaces)"),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText("2-16 lowercase letters or digits, with at most one _ inside"),
    ).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText("Name"), "Initech");
    await user.clear(within(dialog).getByLabelText("External ID"));
    await user.type(within(dialog).getByLabelText("External ID"), "cus_acme");
    await user.clear(within(dialog).getByLabelText(/^Key prefix/));
    await user.click(within(dialog).getByRole("button", { name: "Create workspace" }));
    expect(
      await within(dialog).findByText("Another workspace already has this External ID", {}, SERVER),
    ).toBeInTheDocument();

    await user.clear(within(dialog).getByLabelText("External ID"));
    await user.type(within(dialog).getByLabelText("External ID"), "cus_initech");
    await user.selectOptions(within(dialog).getByLabelText("Plan"), "Free");
    await user.type(within(dialog).getByLabelText(/^Key prefix/), "init");
    await user.click(within(dialog).getByRole("button", { name: "Create workspace" }));
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "New workspace" })).toBeNull(), SERVER);
    expect(await screen.findByRole("rowheader", { name: /^Initech/ }, SERVER)).toBeInTheDocument();
    const initech = await tenantNamed("Initech");
    expect(initech).toMatchObject({
      externalId: "cus_initech",
      plan: "free",
      keyPrefix: "init",
      keyCount: 0,
    });
  });

  it("suspends after saying the keys stop verifying at once, and resumes", async () => {
    const { user } = renderScreen();
    await screen.findByRole("rowheader", { name: /^Acme/ }, SERVER);
    await openAction(user, "Acme Inc.", "Suspend");
    const dialog = await screen.findByRole("dialog", { name: "Suspend Acme Inc.?" });
    expect(dialog).toHaveTextContent(
      "Its keys stop verifying at once: every key of Acme Inc. is refused with WORKSPACE_SUSPENDED from its next request, until you resume it.",
    );
    await user.click(within(dialog).getByRole("button", { name: "Suspend workspace" }));
    await waitFor(
      () => expect(within(rowOf("Acme Inc.")).getByText("Suspended")).toBeInTheDocument(),
      SERVER,
    );
    expect((await api<Tenant>(`/v1/workspaces/${acme.id}`)).body.suspended).toBe(true);

    await openAction(user, "Acme Inc.", "Resume");
    const resume = await screen.findByRole("dialog", { name: "Resume Acme Inc.?" });
    await user.click(within(resume).getByRole("button", { name: "Resume workspace" }));
    await waitFor(() => expect(within(rowOf("Acme Inc.")).getByText("Active")).toBeInTheDocument(), SERVER);
    expect((await api<Tenant>(`/v1/workspaces/${acme.id}`)).body.suspended).toBe(false);
  });

  it("changes the plan, saying that a plan without API Access keeps existing keys working", async () => {
    const { user } = renderScreen();
    await screen.findByRole("rowheader", { name: /^Acme/ }, SERVER);
    await openAction(user, "Acme Inc.", "Change plan");
    const dialog = await screen.findByRole("dialog", { name: "Change the plan of Acme Inc." });
    expect(within(dialog).getByRole("button", { name: "Change plan" })).toBeDisabled();
    await user.selectOptions(await within(dialog).findByLabelText("New plan"), "Free");
    expect(within(dialog).getByRole("status")).toHaveTextContent(
      "The Free plan does not include API Access. Existing keys keep working (Acme Inc. has 2 keys); no new keys can be made until Acme Inc. moves to a plan with API Access.",
    );
    await user.click(within(dialog).getByRole("button", { name: "Change plan" }));
    await waitFor(() => expect(within(rowOf("Acme Inc.")).getByText("Free")).toBeInTheDocument(), SERVER);
    expect((await api<Tenant>(`/v1/workspaces/${acme.id}`)).body.plan).toBe("free");
    expect((await api<Tenant>(`/v1/workspaces/${globex.id}`)).body.plan).toBe("enterprise");
  });

  it("opens a tenant as admin after saying it is audited, and the opening is in the audit log", async () => {
    // jsdom opens no tabs: the dialog then gives the one-time link to open by hand.
    const { user } = renderScreen();
    await screen.findByRole("rowheader", { name: /^Acme/ }, SERVER);
    await openAction(user, "Acme Inc.", "Open as admin");
    const dialog = await screen.findByRole("dialog", { name: "Open Acme Inc.?" });
    expect(dialog).toHaveTextContent(
      "This is audited: opening is recorded in the audit log of Acme Inc. and in yours.",
    );
    await user.click(within(dialog).getByRole("button", { name: "Open in a new tab" }));
    const link = await screen.findByRole("link", { name: "Open Acme Inc." }, SERVER);
    expect(link.getAttribute("href")).toMatch(new RegExp(`^${keygate.url}/portal/start\\?token=[\\w-]+$`));
    expect(link).toHaveAttribute("target", "_blank");
    expect(link).toHaveAttribute("rel", "noopener noreferrer");
    const audit = await api<{ data: Array<{ action: string }> }>("/v1/audit-events?action=workspace.opened");
    expect(audit.body.data.map((event) => event.action)).toEqual(["workspace.opened"]);
  });

  it("mints a root key of the tenant, offering none of the operator's permissions, shown once", async () => {
    const { user } = renderScreen();
    await screen.findByRole("rowheader", { name: /^Acme/ }, SERVER);
    await openAction(user, "Acme Inc.", "Create root key");
    const dialog = await screen.findByRole("dialog", { name: "Create a root key for Acme Inc." });
    for (const permission of ["workspaces:read", "workspaces:write", "keys:verify:any", "portal:write"]) {
      expect(within(dialog).queryByRole("checkbox", { name: permission })).toBeNull();
    }
    await user.type(within(dialog).getByLabelText("Name"), "acme-ci");
    await user.click(within(dialog).getByRole("checkbox", { name: "keys:read" }));
    await user.click(within(dialog).getByRole("button", { name: "Create root key" }));
    const secret = await screen.findByRole("dialog", { name: "Copy your API key" }, SERVER);
    const value =
      within(secret).getByRole("group", { name: "API key" }).querySelector("code")?.textContent ?? "";
    const listed = await fetch(`${keygate.url}/v1/keys`, { headers: { authorization: `Bearer ${value}` } });
    expect(listed.status).toBe(200);
    const names = ((await listed.json()) as { data: Array<{ name: string }> }).data.map((key) => key.name);
    expect(names).toEqual(["acme-staging", "acme-prod"]);
  });

  it("edits a tenant's branding: checks the fields, saves the override, and an emptied field clears it", async () => {
    const { user } = renderScreen();
    await screen.findByRole("rowheader", { name: /^Globex/ }, SERVER);
    await openAction(user, "Globex", "Edit branding");
    const dialog = await screen.findByRole("dialog", { name: "Branding of Globex" });
    const product = within(dialog).getByRole("textbox", { name: /^Product name/ });
    const logo = within(dialog).getByRole("textbox", { name: /^Logo URL/ });
    await user.type(product, "Globex Keys");
    await user.type(logo, "http://globex.example/logo.png");
    await user.click(within(dialog).getByRole("button", { name: "Save branding" }));
    expect(logo).toHaveAttribute("aria-invalid", "true");
    expect(within(dialog).getByText("Must be an https URL")).toBeInTheDocument();
    expect((await api<Tenant>(`/v1/workspaces/${globex.id}`)).body.branding).toEqual({
      productName: null,
      logoUrl: null,
      accentColor: null,
    });

    await user.clear(logo);
    await user.click(within(dialog).getByRole("button", { name: "Save branding" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument(), SERVER);
    expect((await api<Tenant>(`/v1/workspaces/${globex.id}`)).body.branding).toEqual({
      productName: "Globex Keys",
      logoUrl: null,
      accentColor: null,
    });

    await openAction(user, "Globex", "Edit branding");
    const again = await screen.findByRole("dialog", { name: "Branding of Globex" });
    const productAgain = within(again).getByRole("textbox", { name: /^Product name/ });
    expect(productAgain).toHaveValue("Globex Keys");
    await user.clear(productAgain);
    await user.click(within(again).getByRole("button", { name: "Save branding" }));
    await waitFor(
      async () =>
        expect((await api<Tenant>(`/v1/workspaces/${globex.id}`)).body.branding.productName).toBeNull(),
      SERVER,
    );
  });

  it("deletes only after the name is typed", async () => {
    const { user } = renderScreen();
    await screen.findByRole("rowheader", { name: /^Globex/ }, SERVER);
    await openAction(user, "Globex", "Delete");
    const dialog = await screen.findByRole("dialog", { name: "Delete Globex?" });
    const confirm = within(dialog).getByRole("button", { name: "Delete workspace" });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText("Type Globex to confirm"), "Globe");
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText("Type Globex to confirm"), "x");
    await user.click(confirm);
    await waitFor(() => expect(screen.queryByRole("rowheader", { name: /^Globex/ })).toBeNull(), SERVER);
    expect((await api(`/v1/workspaces/${globex.id}`)).status).toBe(404);
  });
});
