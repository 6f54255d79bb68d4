/**
 * The browser tests' suite wrapper: without Chromium at {@link CHROMIUM_PATH}, a suite is skipped
 * with a printed reason, except under CI (`CI` set), where it fails with that reason instead, so
 * CI can never pass without running them. Inside, every browser tab a test opened is checked for
 * console and page errors and closed after the test (see browser.ts).
 *
 * @example
 * describeInBrowser("first-run setup", () => {
 *   it("creates the owner from the printed link", async () => { ... });
 * });
 */
import { afterEach, describe, it } from "vitest";
import { closeOpenTabs } from "./browser.js";
import { CHROMIUM_PATH, chromiumInstalled } from "./chromium.js";

/** Why the browser tests cannot run here, or undefined when they can. */
export function missingBrowserReason(): string | undefined {
  if (chromiumInstalled()) return undefined;
  return `Chromium is not installed at ${CHROMIUM_PATH} (install it with: apt-get update && apt-get install -y chromium)`;
}

/** `describe` for a browser suite: skipped with a printed reason without Chromium, failed under CI. */
export function describeInBrowser(name: string, body: () => void): void {
  const reason = missingBrowserReason();
  if (reason && process.env.CI) {
    describe(name, () => {
      it("has Chromium to run in (CI always runs the browser tests)", () => {
        throw new Error(`CI is set but ${reason}`);
      });
    });
    return;
  }
  if (reason) console.log(`[e2e] skipping "${name}": ${reason}`);
  describe.skipIf(reason !== undefined)(name, () => {
    afterEach(closeOpenTabs);
    body();
  });
}
