/**
 * The connected-API form: scopes added and removed as chips, malformed and repeated scopes refused
 * before sending, the name required, exactly the values typed sent, and a real Keygate's refusal
 * shown next to the scopes it concerns.
 */
import { screen, within } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveKeygate, startLiveKeygate } from "../../../test/live-keygate";
import { renderWithClient } from "../../../test/render";
import { api, unwrap } from "../../api/client";
import type { ConnectedApi } from "../../api/types";
import { ApiFormDialog } from "./ApiFormDialog";
import type { ApiInput } from "./use-apis";

function renderForm(onSave: (values: ApiInput) => Promise<unknown>, editing?: ConnectedApi) {
  const closed: boolean[] = [];
  const view = renderWithClient(
    <ApiFormDialog open editing={editing} onOpenChange={(open) => closed.push(!open)} onSave={onSave} />,
  );
  return { ...view, closed };
}

const chips = () =>
  within(screen.getByRole("list", { name: "Scopes" }))
    .getAllByRole("listitem")
    .map((item) => item.textContent);

describe("ApiFormDialog", () => {
  it("adds scopes as chips with Enter or Add scope, and removes them with their ×", async () => {
    const { user } = renderForm(async () => undefined);
    const input = screen.getByLabelText("New scope");
    await user.type(input, "orders:read{Enter}");
    await user.type(input, "orders:write");
    await user.click(screen.getByRole("button", { name: "Add scope" }));
    expect(chips()).toEqual(["orders:read", "orders:write"]);
    expect(input).toHaveValue("");

    await user.click(screen.getByRole("button", { name: "Remove orders:read" }));
    expect(chips()).toEqual(["orders:write"]);
  });

  it("refuses a malformed or repeated scope with the reason tied to the input", async () => {
    const { user } = renderForm(async () => undefined);
    const input = screen.getByLabelText("New scope");
    await user.type(input, "Orders Read{Enter}");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription(
      expect.stringContaining(
        "must look like orders:read (lowercase letters, digits, _ . - and : separators)",
      ),
    );
    expect(screen.queryByRole("list", { name: "Scopes" })).not.toBeInTheDocument();

    await user.clear(input);
    expect(input).not.toHaveAttribute("aria-invalid");
    await user.type(input, "orders:read{Enter}orders:read{Enter}");
    expect(screen.getByText("must not repeat orders:read")).toBeInTheDocument();
    expect(chips()).toEqual(["orders:read"]);
  });

  it("asks for a name before sending anything", async () => {
    const sent: ApiInput[] = [];
    const { user } = renderForm(async (values) => sent.push(values));
    await user.click(screen.getByRole("button", { name: "Create API" }));
    expect(screen.getByLabelText("Name")).toHaveAccessibleDescription("Enter a name, such as Orders API");
    expect(sent).toEqual([]);
  });

  it("sends the name, description and scopes, a scope still typed included, then closes", async () => {
    const sent: ApiInput[] = [];
    const { user, closed } = renderForm(async (values) => sent.push(values));
    await user.type(screen.getByLabelText("Name"), "  Orders API ");
    await user.type(screen.getByLabelText(/Description/), "Orders and refunds");
    await user.type(screen.getByLabelText("New scope"), "orders:read{Enter}orders:*");
    await user.click(screen.getByRole("button", { name: "Create API" }));
    expect(sent).toEqual([
      { name: "Orders API", description: "Orders and refunds", scopes: ["orders:read", "orders:*"] },
    ]);
    expect(closed).toEqual([true]);
  });

  it("starts from the API being edited", async () => {
    const editing: ConnectedApi = {
      id: "api_1",
      name: "Billing",
      description: "Invoices",
      scopes: ["billing:read"],
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
    };
    const sent: ApiInput[] = [];
    const { user } = renderForm(async (values) => sent.push(values), editing);
    expect(screen.getByRole("dialog", { name: "Edit Billing" })).toBeInTheDocument();
    expect(screen.getByLabelText("Name")).toHaveValue("Billing");
    expect(chips()).toEqual(["billing:read"]);
    await user.type(screen.getByLabelText("New scope"), "billing:write{Enter}");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(sent).toEqual([
      { name: "Billing", description: "Invoices", scopes: ["billing:read", "billing:write"] },
    ]);
  });
});

describe("ApiFormDialog against a real Keygate", () => {
  let keygate: LiveKeygate;

  beforeAll(async () => {
    keygate = await startLiveKeygate();
    keygate.connect();
    await keygate.signIn();
  }, 120_000);

  afterAll(async () => {
    await keygate?.stop();
  });

  it("shows the refusal to take away a scope a live key still holds under Scopes, and stays open", async () => {
    const made = await keygate.request("/v1/apis", {
      method: "POST",
      body: { name: "Orders API", scopes: ["orders:read", "orders:write"] },
    });
    const ordersApi = (await made.json()) as ConnectedApi;
    const app = (await (
      await keygate.request("/v1/apps", {
        method: "POST",
        body: { title: "Shop", environment: "development", apiIds: [ordersApi.id] },
      })
    ).json()) as { id: string };
    const key = await keygate.request("/v1/keys", {
      method: "POST",
      body: { name: "shop-dev", appId: app.id, scopes: ["orders:write"] },
    });
    expect(key.status).toBe(201);

    const { user, closed } = renderForm(
      (values) =>
        unwrap(api.PATCH("/v1/apis/{id}", { params: { path: { id: ordersApi.id } }, body: values })),
      ordersApi,
    );
    await user.click(screen.getByRole("button", { name: "Remove orders:write" }));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(
      await screen.findByText(
        /^key "shop-dev" \(key_\w+\) of app "Shop" still holds orders:write, which the change would no longer offer; remove the scope from the key first$/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText("New scope")).toHaveAttribute("aria-invalid", "true");
    expect(closed).toEqual([]);
  });
});
