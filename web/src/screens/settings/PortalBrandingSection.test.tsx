/**
 * Portal branding in the operator's workspace settings, against a real Keygate: its checks with
 * the server's own schema before sending, the save (`PATCH /v1/workspace { branding }`), and an
 * emptied field sent as null, which clears it.
 */
import { screen, waitFor, within } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveKeygate, startLiveKeygate } from "../../../test/live-keygate";
import { renderWithClient } from "../../../test/render";
import type { Workspace } from "../../api/types";
import { RequireSession } from "../../app/session";
import { WorkspaceSettingsScreen } from "./WorkspaceSettingsScreen";

const SERVER = { timeout: 5000 };

let keygate: LiveKeygate;

beforeAll(async () => {
  keygate = await startLiveKeygate();
  keygate.connect();
  await keygate.signIn();
}, 120_000);

afterAll(async () => {
  await keygate?.stop();
});

async function branding(): Promise<Workspace["branding"]> {
  return ((await (await keygate.request("/v1/workspace")).json()) as Workspace).branding;
}

describe("Portal branding", () => {
  it("checks, saves, and clears an emptied field", async () => {
    const { user } = renderWithClient(
      <RequireSession>
        <WorkspaceSettingsScreen />
      </RequireSession>,
    );
    const form = await screen.findByRole("form", { name: "Portal branding" }, SERVER);
    const product = within(form).getByRole("textbox", { name: /^Product name/ });
    const logo = within(form).getByRole("textbox", { name: /^Logo URL/ });
    const accent = within(form).getByRole("textbox", { name: /^Accent colour/ });
    await user.type(product, "Acme Cloud");
    await user.type(logo, "ftp://acme.example/logo.svg");
    await user.type(accent, "teal");
    await user.click(within(form).getByRole("button", { name: "Save branding" }));
    expect(logo).toHaveAttribute("aria-invalid", "true");
    expect(within(form).getByText("Must be an https URL")).toBeInTheDocument();
    expect(within(form).getByText("Must be a colour as #rrggbb")).toBeInTheDocument();
    expect(await branding()).toEqual({ productName: null, logoUrl: null, accentColor: null });

    await user.clear(logo);
    await user.type(logo, "https://acme.example/logo.svg");
    await user.clear(accent);
    await user.type(accent, "#0F766E");
    await user.click(within(form).getByRole("button", { name: "Save branding" }));
    await waitFor(
      async () =>
        expect(await branding()).toEqual({
          productName: "Acme Cloud",
          logoUrl: "https://acme.example/logo.svg",
          accentColor: "#0f766e",
        }),
      SERVER,
    );

    await waitFor(() => expect(product).toBeEnabled(), SERVER);
    expect(product).toHaveValue("Acme Cloud");
    await user.clear(product);
    await user.click(within(form).getByRole("button", { name: "Save branding" }));
    await waitFor(async () => expect((await branding()).productName).toBeNull(), SERVER);
    expect((await branding()).accentColor).toBe("#0f766e");
  });
});
