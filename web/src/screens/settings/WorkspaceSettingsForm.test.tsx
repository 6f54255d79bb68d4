/**
 * The workspace settings form with a real Keygate's workspace: its own checks before sending,
 * only the changed fields sent (the lifetime in seconds), the key policies (rotation reminder,
 * unused days, auto-disable, leak response) checked and saved, the server's refusal placed by its
 * field, and a read-only form for those who may not change the workspace.
 */
import { screen } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveKeygate, startLiveKeygate } from "../../../test/live-keygate";
import { renderWithClient } from "../../../test/render";
import { api, unwrap } from "../../api/client";
import type { Workspace } from "../../api/types";
import type { WorkspaceChanges } from "./use-workspace";
import { WorkspaceSettingsForm } from "./WorkspaceSettingsForm";

let keygate: LiveKeygate;
let workspace: Workspace;

beforeAll(async () => {
  keygate = await startLiveKeygate();
  keygate.connect();
  await keygate.signIn();
  workspace = await unwrap(api.GET("/v1/workspace"));
}, 120_000);

afterAll(async () => {
  await keygate?.stop();
});

describe("WorkspaceSettingsForm", () => {
  it("checks the name and the lifetime before sending anything", async () => {
    const sent: WorkspaceChanges[] = [];
    const { user } = renderWithClient(
      <WorkspaceSettingsForm
        workspace={workspace}
        canEdit
        onSave={async (changes) => {
          sent.push(changes);
          return workspace;
        }}
      />,
    );
    await user.clear(screen.getByLabelText("Workspace name"));
    await user.type(screen.getByLabelText(/Maximum key lifetime \(days\)/), "1.5");
    await user.click(screen.getByRole("button", { name: "Save changes" }));

    expect(screen.getByLabelText("Workspace name")).toHaveAccessibleDescription("Enter the workspace's name");
    expect(screen.getByLabelText(/Maximum key lifetime \(days\)/)).toHaveAccessibleDescription(
      "Leave it empty for no limit; at most 24,855 days. Enter a whole number of days (1 or more), or leave it empty for no limit",
    );
    expect(sent).toEqual([]);

    await user.clear(screen.getByLabelText(/Maximum key lifetime \(days\)/));
    await user.type(screen.getByLabelText(/Maximum key lifetime \(days\)/), "30000");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(screen.getByLabelText(/Maximum key lifetime \(days\)/)).toHaveAccessibleDescription(
      "Leave it empty for no limit; at most 24,855 days. Must be at most 24,855 days",
    );
    expect(sent).toEqual([]);
  });

  it("sends only what changed, the lifetime in seconds", async () => {
    const sent: WorkspaceChanges[] = [];
    const { user } = renderWithClient(
      <WorkspaceSettingsForm
        workspace={workspace}
        canEdit
        onSave={async (changes) => {
          sent.push(changes);
          return workspace;
        }}
      />,
    );
    expect(screen.getByRole("button", { name: "Save changes" })).toBeDisabled();
    await user.click(screen.getByLabelText("Require an expiry date on new keys"));
    await user.type(screen.getByLabelText(/Maximum key lifetime \(days\)/), "90");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(sent).toEqual([{ policy: { expiryRequired: true, maxKeyLifetimeSeconds: 90 * 86_400 } }]);
  });

  it("checks the key policies' days before sending, then saves them on the server", async () => {
    const { user } = renderWithClient(
      <WorkspaceSettingsForm
        workspace={workspace}
        canEdit
        onSave={(changes) => unwrap(api.PATCH("/v1/workspace", { body: changes }))}
      />,
    );
    const rotation = screen.getByLabelText("Rotation reminder (days)");
    const unused = screen.getByLabelText("Unused after (days)");
    const autoDisable = screen.getByLabelText("Disable after unused for (days)");
    expect(rotation).toHaveValue("90");
    expect(unused).toHaveValue("30");
    expect(autoDisable).toBeDisabled();
    expect(screen.getByLabelText(/^Revoke the key/)).toBeChecked();

    await user.clear(unused);
    await user.type(unused, "0");
    await user.click(screen.getByLabelText("Disable unused keys automatically"));
    await user.clear(autoDisable);
    await user.type(autoDisable, "4000");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(unused).toHaveAccessibleDescription(
      "A key nothing has used for this long shows “Unused”. A whole number of days, at most 3,650. Enter a whole number of days (1 or more)",
    );
    expect(autoDisable).toHaveAttribute("aria-invalid", "true");
    expect(autoDisable).toHaveAccessibleDescription(/Must be at most 3,650 days$/);

    await user.clear(unused);
    await user.type(unused, "45");
    await user.clear(autoDisable);
    await user.type(autoDisable, "120");
    await user.click(screen.getByLabelText("Remind to rotate old keys"));
    expect(rotation).toBeDisabled();
    await user.click(screen.getByLabelText(/^Only notify/));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await expect
      .poll(async () => (await unwrap(api.GET("/v1/workspace"))).policy)
      .toMatchObject({
        rotationReminderDays: null,
        unusedKeyDays: 45,
        autoDisableUnusedDays: 120,
        leakResponse: "notify",
      });
    expect(unused).not.toHaveAttribute("aria-invalid");
    workspace = await unwrap(api.GET("/v1/workspace"));
  });

  it("shows the server's refusal of the prefix by its field, and saves once it is fixed", async () => {
    const { user } = renderWithClient(
      <WorkspaceSettingsForm
        workspace={workspace}
        canEdit
        onSave={(changes) => unwrap(api.PATCH("/v1/workspace", { body: changes }))}
      />,
    );
    const prefix = screen.getByLabelText("Default key prefix");
    await user.clear(prefix);
    await user.type(prefix, "Bad Prefix");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(
      await screen.findByText("must be 2-16 lowercase letters or digits, with at most one _ inside"),
    ).toBeInTheDocument();
    expect(prefix).toHaveAttribute("aria-invalid", "true");

    await user.clear(prefix);
    await user.type(prefix, "acme_live");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await expect.poll(async () => (await unwrap(api.GET("/v1/workspace"))).keyPrefix).toBe("acme_live");
    expect(prefix).not.toHaveAttribute("aria-invalid");
  });

  it("is read-only for someone who may not change the workspace", () => {
    renderWithClient(
      <WorkspaceSettingsForm workspace={workspace} canEdit={false} onSave={async () => workspace} />,
    );
    expect(screen.getByLabelText("Workspace name")).toBeDisabled();
    expect(screen.getByLabelText("Default key prefix")).toBeDisabled();
    expect(screen.getByLabelText("Require an expiry date on new keys")).toBeDisabled();
    expect(screen.queryByRole("button", { name: "Save changes" })).toBeNull();
  });
});
