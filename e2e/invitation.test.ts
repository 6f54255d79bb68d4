/**
 * An invitation accepted by a second person, in the browser: the owner invites an email as a
 * developer from Members, copies the one-use link (read back from the clipboard), and a second
 * person opens it in a browser of their own, creates their account and lands in the workspace,
 * signed in, seeing its apps. The owner then sees them as a member; the used link no longer works.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiSession, completeSetup, data } from "./harness/api.js";
import { openTab } from "./harness/browser.js";
import { checkScreen } from "./harness/check-screen.js";
import { type KeygateProcess, SEED_TIMEOUT_MS, startKeygate } from "./harness/keygate-process.js";
import { describeInBrowser } from "./harness/skip.js";

const INVITEE = { name: "Ines Invitee", email: "ines@example.com", password: "invitee password 123" };

describeInBrowser("an invitation accepted by a second person", () => {
  let keygate: KeygateProcess;
  let owner: ApiSession;

  beforeAll(async () => {
    keygate = await startKeygate();
    owner = await completeSetup(keygate);
    await data(
      owner.client.POST("/v1/apps", {
        body: { title: "Storefront", description: "The public shop", environment: "development", apiIds: [] },
      }),
    );
  }, SEED_TIMEOUT_MS);
  afterAll(() => keygate?.dispose());

  it("is created and copied by the owner, accepted in a fresh browser, and then used up", async () => {
    const ownerTab = await openTab(keygate, { session: owner });
    const page = ownerTab.page;
    await page.goto(`${keygate.url}/settings/members`);
    await page.getByRole("heading", { name: "Members", level: 1 }).waitFor();
    await page.getByText(owner.signedIn.user.email).first().waitFor();
    await checkScreen(page, "members");

    await page.getByRole("button", { name: "Invite member" }).click();
    const inviteDialog = page.getByRole("dialog", { name: "Invite member" });
    await inviteDialog.getByLabel("Email", { exact: true }).fill(INVITEE.email);
    await inviteDialog.getByRole("combobox", { name: /^Role\b/ }).selectOption({ label: "Developer" });
    await checkScreen(page, "invite-member");
    await inviteDialog.getByRole("button", { name: "Create invitation" }).click();

    const created = page.getByRole("dialog", { name: "Invitation created" });
    await created.waitFor();
    const link = await created.getByLabel("Invitation link").inputValue();
    expect(link).toMatch(new RegExp(`^${keygate.url}/invite\\?token=[A-Za-z0-9_-]{20,}$`));
    await created.getByRole("button", { name: "Copy" }).click();
    await created.getByRole("button", { name: "Copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await checkScreen(page, "invitation-created");
    await created.getByRole("button", { name: "Done" }).click();
    await created.waitFor({ state: "detached" });
    const pending = page.getByRole("region", { name: /pending invitations/i });
    await pending.getByText(INVITEE.email).waitFor();
    await checkScreen(page, "members-invitation-pending");

    // The second person: another browser context, nobody signed in.
    const inviteeTab = await openTab(keygate);
    const invitee = inviteeTab.page;
    await invitee.goto(link);
    await invitee.getByRole("heading", { name: "Join Default workspace" }).waitFor();
    await invitee.getByText("You are invited as developer.", { exact: false }).waitFor();
    await invitee.getByText(INVITEE.email).waitFor();
    await checkScreen(invitee, "invite-accept");
    await invitee.getByLabel("Your name", { exact: true }).fill(INVITEE.name);
    await invitee.getByLabel("Password", { exact: true }).fill(INVITEE.password);
    await invitee.getByRole("button", { name: "Join Default workspace" }).click();

    await invitee.waitForURL(`${keygate.url}/settings/api-access`);
    await invitee.getByRole("button", { name: INVITEE.name }).waitFor();
    await invitee.goto(`${keygate.url}/apps`);
    await invitee.getByRole("list", { name: "Apps" }).getByText("Storefront").waitFor();
    expect(
      await invitee.evaluate(async () => {
        const me = (await (await fetch("/v1/auth/me")).json()) as {
          role: string;
          workspace: { name: string };
        };
        return { role: me.role, workspace: me.workspace.name };
      }),
    ).toEqual({ role: "developer", workspace: "Default workspace" });
    await checkScreen(invitee, "invitee-apps");

    await page.reload();
    const member = page
      .getByRole("list", { name: "Members" })
      .getByRole("listitem")
      .filter({ hasText: INVITEE.email });
    await member.waitFor();
    expect(await member.textContent()).toContain(INVITEE.name);
    expect(await member.getByRole("combobox", { name: `Role for ${INVITEE.name}` }).inputValue()).toBe(
      "developer",
    );
    expect(
      await page
        .getByRole("region", { name: /pending invitations/i })
        .getByText(INVITEE.email)
        .count(),
    ).toBe(0);
    await checkScreen(page, "members-after-joining");

    // The link worked once.
    const thirdTab = await openTab(keygate);
    thirdTab.allowFailedResponse(404, "/v1/invitations/lookup");
    await thirdTab.page.goto(link);
    await thirdTab.page.getByRole("heading", { name: "This invitation link does not work" }).waitFor();
    await checkScreen(thirdTab.page, "invite-used");
  });
});
