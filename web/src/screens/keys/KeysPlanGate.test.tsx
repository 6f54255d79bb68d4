/**
 * The keys screens on a plan without API Access, against a real Keygate (platform mode): a tenant
 * the platform moved down to Free keeps its keys, which still verify, and its people see them
 * with the banner that existing keys keep working and new keys need an upgrade, and no Create API
 * Key; a tenant on Free with no keys sees Upgrade required. The person is a real member of each
 * tenant, invited by a root key of the tenant that the operator minted.
 */
import { screen, within } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveKeygate, startLiveKeygate } from "../../../test/live-keygate";
import { renderRoutes } from "../../../test/render";
import { api, setCsrfToken, unwrap } from "../../api/client";
import type { CreatedKey } from "../../api/types";
import { RequireSession } from "../../app/session";
import { KeyDetailScreen } from "./KeyDetailScreen";
import { KeysScreen } from "./KeysScreen";

const SERVER = { timeout: 5000 };
const MEMBER = { email: "tenant-admin@example.com", name: "Tess Admin", password: "tenant admin password 1" };

let keygate: LiveKeygate;
let tenantRoot: string;
const keys: CreatedKey[] = [];
const invitations: string[] = [];

async function operator<T>(path: string, method = "GET", body?: unknown): Promise<T> {
  const response = await keygate.request(path, { method, ...(body === undefined ? {} : { body }) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json().catch(() => undefined)) as T;
}

async function asRoot<T>(root: string, path: string, body: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${keygate.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${root}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** A tenant with a root key of its own, and an invitation of MEMBER as its admin. */
async function tenantWithInvitation(name: string, externalId: string): Promise<{ id: string; root: string }> {
  const tenant = await operator<{ id: string }>("/v1/workspaces", "POST", { name, externalId, plan: "pro" });
  const { key: root } = await operator<{ key: string }>(`/v1/workspaces/${tenant.id}/root-keys`, "POST", {
    name: "setup",
    permissions: ["keys:write", "keys:verify", "members:write"],
  });
  const invitation = await asRoot<{ url: string }>(root, "/v1/invitations", {
    email: MEMBER.email,
    role: "admin",
  });
  if (invitation.status !== 201) throw new Error(`invitation: ${JSON.stringify(invitation.body)}`);
  invitations.push(new URL(invitation.body.url).searchParams.get("token") ?? "");
  return { id: tenant.id, root };
}

/** Accepts an invitation through the dashboard's client, so its session is the one the screens use. */
async function acceptAs(token: string, first: boolean): Promise<void> {
  const signedIn = await unwrap(
    api.POST("/v1/invitations/accept", {
      body: first
        ? { token, name: MEMBER.name, password: MEMBER.password }
        : { token, password: MEMBER.password },
    }),
  );
  setCsrfToken(signedIn.csrfToken);
}

beforeAll(async () => {
  keygate = await startLiveKeygate();
  keygate.connect();
  await keygate.signIn();
  const acme = await tenantWithInvitation("Acme", "cus_acme");
  tenantRoot = acme.root;
  for (const name of ["acme-prod", "acme-crm"]) {
    const created = await asRoot<CreatedKey>(acme.root, "/v1/keys", { name });
    if (created.status !== 201) throw new Error(`key: ${JSON.stringify(created.body)}`);
    keys.push(created.body);
  }
  const empty = await tenantWithInvitation("Lapsed Ltd", "cus_lapsed");
  // The platform's billing moves both down to a plan without API Access.
  await operator(`/v1/workspaces/${acme.id}`, "PATCH", { plan: "free" });
  await operator(`/v1/workspaces/${empty.id}`, "PATCH", { plan: "free" });
  await acceptAs(invitations[0] ?? "", true);
}, 120_000);

afterAll(async () => {
  await keygate?.stop();
});

function renderKeys(at: string) {
  return renderRoutes(
    [
      {
        path: "/settings/api-access",
        element: (
          <RequireSession>
            <KeysScreen />
          </RequireSession>
        ),
      },
      {
        path: "/keys/:keyId",
        element: (
          <RequireSession>
            <KeyDetailScreen />
          </RequireSession>
        ),
      },
    ],
    at,
  );
}

const BANNER =
  "The Free plan of Acme does not include API Access. Existing keys keep working; new keys need an upgrade.";

describe("Keys on a plan without API Access", () => {
  it("still verify, and are listed under the banner with no Create API Key", async () => {
    const verified = await asRoot<{ valid: boolean; code: string }>(tenantRoot, "/v1/keys/verify", {
      key: keys[0]?.key,
    });
    expect(verified.body).toMatchObject({ valid: true, code: "VALID" });

    renderKeys("/settings/api-access");
    await screen.findByText(BANNER, {}, SERVER);
    const banner = screen.getByRole("status");
    expect(banner).toHaveTextContent(BANNER);
    expect(banner).toHaveTextContent(
      "You can still see, disable, rotate and revoke the keys below. Ask an owner of Acme to upgrade the plan to create keys again.",
    );
    const table = await screen.findByRole("table", { name: "API keys" }, SERVER);
    expect(
      within(table)
        .getAllByRole("rowheader")
        .map((header) => header.querySelector("a")?.textContent),
    ).toEqual(["acme-crm", "acme-prod"]);
    expect(screen.queryByRole("button", { name: "Create API Key" })).toBeNull();
    expect(screen.queryByRole("heading", { name: "Upgrade required" })).toBeNull();
  });

  it("shows a key's detail under the same banner", async () => {
    renderKeys(`/keys/${keys[0]?.id}`);
    expect(await screen.findByRole("heading", { level: 1, name: "acme-prod" }, SERVER)).toBeInTheDocument();
    expect(screen.getByText(BANNER)).toBeInTheDocument();
  });

  it("shows Upgrade required to a workspace on that plan with no keys", async () => {
    await acceptAs(invitations[1] ?? "", false);
    renderKeys("/settings/api-access");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Upgrade required" }, SERVER),
    ).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("The Free plan of Lapsed Ltd does not include it.");
    expect(screen.queryByRole("button", { name: "Create API Key" })).toBeNull();
  });
});
