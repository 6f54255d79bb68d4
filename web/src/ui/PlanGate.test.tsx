/**
 * The Upgrade required screen against a real Keygate: its words for a plan without API Access
 * (the free plan's entitlements as `GET /v1/plans` gives them), every plan from the API, no key
 * controls; and the gated screen itself for a plan that includes the feature.
 */
import { screen, within } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveKeygate, startLiveKeygate } from "../../test/live-keygate";
import { renderWithClient } from "../../test/render";
import type { Json, Workspace } from "../api/types";
import { RequireSession } from "../app/session";
import { PlanGate, UpgradeRequired } from "./PlanGate";

let keygate: LiveKeygate;
let freeWorkspace: Workspace;

beforeAll(async () => {
  keygate = await startLiveKeygate();
  keygate.connect();
  await keygate.signIn();
  const workspace = (await (await keygate.request("/v1/workspace")).json()) as Workspace;
  const plans = (await (await keygate.request("/v1/plans")).json()) as Json<"/v1/plans", "get">;
  const free = plans.data.find((plan) => plan.id === "free");
  if (!free) throw new Error("GET /v1/plans has no free plan");
  freeWorkspace = { ...workspace, name: "Acme", plan: "free", entitlements: free.entitlements };
}, 120_000);

afterAll(async () => {
  await keygate?.stop();
});

describe("UpgradeRequired", () => {
  it("says what the plan lacks and whom an admin asks, and offers no key controls", async () => {
    renderWithClient(<UpgradeRequired feature="apiAccess" workspace={freeWorkspace} memberRole="admin" />);
    expect(screen.getByRole("heading", { level: 1, name: "Upgrade required" })).toBeInTheDocument();
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent(
      "API Access is available only on supported paid plans. The Free plan of Acme does not include it.",
    );
    expect(alert).toHaveTextContent(
      "The Free plan lacks: API Access, IP allowlists, Rate limits and quotas, Audit log export (CSV).",
    );
    expect(alert).toHaveTextContent(
      "Ask an owner of Acme to upgrade the plan; plans are set by the operator who runs this Keygate.",
    );
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.queryByRole("textbox")).toBeNull();
  });

  it("shows every plan from the API with what it includes, the current one marked", async () => {
    renderWithClient(<UpgradeRequired feature="apiAccess" workspace={freeWorkspace} memberRole="owner" />);
    const plans = screen.getByRole("list", { name: "Plans" });
    expect(await within(plans).findByRole("heading", { name: "Enterprise" })).toBeInTheDocument();
    const headings = within(plans)
      .getAllByRole("heading", { level: 3 })
      .map((heading) => heading.textContent);
    expect(headings).toEqual(["Free", "Pro", "Enterprise"]);
    const free = screen.getByRole("heading", { name: "Free" }).closest("li");
    const pro = screen.getByRole("heading", { name: "Pro" }).closest("li");
    if (!free || !pro) throw new Error("plan cards missing");
    expect(free).toHaveTextContent("Current plan");
    expect(free).toHaveTextContent("API Access: not included");
    expect(free).toHaveTextContent("Up to 3 members");
    expect(free).toHaveTextContent("No API keys");
    expect(pro).not.toHaveTextContent("Current plan");
    expect(pro).toHaveTextContent("API Access: included");
    expect(pro).toHaveTextContent("Up to 25 members");
    expect(pro).toHaveTextContent("Up to 10,000 API keys");
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Plans are set by the operator who runs this Keygate. Ask them to move Acme to a plan that includes it.",
    );
  });
});

describe("PlanGate", () => {
  it("shows the screen itself when the plan includes the feature", async () => {
    renderWithClient(
      <RequireSession>
        <PlanGate feature="apiAccess">
          <h1>API Keys</h1>
        </PlanGate>
      </RequireSession>,
    );
    expect(await screen.findByRole("heading", { name: "API Keys" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Upgrade required" })).toBeNull();
  });
});
