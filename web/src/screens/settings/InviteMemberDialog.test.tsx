/**
 * Inviting a member against a real Keygate: the email is checked before sending, the one-use link
 * is shown once with Copy, the server's refusal is shown, and an admin is not offered the owner role.
 */
import { screen, within } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveKeygate, OWNER_EMAIL, startLiveKeygate } from "../../../test/live-keygate";
import { renderWithClient } from "../../../test/render";
import { api, unwrap } from "../../api/client";
import { InviteMemberDialog } from "./InviteMemberDialog";
import type { InvitationInput } from "./use-invitations";

let keygate: LiveKeygate;

beforeAll(async () => {
  keygate = await startLiveKeygate();
  keygate.connect();
  await keygate.signIn();
}, 120_000);

afterAll(async () => {
  await keygate?.stop();
});

const invite = (input: InvitationInput) => unwrap(api.POST("/v1/invitations", { body: input }));

async function pendingEmails(): Promise<string[]> {
  const body = (await (await keygate.request("/v1/invitations")).json()) as {
    data: Array<{ email: string }>;
  };
  return body.data.map((invitation) => invitation.email);
}

describe("InviteMemberDialog", () => {
  it("checks the email before sending anything", async () => {
    const { user } = renderWithClient(
      <InviteMemberDialog open onOpenChange={() => {}} readerRole="owner" onInvite={invite} />,
    );
    await user.click(screen.getByRole("button", { name: "Create invitation" }));
    const email = screen.getByLabelText("Email");
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription("Enter the email address of the person to invite");

    await user.type(email, "not-an-email");
    await user.click(screen.getByRole("button", { name: "Create invitation" }));
    expect(email).toHaveAccessibleDescription("Enter an email address such as name@example.com");
    expect(await pendingEmails()).toEqual([]);
  });

  it("shows the one-use link once, with Copy putting it on the clipboard", async () => {
    const { user } = renderWithClient(
      <InviteMemberDialog open onOpenChange={() => {}} readerRole="owner" onInvite={invite} />,
    );
    await user.type(screen.getByLabelText("Email"), "dana@example.com");
    await user.selectOptions(screen.getByLabelText("Role"), "admin");
    await user.click(screen.getByRole("button", { name: "Create invitation" }));

    const dialog = await screen.findByRole("dialog", { name: "Invitation created" });
    expect(dialog).toHaveTextContent(
      "Send this link to dana@example.com through a channel you trust. They join as admin.",
    );
    expect(dialog).toHaveTextContent("The link works once, for 7 days.");
    const link = within(dialog).getByLabelText("Invitation link");
    expect((link as HTMLInputElement).value).toMatch(new RegExp(`^${keygate.url}/invite\\?token=[^&]+$`));

    await user.click(within(dialog).getByRole("button", { name: "Copy" }));
    expect(await within(dialog).findByRole("button", { name: /^Copied/ })).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe((link as HTMLInputElement).value);
    expect(await pendingEmails()).toEqual(["dana@example.com"]);
  });

  it("shows the server's refusal for someone who is already a member", async () => {
    const { user } = renderWithClient(
      <InviteMemberDialog open onOpenChange={() => {}} readerRole="owner" onInvite={invite} />,
    );
    await user.type(screen.getByLabelText("Email"), OWNER_EMAIL);
    await user.click(screen.getByRole("button", { name: "Create invitation" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "owner@example.com is already a member of this workspace",
    );
    expect(screen.getByRole("dialog", { name: "Invite member" })).toBeInTheDocument();
  });

  it("offers an admin every role but owner, an owner all four", async () => {
    const { unmount } = renderWithClient(
      <InviteMemberDialog open onOpenChange={() => {}} readerRole="admin" onInvite={invite} />,
    );
    const options = () =>
      within(screen.getByLabelText("Role"))
        .getAllByRole("option")
        .map((option) => option.textContent);
    expect(options()).toEqual(["Admin", "Developer", "Viewer"]);
    unmount();
    renderWithClient(
      <InviteMemberDialog open onOpenChange={() => {}} readerRole="owner" onInvite={invite} />,
    );
    expect(options()).toEqual(["Owner", "Admin", "Developer", "Viewer"]);
  });
});
