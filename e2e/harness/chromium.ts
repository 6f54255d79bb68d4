/**
 * Which Chromium the browser tests drive and how it starts: Debian's package (`.ci/run` installs
 * it with apt when it is missing), headless, with exactly the flags the issue names. Nothing here
 * ever downloads a browser.
 */
import { existsSync } from "node:fs";

/** Debian's Chromium (`apt-get install -y chromium`). */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** The command-line flags of every launch. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
] as const;

/** Whether the Chromium the tests drive is installed. */
export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}
