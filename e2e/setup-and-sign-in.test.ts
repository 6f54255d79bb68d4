/**
 * First run, in the browser: the owner opens the one-time setup link Keygate printed at its first
 * start, creates the owner account and lands signed in; signs out; signs in again (and is brought
 * back to the screen that asked for it); a wrong password shows the server's error and signs no
 * one in; the used setup link refuses a second owner.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { OWNER } from "./harness/api.js";
import { openTab } from "./harness/browser.js";
import { checkScreen } from "./harness/check-screen.js";
import { type KeygateProcess, SEED_TIMEOUT_MS, startKeygate } from "./harness/keygate-process.js";
import { describeInBrowser } from "./harness/skip.js";

describeInBrowser("first-run setup, sign in and sign out", () => {
  let keygate: KeygateProcess;
  let setupUrl: string;

  beforeAll(async () => {
    keygate = await startKeygate({ dataDir: "empty" });
    setupUrl = keygate.setupUrl ?? "";
  }, SEED_TIMEOUT_MS);
  afterAll(() => keygate?.dispose());

  it("creates the owner from the printed setup link, signs out and signs in again", async () => {
    expect(setupUrl).toMatch(new RegExp(`^${keygate.url}/setup\\?token=[A-Za-z0-9_-]{20,}$`));
    const tab = await openTab(keygate);
    const { page } = tab;

    await page.goto(setupUrl);
    await page.getByRole("heading", { name: "Set up Keygate" }).waitFor();
    await checkScreen(page, "setup");
    await page.getByLabel("Your name", { exact: true }).fill(OWNER.name);
    await page.getByLabel("Email", { exact: true }).fill(OWNER.email);
    await page.getByLabel("Password", { exact: true }).fill(OWNER.password);
    await page.getByRole("button", { name: "Create owner account" }).click();

    await page.waitForURL(`${keygate.url}/settings/api-access`);
    const userMenu = page.getByRole("button", { name: OWNER.name });
    await userMenu.waitFor();
    await checkScreen(page, "signed-in-after-setup");

    await userMenu.click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL(`${keygate.url}/sign-in`);
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await checkScreen(page, "sign-in");
    // This test's own check that nobody is signed in answers 401, which Chromium logs.
    tab.allowFailedResponse(401, "/v1/auth/me");
    const me = await page.evaluate(async () => (await fetch("/v1/auth/me")).status);
    expect(me).toBe(401);

    // A screen opened while signed out asks for a sign-in, then comes back.
    await page.goto(`${keygate.url}/audit`);
    await page.waitForURL(`${keygate.url}/sign-in?next=%2Faudit`);
    await page.getByLabel("Email", { exact: true }).fill(OWNER.email);
    await page.getByLabel("Password", { exact: true }).fill(OWNER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${keygate.url}/audit`);
    await page.getByRole("button", { name: OWNER.name }).waitFor();
  });

  it("shows the server's error for a wrong password and signs no one in", async () => {
    const tab = await openTab(keygate);
    const { page } = tab;
    tab.allowFailedResponse(401, "/v1/auth/login");

    await page.goto(`${keygate.url}/sign-in`);
    await page.getByLabel("Email", { exact: true }).fill(OWNER.email);
    await page.getByLabel("Password", { exact: true }).fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();

    const alert = page.getByRole("alert").filter({ hasText: "wrong" });
    await alert.waitFor();
    expect(await alert.textContent()).toBe("Email or password is wrong");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await checkScreen(page, "sign-in-wrong-password");
    tab.allowFailedResponse(401, "/v1/auth/me");
    const me = await page.evaluate(async () => (await fetch("/v1/auth/me")).status);
    expect(me).toBe(401);
  });

  it("refuses the used setup link a second time", async () => {
    const tab = await openTab(keygate);
    const { page } = tab;
    tab.allowFailedResponse(400, "/v1/setup");

    await page.goto(setupUrl);
    await page.getByLabel("Your name", { exact: true }).fill("Mallory");
    await page.getByLabel("Email", { exact: true }).fill("mallory@example.com");
    await page.getByLabel("Password", { exact: true }).fill("another long password");
    await page.getByRole("button", { name: "Create owner account" }).click();

    const alert = page.getByRole("alert").filter({ hasText: "setup link" });
    await alert.waitFor();
    expect(await alert.textContent()).toBe("The setup link is not valid or was already used");
    expect(new URL(page.url()).pathname).toBe("/setup");
    await checkScreen(page, "setup-link-used");
  });
});
