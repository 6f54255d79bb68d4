/**
 * The Recoverable keys switch: turning it on changes it at once; turning it off first asks, says
 * every kept secret is erased, and changes nothing on Cancel; read-only without workspace:write.
 * The workspace is a real Keygate's, and the switch's change goes to it.
 */
import { screen, within } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveKeygate, startLiveKeygate } from "../../../test/live-keygate";
import { renderWithClient } from "../../../test/render";
import { api, unwrap } from "../../api/client";
import type { Workspace } from "../../api/types";
import { RecoverableKeysSection } from "./RecoverableKeysSection";

let keygate: LiveKeygate;

beforeAll(async () => {
  keygate = await startLiveKeygate();
  keygate.connect();
  await keygate.signIn();
}, 120_000);

afterAll(async () => {
  await keygate?.stop();
});

const readWorkspace = () => unwrap(api.GET("/v1/workspace"));
const setRecoverable = (recoverableKeys: boolean) =>
  unwrap(api.PATCH("/v1/workspace", { body: { recoverableKeys } }));

function Section({ workspace, canEdit = true }: { workspace: Workspace; canEdit?: boolean }) {
  return <RecoverableKeysSection workspace={workspace} canEdit={canEdit} onChange={setRecoverable} />;
}

describe("RecoverableKeysSection", () => {
  it("is off by default and turns on at once, without asking", async () => {
    const workspace = await readWorkspace();
    expect(workspace.recoverableKeys).toBe(false);
    const { user } = renderWithClient(<Section workspace={workspace} />);
    const toggle = screen.getByRole("switch", { name: "Keys can be revealed later" });
    expect(toggle).toHaveAttribute("aria-checked", "false");
    await user.click(toggle);
    expect(screen.queryByRole("dialog")).toBeNull();
    await expect.poll(async () => (await readWorkspace()).recoverableKeys).toBe(true);
  });

  it("asks before turning off, says the kept secrets are erased, and keeps it on when cancelled", async () => {
    await setRecoverable(true);
    const workspace = await readWorkspace();
    const { user } = renderWithClient(<Section workspace={workspace} />);
    await user.click(screen.getByRole("switch", { name: "Keys can be revealed later" }));

    const dialog = screen.getByRole("dialog", { name: "Turn off recoverable keys?" });
    expect(dialog).toHaveTextContent(
      `Every secret kept for ${workspace.name} is erased at once: no existing key can be revealed again, even if you turn this back on. Keys keep working; new keys are shown once only.`,
    );
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect((await readWorkspace()).recoverableKeys).toBe(true);

    await user.click(screen.getByRole("switch", { name: "Keys can be revealed later" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Turn off" }));
    await expect.poll(async () => (await readWorkspace()).recoverableKeys).toBe(false);
  });

  it("is read-only for someone who may not change the workspace", async () => {
    renderWithClient(<Section workspace={await readWorkspace()} canEdit={false} />);
    expect(screen.getByRole("switch", { name: "Keys can be revealed later" })).toBeDisabled();
  });
});
