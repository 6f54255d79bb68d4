/**
 * Accepting an invitation against a real Keygate: a new account's name and password are asked
 * for and checked before sending, the server's password rule is shown by the field, a success
 * joins the workspace; an email with an account gives only its password; a dead link says so.
 */
import { screen } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveKeygate, startLiveKeygate } from "../../../test/live-keygate";
import { renderRoutes, renderWithClient } from "../../../test/render";
import { api, unwrap } from "../../api/client";
import { AcceptInvitationForm } from "./AcceptInvitationForm";
import { InviteScreen } from "./InviteScreen";
import type { AcceptInput, InvitationPreview } from "./use-invitations";

let keygate: LiveKeygate;

beforeAll(async () => {
  keygate = await startLiveKeygate();
  keygate.connect();
  await keygate.signIn();
}, 120_000);

afterAll(async () => {
  await keygate?.stop();
});

/** Invites the email as the owner and answers the link's token. */
async function invitationToken(email: string, role = "developer"): Promise<string> {
  const response = await keygate.request("/v1/invitations", { method: "POST", body: { email, role } });
  if (response.status !== 201) throw new Error(`invite failed: ${response.status} ${await response.text()}`);
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("token") ?? "";
}

async function preview(token: string): Promise<InvitationPreview> {
  return unwrap(api.GET("/v1/invitations/lookup", { params: { query: { token } } }));
}

async function memberRoles(): Promise<Record<string, string>> {
  const body = (await (await keygate.request("/v1/members")).json()) as {
    data: Array<{ email: string; role: string }>;
  };
  return Object.fromEntries(body.data.map((member) => [member.email, member.role]));
}

/** Accepting signs the owner's client out (the accept answers a new session); the owner signs in again after. */
const accept = async (input: AcceptInput) => {
  try {
    return await unwrap(api.POST("/v1/invitations/accept", { body: input }));
  } finally {
    await keygate.signIn();
  }
};

describe("AcceptInvitationForm", () => {
  it("asks a new person for a name and a password before sending, then shows the server's password rule", async () => {
    const token = await invitationToken("erin@example.com");
    const { user } = renderWithClient(
      <AcceptInvitationForm preview={await preview(token)} token={token} onAccept={accept} />,
    );
    expect(screen.getByText("erin@example.com")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Join Default workspace" }));
    expect(screen.getByLabelText("Your name")).toHaveAccessibleDescription("Enter your name");
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription(
      "At least 12 characters. Choose a password",
    );

    await user.type(screen.getByLabelText("Your name"), "Erin");
    await user.type(screen.getByLabelText("Password"), "too short");
    await user.click(screen.getByRole("button", { name: "Join Default workspace" }));
    expect(await screen.findByText("must be at least 12 characters")).toBeInTheDocument();
    expect(screen.getByLabelText("Password")).toHaveAttribute("aria-invalid", "true");
    expect((await memberRoles())["erin@example.com"]).toBeUndefined();
  });

  it("joins the workspace with the invited role", async () => {
    const token = await invitationToken("frank@example.com", "viewer");
    let joined = false;
    const { user } = renderWithClient(
      <AcceptInvitationForm
        preview={await preview(token)}
        token={token}
        onAccept={async (input) => {
          await accept(input);
          joined = true;
        }}
      />,
    );
    await user.type(screen.getByLabelText("Your name"), "Frank");
    await user.type(screen.getByLabelText("Password"), "frank's long password");
    await user.click(screen.getByRole("button", { name: "Join Default workspace" }));
    await expect.poll(() => joined).toBe(true);
    expect((await memberRoles())["frank@example.com"]).toBe("viewer");
  });

  it("asks an email that has an account only for its password, and says when it is wrong", async () => {
    const first = await invitationToken("gina@example.com");
    await accept({ token: first, name: "Gina", password: "gina's long password" });
    const members = (await (await keygate.request("/v1/members")).json()) as {
      data: Array<{ email: string; userId: string }>;
    };
    const gina = members.data.find((member) => member.email === "gina@example.com");
    await keygate.request(`/v1/members/${gina?.userId}`, { method: "DELETE" });

    const token = await invitationToken("gina@example.com", "admin");
    const { user } = renderWithClient(
      <AcceptInvitationForm preview={await preview(token)} token={token} onAccept={accept} />,
    );
    expect(screen.queryByLabelText("Your name")).toBeNull();
    await user.type(screen.getByLabelText("Password"), "not gina's password");
    await user.click(screen.getByRole("button", { name: "Sign in and join" }));
    expect(await screen.findByText("is not the password of this email's account")).toBeInTheDocument();

    await user.clear(screen.getByLabelText("Password"));
    await user.type(screen.getByLabelText("Password"), "gina's long password");
    await user.click(screen.getByRole("button", { name: "Sign in and join" }));
    await expect.poll(async () => (await memberRoles())["gina@example.com"]).toBe("admin");
  });
});

describe("InviteScreen", () => {
  it("says a used or unknown link does not work, with the way to sign in", async () => {
    renderRoutes([{ path: "/invite", element: <InviteScreen /> }], "/invite?token=not-a-real-token");
    expect(
      await screen.findByRole("heading", { name: "This invitation link does not work" }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        "It is unknown, already used, revoked or expired. Ask whoever invited you for a new link; if you have joined already, sign in.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Go to sign in" })).toHaveAttribute("href", "/sign-in");
  });
});
