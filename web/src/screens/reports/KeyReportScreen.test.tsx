/**
 * The key hygiene report against a real Keygate: the summary counts each policy's breaches and
 * says "Not checked" for a policy the workspace has off, each key lists the policies it breaks,
 * "Only keys breaking a policy" narrows the table (kept in the URL), and Download CSV is the same
 * report as a file.
 */
import { screen, within } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { Outlet } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveKeygate, startLiveKeygate } from "../../../test/live-keygate";
import { renderRoutes } from "../../../test/render";
import { RequireSession } from "../../app/session";
import { KeyReportScreen } from "./KeyReportScreen";

const DAY_MS = 86_400_000;

let keygate: LiveKeygate;

beforeAll(async () => {
  keygate = await startLiveKeygate();
  keygate.connect();
  await keygate.signIn();
}, 120_000);

afterAll(async () => {
  await keygate?.stop();
});

function renderReport() {
  const view = renderRoutes(
    [
      {
        element: (
          <RequireSession>
            <Outlet />
          </RequireSession>
        ),
        children: [{ path: "/reports/keys", element: <KeyReportScreen /> }],
      },
    ],
    "/reports/keys",
  );
  return { ...view, user: userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never }) };
}

async function createKey(name: string, expiresInDays?: number) {
  const expiresAt = expiresInDays === undefined ? undefined : new Date(Date.now() + expiresInDays * DAY_MS);
  const response = await keygate.request("/v1/keys", {
    method: "POST",
    body: { name, ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}) },
  });
  expect(response.status).toBe(201);
}

/** Each summary card's label and what it shows. */
async function summary(): Promise<Record<string, string | null | undefined>> {
  const cards = within(await screen.findByLabelText("Summary"));
  return Object.fromEntries(
    cards.getAllByRole("term").map((term) => [term.textContent, term.nextElementSibling?.textContent]),
  );
}

/** Each row's key name and the breaches it lists ("None" when it breaks nothing). */
function breachesByKey(): Record<string, string[]> {
  const table = screen.getByRole("table", { name: "Key hygiene, one row per key" });
  const rows = within(table).getAllByRole("row").slice(1);
  return Object.fromEntries(
    rows.map((row) => {
      const name = within(row).getByRole("link").textContent ?? "";
      const list = within(row).queryByRole("list");
      return [
        name,
        list
          ? within(list)
              .getAllByRole("listitem")
              .map((item) => item.textContent ?? "")
          : ["None"],
      ];
    }),
  );
}

describe("the key hygiene report", () => {
  it("counts each policy's breaches, says which policies are off, and narrows to the keys breaking one", async () => {
    await createKey("no expiry");
    await createKey("sixty days", 60);
    await createKey("ten days", 10);

    // The defaults: rotation every 90 days and unused after 30 are checked; expiry and lifetime are off.
    const first = renderReport();
    await screen.findByText(
      /Policy: rotate every 90 days · unused after 30 days · expiry optional · no maximum lifetime\./,
      undefined,
      { timeout: 10_000 },
    );
    expect(await summary()).toEqual({
      Keys: "3",
      "Breaking a policy": "0",
      Leaked: "0",
      "Rotation overdue": "0",
      "Lifetime exceeded": "Not checked",
      "No expiry": "Not checked",
      Unused: "0",
    });
    expect(breachesByKey()).toEqual({ "no expiry": ["None"], "sixty days": ["None"], "ten days": ["None"] });
    first.unmount();

    const policy = await keygate.request("/v1/workspace", {
      method: "PATCH",
      body: {
        policy: { maxKeyLifetimeSeconds: 30 * 86_400, expiryRequired: true, rotationReminderDays: null },
      },
    });
    expect(policy.status).toBe(200);

    const { user, router } = renderReport();
    await screen.findByText(
      /Policy: no rotation reminder · unused after 30 days · expiry required · at most 30 days long\./,
      undefined,
      { timeout: 10_000 },
    );
    expect(await summary()).toEqual({
      Keys: "3",
      "Breaking a policy": "2",
      Leaked: "0",
      "Rotation overdue": "Not checked",
      "Lifetime exceeded": "2",
      "No expiry": "1",
      Unused: "0",
    });
    expect(breachesByKey()).toEqual({
      "no expiry": ["No expiry", "Lifetime exceeded"],
      "sixty days": ["Lifetime exceeded"],
      "ten days": ["None"],
    });

    await user.click(screen.getByLabelText("Only keys breaking a policy"));
    expect(router.state.location.search).toBe("?breaking=true");
    expect(Object.keys(breachesByKey())).toEqual(["no expiry", "sixty days"]);
    expect(screen.getByText("2 keys")).toBeInTheDocument();

    const download = screen.getByRole("link", { name: "Download CSV" });
    expect(download).toHaveAttribute("href", "/v1/reports/keys?format=csv");
    expect(download).toHaveAttribute("download");
    const csv = await keygate.request("/v1/reports/keys?format=csv");
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect((await csv.text()).split("\n").filter((line) => line.includes("sixty days"))).toHaveLength(1);
  });
});
