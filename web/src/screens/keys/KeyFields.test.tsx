/** A key's details against a real Keygate: its named rate limits, each with its name and window. */
import { screen, within } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveKeygate, startLiveKeygate } from "../../../test/live-keygate";
import { renderWithClient } from "../../../test/render";
import type { CreatedKey, KeyObject } from "../../api/types";
import { RequireSession } from "../../app/session";
import { KeyFields } from "./KeyFields";

let keygate: LiveKeygate;

beforeAll(async () => {
  keygate = await startLiveKeygate();
  keygate.connect();
  await keygate.signIn();
}, 120_000);

afterAll(async () => {
  await keygate?.stop();
});

async function createdKey(body: Record<string, unknown>): Promise<KeyObject> {
  const created = (await (await keygate.request("/v1/keys", { method: "POST", body })).json()) as CreatedKey;
  return (await (await keygate.request(`/v1/keys/${created.id}`)).json()) as KeyObject;
}

/** The definition next to a term of the details list. */
function definitionOf(term: string): HTMLElement {
  const row = screen.getByText(term, { selector: "dt" }).parentElement;
  const definition = row?.querySelector("dd");
  if (!(definition instanceof HTMLElement)) throw new Error(`no definition for ${term}`);
  return definition;
}

describe("KeyFields", () => {
  it("lists every named rate limit with its requests and window", async () => {
    const key = await createdKey({
      name: "limited",
      rateLimits: [
        { name: "default", limit: 1000, windowMs: 60_000 },
        { name: "burst", limit: 10, windowMs: 1000 },
      ],
    });
    renderWithClient(
      <RequireSession>
        <KeyFields apiKey={key} appTitle={undefined} />
      </RequireSession>,
    );
    await screen.findByText("Rate limits", { selector: "dt" });
    const items = within(definitionOf("Rate limits")).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "default: 1,000 requests per 60 seconds",
      "burst: 10 requests per 1 second",
    ]);
  });

  it("says None for a key without rate limits", async () => {
    const key = await createdKey({ name: "unlimited" });
    renderWithClient(
      <RequireSession>
        <KeyFields apiKey={key} appTitle={undefined} />
      </RequireSession>,
    );
    await screen.findByText("Rate limits", { selector: "dt" });
    expect(definitionOf("Rate limits")).toHaveTextContent(/^None$/);
  });
});
