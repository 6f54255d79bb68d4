/**
 * The secret shown once: its words, Copy putting the exact secret on the clipboard and saying
 * "Copied", a pair's two values, and only Done closing it (not Escape).
 */
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { SecretOnceDialog } from "./SecretOnceDialog";

const TOKEN = "acme_4eC39HqLyjWDarjtT1zdp7dcGkR0aBcD1x2Y3z";

describe("SecretOnceDialog", () => {
  it("shows the key once, copies it to the clipboard and says Copied", async () => {
    const user = userEvent.setup();
    render(
      <SecretOnceDialog
        secret={{ kind: "token", keyName: "crm-integration", key: TOKEN }}
        onDone={() => {}}
      />,
    );
    const dialog = screen.getByRole("dialog", { name: "Copy your API key" });
    expect(dialog).toHaveTextContent("It will not be shown again.");
    expect(within(dialog).getByRole("group", { name: "API key" })).toHaveTextContent(TOKEN);
    await user.click(within(dialog).getByRole("button", { name: "Copy" }));
    expect(within(dialog).getByRole("button", { name: "Copied" })).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(TOKEN);
  });

  it("shows a pair's Shared Key and Secret Key, each with its own Copy", async () => {
    const user = userEvent.setup();
    render(
      <SecretOnceDialog
        secret={{
          kind: "pair",
          keyName: "mes-integration",
          sharedKey: "acme_pk_shared",
          secretKey: "acme_secret",
        }}
        onDone={() => {}}
      />,
    );
    const dialog = screen.getByRole("dialog", { name: "Successfully Generated your API Keys!" });
    expect(dialog).toHaveTextContent("It will not be shown again.");
    const secret = within(dialog).getByRole("group", { name: "Secret Key" });
    await user.click(within(secret).getByRole("button", { name: "Copy" }));
    expect(await navigator.clipboard.readText()).toBe("acme_secret");
    expect(within(secret).getByRole("button", { name: "Copied" })).toBeInTheDocument();
    const shared = within(dialog).getByRole("group", { name: "Shared Key" });
    expect(within(shared).getByRole("button", { name: "Copy" })).toBeInTheDocument();
    await user.click(within(shared).getByRole("button", { name: "Copy" }));
    expect(await navigator.clipboard.readText()).toBe("acme_pk_shared");
  });

  it("closes only with Done, not with Escape", async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    render(
      <SecretOnceDialog secret={{ kind: "token", keyName: "crm-integration", key: TOKEN }} onDone={onDone} />,
    );
    expect(screen.queryByRole("button", { name: "Close" })).toBeNull();
    await user.keyboard("{Escape}");
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByRole("dialog", { name: "Copy your API key" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Done" }));
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it("renders nothing without a secret", () => {
    render(<SecretOnceDialog secret={null} onDone={() => {}} />);
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
