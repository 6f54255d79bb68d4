/**
 * The webhook screens against a real Keygate: the empty state, Add endpoint refusing what it can
 * before sending and showing the server's refusal of the URL next to the field, the signing
 * secret shown once (and never listed again), the endpoint's detail, and Send test event putting a
 * webhook.test delivery in its log.
 */
import { screen, within } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { Outlet } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveKeygate, startLiveKeygate } from "../../../test/live-keygate";
import { renderRoutes } from "../../../test/render";
import { RequireSession } from "../../app/session";
import { WebhookDetailScreen } from "./WebhookDetailScreen";
import { WebhooksScreen } from "./WebhooksScreen";

let keygate: LiveKeygate;

beforeAll(async () => {
  keygate = await startLiveKeygate();
  keygate.connect();
  await keygate.signIn();
}, 120_000);

afterAll(async () => {
  await keygate?.stop();
});

function renderAt(path: string) {
  const view = renderRoutes(
    [
      {
        element: (
          <RequireSession>
            <Outlet />
          </RequireSession>
        ),
        // The screens themselves, not routes.tsx's lazy ones: no wait for a chunk in jsdom.
        children: [
          { path: "/webhooks", element: <WebhooksScreen /> },
          { path: "/webhooks/:webhookId", element: <WebhookDetailScreen /> },
        ],
      },
    ],
    path,
  );
  return { ...view, user: userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never }) };
}

/** The texts tied to a control through aria-describedby. */
function described(control: HTMLElement): string {
  const ids = control.getAttribute("aria-describedby")?.split(" ") ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" | ");
}

describe("the webhook screens", () => {
  it("adds an endpoint, shows its secret once, and sends a test event from its detail", async () => {
    const { user, router } = renderAt("/webhooks");
    // The first answer of a freshly started server may take a moment.
    await screen.findByRole("heading", { name: "No webhook endpoints yet" }, { timeout: 10_000 });
    await user.click(screen.getByRole("button", { name: "Add endpoint" }));
    const dialog = await screen.findByRole("dialog", { name: "Add endpoint" });

    // The form's own checks: nothing is sent.
    await user.click(within(dialog).getByRole("button", { name: "Add endpoint" }));
    const url = within(dialog).getByLabelText("Endpoint URL");
    expect(url).toHaveAttribute("aria-invalid", "true");
    expect(described(url)).toContain("Enter the URL that receives the events");
    expect(within(dialog).getByText("Choose at least one event")).toBeInTheDocument();
    // The first workspace is the operator's (the platform's own): it may hear every tenant.
    expect(within(dialog).getByLabelText("Receive the events of every tenant")).not.toBeChecked();

    // The server's refusal of plain http lands next to the URL.
    await user.type(url, "http://hooks.example.com/keygate");
    // A field the person corrected stops showing the last submit's error.
    expect(described(url)).not.toContain("Enter the URL that receives the events");
    expect(within(dialog).getByText("Choose at least one event")).toBeInTheDocument();
    await user.click(within(dialog).getByLabelText("Select all"));
    expect(within(dialog).queryByText("Choose at least one event")).toBeNull();
    expect(within(dialog).getByText("14 of 14 selected")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("checkbox", { name: /^Key unused/ }));
    expect(within(dialog).getByText("13 of 14 selected")).toBeInTheDocument();
    expect(within(dialog).getByLabelText("Select all")).toHaveProperty("indeterminate", true);
    await user.click(within(dialog).getByRole("button", { name: "Add endpoint" }));
    await expect.poll(() => url.getAttribute("aria-invalid")).toBe("true");
    expect(described(url)).toMatch(/https/);
    expect((await (await keygate.request("/v1/webhooks")).json()).data).toEqual([]);

    await user.clear(url);
    await user.type(url, "https://hooks.example.com/keygate");
    await user.type(within(dialog).getByLabelText(/^Description/), "Billing service");
    await user.click(within(dialog).getByRole("button", { name: "Add endpoint" }));

    const secretDialog = await screen.findByRole("dialog", { name: "Copy the signing secret" });
    const secret = within(within(secretDialog).getByRole("group", { name: "Signing secret" })).getByText(
      /^whsec_/,
    ).textContent;
    expect(secret).toMatch(/^whsec_\S{20,}$/);
    expect(within(secretDialog).getByText("verifyWebhook")).toBeInTheDocument();
    const listed = await (await keygate.request("/v1/webhooks")).text();
    expect(listed).toContain("https://hooks.example.com/keygate");
    expect(listed).not.toContain(secret);
    await user.click(within(secretDialog).getByRole("button", { name: "Done" }));

    // Done opens the endpoint.
    await screen.findByRole("heading", { name: "Billing service", level: 1 });
    expect(router.state.location.pathname).toMatch(/^\/webhooks\/.+/);
    await screen.findByRole("heading", { name: "No deliveries yet" });
    expect(screen.getByRole("switch", { name: "Enabled" })).toBeChecked();

    await user.click(screen.getByRole("button", { name: "Send test event" }));
    const log = await screen.findByRole("table", { name: "Deliveries, newest first" });
    const row = within(log).getByText("webhook.test").closest("tr") as HTMLElement;
    expect(within(row).getByText("Test event")).toBeInTheDocument();

    // The row opens to the body that is sent and the attempts so far.
    await user.click(within(row).getByRole("button", { name: /Test event/ }));
    const body = await screen.findByRole("region", { name: "Body of Test event" });
    expect(within(body).getByText(/"type": "webhook.test"/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Redeliver" })).toBeInTheDocument();

    // Back on the list: the endpoint with its events.
    await router.navigate("/webhooks");
    const list = await screen.findByRole("list", { name: "Webhook endpoints" });
    expect(within(list).getByRole("link", { name: "https://hooks.example.com/keygate" })).toBeInTheDocument();
    expect(within(list).getByText("13 events")).toBeInTheDocument();
    expect(within(list).getByText("Enabled")).toBeInTheDocument();
  });
});
