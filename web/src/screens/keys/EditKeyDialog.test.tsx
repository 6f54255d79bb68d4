/**
 * Edit a key against a real Keygate: only what changed is sent (an untouched quota keeps what is
 * left of it), a limit is checked before sending, clearing a limit removes it at once, and named
 * rate limits are added, edited and removed up to five.
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

  it("adds, edits and removes named rate limits, up to five", async () => {
    const created = (await (
      await keygate.request("/v1/keys", {
        method: "POST",
        body: {
          name: "partner-feed",
          rateLimits: [
            { name: "default", limit: 100, windowMs: 60_000 },
            { name: "burst", limit: 10, windowMs: 1000 },
          ],
        },
      })
    ).json()) as CreatedKey;
    const { user, isOpen } = renderEdit(await readKey(created.id));
    const dialog = await screen.findByRole("dialog", { name: "Edit partner-feed" });
    const limits = within(dialog).getByRole("list", { name: "Rate limits" });
    expect(within(limits).getAllByRole("listitem")).toHaveLength(2);
    expect(within(dialog).getByLabelText("Rate limit name")).toHaveValue("default");
    expect(within(dialog).getByLabelText("Rate limit 2 name")).toHaveValue("burst");
    expect(within(dialog).getByLabelText("Rate limit 2 (requests)")).toHaveValue("10");
    expect(within(dialog).getByLabelText("Rate limit 2 window (seconds)")).toHaveValue("1");

    const burst = within(dialog).getByLabelText("Rate limit 2 (requests)");
    await user.clear(burst);
    await user.type(burst, "20");
    await user.click(within(dialog).getByRole("button", { name: "Add rate limit" }));
    await user.type(within(dialog).getByLabelText("Rate limit 3 name"), "daily");
    await user.type(within(dialog).getByLabelText("Rate limit 3 (requests)"), "5000");
    const dailyWindow = within(dialog).getByLabelText("Rate limit 3 window (seconds)");
    await user.clear(dailyWindow);
    await user.type(dailyWindow, "86400");
    await user.click(within(dialog).getByRole("button", { name: "Remove rate limit default" }));
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    await expect.poll(isOpen).toBe(false);
    const saved = await readKey(created.id);
    expect([saved.rateLimit, saved.rateLimits]).toEqual([
      null,
      [
        { name: "burst", limit: 20, windowMs: 1000 },
        { name: "daily", limit: 5000, windowMs: 86_400_000 },
      ],
    ]);
  });

  it("refuses a repeated name next to its row and stops adding at five", async () => {
    const created = (await (
      await keygate.request("/v1/keys", {
        method: "POST",
        body: { name: "five-limits", rateLimits: [{ name: "burst", limit: 10, windowMs: 1000 }] },
      })
    ).json()) as CreatedKey;
    const { user } = renderEdit(await readKey(created.id));
    const dialog = await screen.findByRole("dialog", { name: "Edit five-limits" });
    const add = within(dialog).getByRole("button", { name: "Add rate limit" });
    await user.click(add);
    // The first added row is the default one, as the single rate limit of before.
    expect(within(dialog).getByLabelText("Rate limit 2 name")).toHaveValue("default");
    await user.click(add);
    const third = within(dialog).getByLabelText("Rate limit 3 name");
    expect(third).toHaveValue("");
    await user.type(third, "burst");
    await user.type(within(dialog).getByLabelText("Rate limit 3 (requests)"), "5");
    await user.click(add);
    await user.click(add);
    expect(
      within(within(dialog).getByRole("list", { name: "Rate limits" })).getAllByRole("listitem"),
    ).toHaveLength(5);
    expect(add).toBeDisabled();

    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    expect(third).toHaveAttribute("aria-invalid", "true");
    expect(third).toHaveAccessibleDescription("Must not repeat burst");
    expect((await readKey(created.id)).rateLimits).toEqual([{ name: "burst", limit: 10, windowMs: 1000 }]);
  });
});
