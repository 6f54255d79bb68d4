/**
 * The confirmations of the key actions against a real Keygate: the words each one says, and the
 * change made only on its confirm button (Cancel leaves the key as it was). Disable asks, enable
 * does not; rotation with a grace period keeps the old secret working alongside the new one.
 */
import { screen, within } from "@testing-library/react";
import { type ReactElement, useState } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LiveKeygate, startLiveKeygate } from "../../../test/live-keygate";
import { renderWithClient } from "../../../test/render";
import type { CreatedKey, KeyObject } from "../../api/types";
import { RequireSession } from "../../app/session";
import { DeleteKeyDialog } from "./DeleteKeyDialog";
import { KeyStatusSwitch } from "./KeyStatusSwitch";
import { RevokeKeyDialog } from "./RevokeKeyDialog";
import { RotateKeyDialog } from "./RotateKeyDialog";
import { useKeyQuery } from "./use-keys";

let keygate: LiveKeygate;
let verifier: string;

beforeAll(async () => {
  keygate = await startLiveKeygate();
  keygate.connect();
  await keygate.signIn();
  const root = await keygate.request("/v1/root-keys", {
    method: "POST",
    body: { name: "verifier", permissions: ["keys:verify"] },
  });
  verifier = ((await root.json()) as { key: string }).key;
}, 120_000);

afterAll(async () => {
  await keygate?.stop();
});

beforeEach(async () => {
  await keygate.signIn();
});

async function createKey(name: string): Promise<CreatedKey> {
  const response = await keygate.request("/v1/keys", { method: "POST", body: { name } });
  return (await response.json()) as CreatedKey;
}

async function readKey(id: string): Promise<{ status: number; key?: KeyObject }> {
  const response = await keygate.request(`/v1/keys/${id}`);
  return response.ok
    ? { status: 200, key: (await response.json()) as KeyObject }
    : { status: response.status };
}

async function verify(key: string): Promise<string> {
  const response = await fetch(`${keygate.url}/v1/keys/verify`, {
    method: "POST",
    headers: { authorization: `Bearer ${verifier}`, "content-type": "application/json" },
    body: JSON.stringify({ key }),
  });
  return ((await response.json()) as { code: string }).code;
}

const inSession = (element: ReactElement) => renderWithClient(<RequireSession>{element}</RequireSession>);

/** The dialog as a screen holds it: closed by Cancel, opened again by a button. */
function DeleteHarness({ apiKey }: { apiKey: CreatedKey }) {
  const [open, setOpen] = useState(true);
  return (
    <>
      {!open && (
        <button type="button" onClick={() => setOpen(true)}>
          Delete again
        </button>
      )}
      <DeleteKeyDialog apiKey={apiKey} open={open} onOpenChange={setOpen} />
    </>
  );
}

describe("DeleteKeyDialog", () => {
  it("names the key, warns that integrations stop, and deletes only on Delete key", async () => {
    const created = await createKey("crm-integration");
    const { user } = inSession(<DeleteHarness apiKey={created} />);
    const dialog = await screen.findByRole("dialog", { name: "Delete crm-integration?" });
    expect(dialog).toHaveTextContent("Deleting crm-integration");
    expect(dialog).toHaveTextContent("immediately stops all integrations using that key");
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect((await readKey(created.id)).status).toBe(200);

    await user.click(screen.getByRole("button", { name: "Delete again" }));
    await user.click(await screen.findByRole("button", { name: "Delete key" }));
    await expect.poll(() => screen.queryByRole("dialog")).toBeNull();
    expect((await readKey(created.id)).status).toBe(404);
    expect(await verify(created.key ?? "")).toBe("NOT_FOUND");
  });
});

describe("RevokeKeyDialog", () => {
  it("says revocation cannot be undone and revokes with the reason only on Revoke key", async () => {
    const created = await createKey("staging-api");
    let open = true;
    const { user } = inSession(
      <RevokeKeyDialog apiKey={created} open onOpenChange={(next) => (open = next)} />,
    );
    const dialog = await screen.findByRole("dialog", { name: "Revoke staging-api?" });
    expect(dialog).toHaveTextContent("Revocation cannot be undone for that key.");
    expect(dialog).toHaveTextContent("Confirm any replacement key is already in use");
    await user.type(within(dialog).getByLabelText(/^Reason/), "replaced by staging-api-2");
    expect((await readKey(created.id)).key?.status).toBe("active");
    await user.click(within(dialog).getByRole("button", { name: "Revoke key" }));
    await expect.poll(() => open).toBe(false);
    const { key } = await readKey(created.id);
    expect([key?.status, key?.revokedReason]).toEqual(["revoked", "replaced by staging-api-2"]);
    expect(await verify(created.key ?? "")).toBe("REVOKED");
  });
});

function LiveSwitch({ id }: { id: string }) {
  const key = useKeyQuery(id);
  return key.data ? <KeyStatusSwitch apiKey={key.data} /> : null;
}

describe("KeyStatusSwitch", () => {
  it("asks before disabling, warning that apps stop at once, and enables without asking", async () => {
    const created = await createKey("iot-devices");
    const { user } = inSession(<LiveSwitch id={created.id} />);
    const enabled = await screen.findByRole("switch", { name: "Enabled" });
    expect(enabled).toHaveAttribute("aria-checked", "true");

    await user.click(enabled);
    const dialog = await screen.findByRole("dialog", { name: "Disable iot-devices?" });
    expect(dialog).toHaveTextContent(
      "Disabling an API key immediately blocks access for applications using that key.",
    );
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.getByRole("switch", { name: "Enabled" })).toHaveAttribute("aria-checked", "true");
    expect(await verify(created.key ?? "")).toBe("VALID");

    await user.click(screen.getByRole("switch", { name: "Enabled" }));
    await user.click(await screen.findByRole("button", { name: "Disable key" }));
    await expect
      .poll(() => screen.getByRole("switch", { name: "Enabled" }).getAttribute("aria-checked"))
      .toBe("false");
    expect((await readKey(created.id)).key?.enabled).toBe(false);
    expect(await verify(created.key ?? "")).toBe("DISABLED");

    await user.click(screen.getByRole("switch", { name: "Enabled" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    await expect.poll(async () => (await readKey(created.id)).key?.enabled).toBe(true);
    expect(screen.getByRole("switch", { name: "Enabled" })).toHaveAttribute("aria-checked", "true");
    expect(await verify(created.key ?? "")).toBe("VALID");
  });
});

describe("RotateKeyDialog", () => {
  it("gives seed 004's handoff, rotates only on Rotate key, and keeps the old secret for the grace period", async () => {
    const created = await createKey("prod-main-app");
    let open = true;
    const { user } = inSession(
      <RotateKeyDialog apiKey={created} open onOpenChange={(next) => (open = next)} />,
    );
    const dialog = await screen.findByRole("dialog", { name: "Rotate prod-main-app?" });
    expect(dialog).toHaveTextContent(
      "Do not rotate production keys without coordinating with the person or team using them.",
    );
    expect(dialog).toHaveTextContent("Tell the technical owner before rotating.");
    const grace = within(dialog).getByLabelText("Grace period");
    expect(
      within(grace)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["None: the old secret stops at once", "1 hour", "24 hours", "7 days"]);
    await user.selectOptions(grace, "1 hour");
    expect((await readKey(created.id)).key?.rotatedAt).toBeNull();
    await user.click(within(dialog).getByRole("button", { name: "Rotate key" }));

    const secret = await screen.findByRole("dialog", { name: "Copy your API key" });
    expect(open).toBe(false);
    expect(secret).toHaveTextContent("The previous secret keeps working until");
    const fresh =
      within(secret).getByRole("group", { name: "API key" }).querySelector("code")?.textContent ?? "";
    expect(fresh).not.toBe(created.key);
    expect(await verify(fresh)).toBe("VALID");
    expect(await verify(created.key ?? "")).toBe("VALID");
    expect((await readKey(created.id)).key?.rotatedAt).not.toBeNull();
  });
});
