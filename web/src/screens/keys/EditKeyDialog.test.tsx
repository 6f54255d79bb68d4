/**
 * Edit a key against a real Keygate: only what changed is sent (an untouched quota keeps what is
 * left of it), a limit is checked before sending, and clearing a limit removes it at once.
 */
import { screen, within } from "@testing-library/react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LiveKeygate, startLiveKeygate } from "../../../test/live-keygate";
import { renderWithClient } from "../../../test/render";
import type { CreatedKey, KeyObject } from "../../api/types";
import { RequireSession } from "../../app/session";
import { EditKeyDialog } from "./EditKeyDialog";

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

async function readKey(id: string): Promise<KeyObject> {
  return (await (await keygate.request(`/v1/keys/${id}`)).json()) as KeyObject;
}

function renderEdit(apiKey: KeyObject) {
  let open = true;
  const view = renderWithClient(
    <RequireSession>
      <EditKeyDialog apiKey={apiKey} open onOpenChange={(next) => (open = next)} />
    </RequireSession>,
  );
  return { ...view, isOpen: () => open };
}

describe("EditKeyDialog", () => {
  it("renames the key without restarting its quota", async () => {
    const created = (await (
      await keygate.request("/v1/keys", {
        method: "POST",
        body: { name: "iot-devices", quota: { remaining: 10 }, rateLimit: { limit: 100, windowMs: 60_000 } },
      })
    ).json()) as CreatedKey;
    await fetch(`${keygate.url}/v1/keys/verify`, {
      method: "POST",
      headers: { authorization: `Bearer ${verifier}`, "content-type": "application/json" },
      body: JSON.stringify({ key: created.key }),
    });
    await expect.poll(async () => (await readKey(created.id)).quota?.remaining).toBe(9);

    const { user, isOpen } = renderEdit(await readKey(created.id));
    const dialog = await screen.findByRole("dialog", { name: "Edit iot-devices" });
    expect(dialog).toHaveTextContent("The changes are applied immediately, from the next verification on.");
    expect(within(dialog).getByLabelText(/^Quota(?! refill)/)).toHaveValue("9");
    const name = within(dialog).getByLabelText("Key name");
    await user.clear(name);
    await user.type(name, "prod-iot-devices");
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    await expect.poll(isOpen).toBe(false);
    const saved = await readKey(created.id);
    expect([saved.name, saved.quota?.remaining, saved.rateLimit]).toEqual([
      "prod-iot-devices",
      9,
      { limit: 100, windowMs: 60_000 },
    ]);
  });

  it("checks the rate limit window before sending, and removes a cleared rate limit", async () => {
    const created = (await (
      await keygate.request("/v1/keys", {
        method: "POST",
        body: { name: "crm-integration", rateLimit: { limit: 5, windowMs: 10_000 } },
      })
    ).json()) as CreatedKey;
    const { user, isOpen } = renderEdit(await readKey(created.id));
    const dialog = await screen.findByRole("dialog", { name: "Edit crm-integration" });
    const windowField = within(dialog).getByLabelText("Rate limit window (seconds)");
    expect(windowField).toHaveValue("10");
    await user.clear(windowField);
    await user.type(windowField, "0");
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    expect(windowField).toHaveAttribute("aria-invalid", "true");
    expect(windowField).toHaveAccessibleDescription("Must be between 1 and 86400 seconds (1 day)");
    expect((await readKey(created.id)).rateLimit).toEqual({ limit: 5, windowMs: 10_000 });

    await user.clear(within(dialog).getByLabelText(/^Rate limit \(requests\)/));
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    await expect.poll(isOpen).toBe(false);
    expect((await readKey(created.id)).rateLimit).toBeNull();
  });
});
