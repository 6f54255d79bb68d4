/**
 * Create API Key against a real Keygate: what it refuses before sending (name, limits, the
 * workspace's expiry policy), the scopes of the app's connected APIs, the server's refusal next to
 * its field, and the secret shown once after a real creation.
 */
import { screen, within } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LiveKeygate, startLiveKeygate } from "../../../test/live-keygate";
import { renderWithClient } from "../../../test/render";
import type { KeyList } from "../../api/types";
import { RequireSession } from "../../app/session";
import { CreateKeyDialog } from "./CreateKeyDialog";

let keygate: LiveKeygate;

beforeAll(async () => {
  keygate = await startLiveKeygate();
  keygate.connect();
}, 120_000);

afterAll(async () => {
  await keygate?.stop();
});

beforeEach(async () => {
  await keygate.signIn();
});

async function keyNames(): Promise<string[]> {
  const list = (await (await keygate.request("/v1/keys?limit=100")).json()) as KeyList;
  return list.data.map((key) => key.name);
}

function renderDialog(appId?: string) {
  const view = renderWithClient(
    <RequireSession>
      <CreateKeyDialog open onOpenChange={() => {}} {...(appId ? { appId } : {})} />
    </RequireSession>,
  );
  // Radix keeps pointer-events: none on the page for a moment while the previous test's dialog
  // goes; a person cannot click that fast, so the check only made a loaded machine fail.
  return { ...view, user: userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never }) };
}

/** The error text tied to a control through aria-describedby. */
function describedErrors(control: HTMLElement): string {
  const ids = control.getAttribute("aria-describedby")?.split(" ") ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" | ");
}

describe("CreateKeyDialog", () => {
  it("asks for a key name before sending anything, with seed 004's naming advice", async () => {
    const { user } = renderDialog();
    const dialog = await screen.findByRole("dialog", { name: "Create API Key" });
    const name = within(dialog).getByLabelText("Key name");
    expect(describedErrors(name)).toBe(
      "Name it for its purpose and environment, such as prod-main-app, staging-api or crm-integration. Avoid personal names and customer information.",
    );
    await user.click(within(dialog).getByRole("button", { name: "Create API Key" }));
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(describedErrors(name)).toContain("Must not be empty");
    expect(await keyNames()).toEqual([]);
    // Corrected, the field stops showing the last submit's error; the next submit checks again.
    await user.type(name, "prod-main-app");
    expect(name).not.toHaveAttribute("aria-invalid", "true");
    expect(describedErrors(name)).not.toContain("Must not be empty");
  });

  it("refuses an IP that is no CIDR and a rate limit that is no number, next to each field", async () => {
    const { user } = renderDialog();
    const dialog = await screen.findByRole("dialog", { name: "Create API Key" });
    await user.type(within(dialog).getByLabelText("Key name"), "iot-devices");
    await user.click(within(dialog).getByRole("button", { name: "Advanced" }));
    await user.type(within(dialog).getByLabelText(/^IP allowlist/), "203.0.113.0/24\nnot-an-ip");
    await user.type(within(dialog).getByLabelText(/^Rate limit \(requests\)/), "lots");
    await user.click(within(dialog).getByRole("button", { name: "Create API Key" }));
    const ips = within(dialog).getByLabelText(/^IP allowlist/);
    expect(ips).toHaveAttribute("aria-invalid", "true");
    expect(describedErrors(ips)).toContain(
      "not-an-ip is not an IPv4 or IPv6 address or CIDR (such as 203.0.113.0/24)",
    );
    expect(describedErrors(within(dialog).getByLabelText(/^Rate limit \(requests\)/))).toContain(
      "Enter a whole number of requests",
    );
    expect(await keyNames()).toEqual([]);
    // Fixing the allowlist clears its error only: the rate limit's stays until it is fixed too.
    await user.clear(ips);
    await user.type(ips, "203.0.113.0/24");
    expect(describedErrors(ips)).not.toContain("not-an-ip");
    expect(describedErrors(within(dialog).getByLabelText(/^Rate limit \(requests\)/))).toContain(
      "Enter a whole number of requests",
    );
  });

  it("requires an expiry date when the workspace's policy says so", async () => {
    await keygate.request("/v1/workspace", { method: "PATCH", body: { policy: { expiryRequired: true } } });
    try {
      const { user } = renderDialog();
      const dialog = await screen.findByRole("dialog", { name: "Create API Key" });
      const expiry = within(dialog).getByLabelText("Expiry date");
      expect(expiry).toBeRequired();
      expect(describedErrors(expiry)).toContain("Your workspace requires an expiry date.");
      await user.type(within(dialog).getByLabelText("Key name"), "crm-integration");
      await user.click(within(dialog).getByRole("button", { name: "Create API Key" }));
      expect(describedErrors(expiry)).toContain("The workspace requires an expiry date for every key");
      expect(await keyNames()).toEqual([]);
    } finally {
      await keygate.request("/v1/workspace", {
        method: "PATCH",
        body: { policy: { expiryRequired: false } },
      });
    }
  });

  it("creates the key and shows its secret once", async () => {
    const { user } = renderDialog();
    const dialog = await screen.findByRole("dialog", { name: "Create API Key" });
    await user.type(within(dialog).getByLabelText("Key name"), "  prod-main-app ");
    await user.click(within(dialog).getByRole("button", { name: "Create API Key" }));
    const secret = await screen.findByRole("dialog", { name: "Copy your API key" });
    expect(secret).toHaveTextContent("It will not be shown again.");
    const value =
      within(secret).getByRole("group", { name: "API key" }).querySelector("code")?.textContent ?? "";
    const list = (await (await keygate.request("/v1/keys?limit=100")).json()) as KeyList;
    const created = list.data.find((key) => key.name === "prod-main-app");
    expect(created).toBeDefined();
    expect(value.startsWith(created?.start ?? "?")).toBe(true);
    expect(value).toMatch(/^[a-z0-9]+_[0-9A-Za-z]{38}$/);
  });

  it("creates a key with two named rate limits", async () => {
    const { user } = renderDialog();
    const dialog = await screen.findByRole("dialog", { name: "Create API Key" });
    await user.type(within(dialog).getByLabelText("Key name"), "partner-api");
    await user.click(within(dialog).getByRole("button", { name: "Advanced" }));
    expect(within(dialog).getByLabelText("Rate limit name")).toHaveValue("default");
    await user.type(within(dialog).getByLabelText(/^Rate limit \(requests\)/), "1000");
    await user.click(within(dialog).getByRole("button", { name: "Add rate limit" }));
    await user.type(within(dialog).getByLabelText("Rate limit 2 name"), "burst");
    await user.type(within(dialog).getByLabelText("Rate limit 2 (requests)"), "10");
    const window = within(dialog).getByLabelText("Rate limit 2 window (seconds)");
    await user.clear(window);
    await user.type(window, "1");
    await user.click(within(dialog).getByRole("button", { name: "Create API Key" }));
    await screen.findByRole("dialog", { name: "Copy your API key" });
    const list = (await (await keygate.request("/v1/keys?limit=100")).json()) as KeyList;
    const created = list.data.find((key) => key.name === "partner-api");
    expect([created?.rateLimit, created?.rateLimits]).toEqual([
      { limit: 1000, windowMs: 60_000 },
      [
        { name: "default", limit: 1000, windowMs: 60_000 },
        { name: "burst", limit: 10, windowMs: 1000 },
      ],
    ]);
  });

  it("offers the scopes of the app's connected APIs and shows the server's refusal next to Scopes", async () => {
    const orders = (await (
      await keygate.request("/v1/apis", {
        method: "POST",
        body: { name: "Orders API", description: "", scopes: ["orders:read", "orders:write"] },
      })
    ).json()) as { id: string };
    const app = (await (
      await keygate.request("/v1/apps", {
        method: "POST",
        body: { title: "Main App", description: "", environment: "staging", apiIds: [orders.id] },
      })
    ).json()) as { id: string };
    const { user } = renderDialog(app.id);
    const dialog = await screen.findByRole("dialog", { name: "Create API Key" });
    await user.type(within(dialog).getByLabelText("Key name"), "staging-orders");
    const scopes = within(dialog).getByRole("group", { name: /^Scopes/ });
    await user.click(await within(scopes).findByRole("checkbox", { name: "orders:write" }));
    // The API stops offering the scope while the form is open: the server refuses it.
    await keygate.request(`/v1/apis/${orders.id}`, { method: "PATCH", body: { scopes: ["orders:read"] } });
    await user.click(within(dialog).getByRole("button", { name: "Create API Key" }));
    expect(
      await within(scopes).findByText("orders:write is not offered by the app's connected APIs"),
    ).toBeInTheDocument();
    expect(scopes).toHaveAttribute("aria-invalid", "true");
    expect(await keyNames()).not.toContain("staging-orders");

    await user.click(within(scopes).getByRole("checkbox", { name: "orders:write" }));
    await user.click(within(scopes).getByRole("checkbox", { name: "orders:read" }));
    await user.click(within(dialog).getByRole("button", { name: "Create API Key" }));
    await screen.findByRole("dialog", { name: "Copy your API key" });
    const list = (await (await keygate.request(`/v1/keys?appId=${app.id}`)).json()) as KeyList;
    expect(list.data.map((key) => [key.name, key.scopes, key.environment])).toEqual([
      ["staging-orders", ["orders:read"], "staging"],
    ]);
  });
});
