/**
 * A key's External ID (the end user or customer it belongs to) against a real Keygate: Create API
 * Key sends it from Advanced and the key joins that identity; the list shows it under the key's
 * name and filters by it (kept in the URL); key detail shows the identity and "Revoke all keys of
 * <externalId>" revokes every key of it, and only of it.
 */
import { screen, waitFor, within } from "@testing-library/react";
import type { ReactElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveKeygate, startLiveKeygate } from "../../../test/live-keygate";
import { renderRoutes, renderWithClient } from "../../../test/render";
import type { CreatedKey, KeyList } from "../../api/types";
import { RequireSession } from "../../app/session";
import { CreateKeyDialog } from "./CreateKeyDialog";
import { KeyDetailScreen } from "./KeyDetailScreen";
import { KeysScreen } from "./KeysScreen";

const SERVER = { timeout: 5000 };

let keygate: LiveKeygate;

beforeAll(async () => {
  keygate = await startLiveKeygate();
  keygate.connect();
  await keygate.signIn();
  // Keys views start as a table at jsdom's width; keep it so whatever a previous run remembered.
  globalThis.localStorage?.setItem("keygate.keys.view", "table");
}, 120_000);

afterAll(async () => {
  await keygate?.stop();
});

async function createKey(name: string, externalId?: string): Promise<CreatedKey> {
  const response = await keygate.request("/v1/keys", {
    method: "POST",
    body: { name, ...(externalId ? { externalId } : {}) },
  });
  if (response.status !== 201) throw new Error(`key not created: ${await response.text()}`);
  return (await response.json()) as CreatedKey;
}

async function keysOf(externalId: string): Promise<KeyList["data"]> {
  const response = await keygate.request(`/v1/keys?externalId=${encodeURIComponent(externalId)}&limit=100`);
  return ((await response.json()) as KeyList).data;
}

function renderKeys(at: string) {
  const inSession = (element: ReactElement) => <RequireSession>{element}</RequireSession>;
  return renderRoutes(
    [
      { path: "/settings/api-access", element: inSession(<KeysScreen />) },
      { path: "/keys/:keyId", element: inSession(<KeyDetailScreen />) },
    ],
    at,
  );
}

describe("External ID of a key", () => {
  it("is sent from Create API Key's Advanced fields and the key joins that identity", async () => {
    const { user } = renderWithClient(
      <RequireSession>
        <CreateKeyDialog open onOpenChange={() => {}} />
      </RequireSession>,
    );
    const dialog = await screen.findByRole("dialog", { name: "Create API Key" });
    await user.type(within(dialog).getByLabelText("Key name"), "alice-laptop");
    await user.click(within(dialog).getByRole("button", { name: "Advanced" }));
    const field = within(dialog).getByLabelText(/^External ID/);
    expect(field).toHaveAccessibleDescription(
      "The end user or customer this key belongs to, as your platform names them (such as user_123). Their keys share one identity: you can find them together, limit them together and revoke them all at once. It cannot be changed later.",
    );
    await user.type(field, "user_alice");
    await user.click(within(dialog).getByRole("button", { name: "Create API Key" }));
    expect(await screen.findByRole("dialog", { name: "Copy your API key" }, SERVER)).toBeInTheDocument();
    const [key, ...others] = await keysOf("user_alice");
    expect(others).toEqual([]);
    expect(key).toMatchObject({ name: "alice-laptop", externalId: "user_alice" });
    expect(key?.identityId).toMatch(/^idn_/);
  });

  it("shows under the key's name and filters the list, kept in the URL", async () => {
    await createKey("alice-phone", "user_alice");
    await createKey("bob-server", "user_bob");
    await createKey("shared-ci");
    const { user, router } = renderKeys("/settings/api-access");
    const table = await screen.findByRole("table", { name: "API keys" }, SERVER);
    const bobRow = within(table).getByRole("rowheader", { name: /^bob-server/ });
    expect(bobRow).toHaveTextContent("External ID: user_bob");
    expect(within(table).getByRole("rowheader", { name: /^shared-ci/ })).not.toHaveTextContent("External ID");

    await user.type(screen.getByLabelText("External ID"), "user_alice");
    await waitFor(
      () =>
        expect(
          within(screen.getByRole("table", { name: "API keys" }))
            .getAllByRole("rowheader")
            .map((header) => header.querySelector("a")?.textContent),
        ).toEqual(["alice-phone", "alice-laptop"]),
      SERVER,
    );
    expect(router.state.location.search).toBe("?externalId=user_alice");

    await user.clear(screen.getByLabelText("External ID"));
    await user.type(screen.getByLabelText("External ID"), "user_nobody");
    expect(await screen.findByRole("heading", { name: "No keys match" }, SERVER)).toBeInTheDocument();
    // Typing may pause past the debounce: wait for the answer about the whole id.
    expect(
      await screen.findByText(
        "No key belongs to the External ID “user_nobody” with these filters.",
        {},
        SERVER,
      ),
    ).toBeInTheDocument();
  });

  it("opens the list already filtered from the URL", async () => {
    renderKeys("/settings/api-access?externalId=user_bob");
    expect(await screen.findByLabelText("External ID", {}, SERVER)).toHaveValue("user_bob");
    const table = await screen.findByRole("table", { name: "API keys" }, SERVER);
    await waitFor(
      () =>
        expect(
          within(table)
            .getAllByRole("rowheader")
            .map((header) => header.querySelector("a")?.textContent),
        ).toEqual(["bob-server"]),
      SERVER,
    );
  });

  it("is the identity on key detail, whose keys an owner revokes together (and no others)", async () => {
    const [phone] = await keysOf("user_alice");
    if (!phone) throw new Error("no key of user_alice");
    const { user } = renderKeys(`/keys/${phone.id}`);
    expect(await screen.findByRole("heading", { level: 1, name: phone.name }, SERVER)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "All keys of user_alice" })).toHaveAttribute(
      "href",
      "/settings/api-access?externalId=user_alice",
    );
    await user.click(screen.getByRole("button", { name: "Revoke all keys of user_alice" }));
    const dialog = await screen.findByRole("dialog", { name: "Revoke all keys of user_alice?" });
    expect(dialog).toHaveTextContent(
      "Every key that belongs to user_alice is revoked at once, this one included",
    );
    await user.type(within(dialog).getByLabelText(/^Reason/), "device lost");
    await user.click(within(dialog).getByRole("button", { name: "Revoke all keys" }));
    await waitFor(
      () => expect(screen.queryByRole("dialog", { name: "Revoke all keys of user_alice?" })).toBeNull(),
      SERVER,
    );
    // The key on screen follows: its badges say Revoked.
    expect((await screen.findAllByText("Revoked", {}, SERVER)).length).toBeGreaterThan(0);
    expect((await keysOf("user_alice")).map((key) => [key.name, key.status, key.revokedReason])).toEqual([
      ["alice-phone", "revoked", "device lost"],
      ["alice-laptop", "revoked", "device lost"],
    ]);
    expect((await keysOf("user_bob")).map((key) => key.status)).toEqual(["active"]);
  });
});
