/**
 * The browser of the e2e tests: ONE headless Chromium per worker process, launched on first use
 * and shared by every test file that worker runs (closed when the process ends), and a fresh
 * context per tab: its own cookies and storage, viewport 1280x800 (or 390x844 for the mobile
 * layout), and clipboard read/write granted for the Keygate under test.
 *
 * Every console error and uncaught page error of a tab is collected; when the test ends
 * (`closeOpenTabs`, run after each test by `describeInBrowser`), a tab that logged any fails the
 * test with the list. A response the test provokes on purpose (a 401 for a wrong password) makes
 * Chromium log "Failed to load resource"; the test declares it with `allowFailedResponse`.
 *
 * @example
 * const tab = await openTab(keygate, { session: owner }); // signed in with an API session's cookie
 * await tab.page.goto(`${keygate.url}/settings/api-access`);
 */
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import type { ApiSession } from "./api.js";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.js";

export const DESKTOP_VIEWPORT = { width: 1280, height: 800 } as const;
export const MOBILE_VIEWPORT = { width: 390, height: 844 } as const;

let launched: Promise<Browser> | undefined;

/** This worker's Chromium, launched on the first call. */
export function sharedBrowser(): Promise<Browser> {
  if (!launched) {
    const launching = chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
    launched = launching;
    launching.then(
      (browser) => {
        browser.on("disconnected", () => {
          if (launched === launching) launched = undefined;
        });
        process.once("beforeExit", () => {
          void browser.close();
        });
      },
      () => {
        if (launched === launching) launched = undefined;
      },
    );
  }
  return launched;
}

/** A failed response the test expects (Chromium logs each as a console error). */
export interface ExpectedFailure {
  status: number;
  /** The request's path, `/v1/auth/login`. */
  path: string;
}

export interface BrowserTab {
  readonly context: BrowserContext;
  readonly page: Page;
  /** The console and page errors seen so far, one line each. */
  readonly problems: string[];
  /** Declares a failed response the test provokes, so its console line is not a problem. */
  allowFailedResponse(status: number, path: string): void;
  /** Closes the context; throws when the tab logged any unexpected error. */
  close(): Promise<void>;
}

export interface TabOptions {
  /** `mobile`: 390x844 with touch; `desktop` (default): 1280x800. */
  viewport?: "desktop" | "mobile";
  /** Signs the tab in: the session cookie of this API session is set before the first page. */
  session?: ApiSession;
}

const openTabs = new Set<BrowserTab>();
const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of (\d{3})/;

function describeProblems(problems: string[], lastUrl: string): string {
  const lines = problems.map((line) => `  - ${line}`).join("\n");
  return `the tab last at ${lastUrl} logged ${problems.length} error(s):\n${lines}`;
}

/** Opens a new context and page on the Keygate at `target.url`. */
export async function openTab(target: { url: string }, options: TabOptions = {}): Promise<BrowserTab> {
  const browser = await sharedBrowser();
  const mobile = options.viewport === "mobile";
  const context = await browser.newContext({
    viewport: mobile ? MOBILE_VIEWPORT : DESKTOP_VIEWPORT,
    isMobile: mobile,
    hasTouch: mobile,
    locale: "en-US",
    timezoneId: "UTC",
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: target.url });
  if (options.session) {
    await context.addCookies([
      { ...options.session.cookie, url: target.url, httpOnly: true, sameSite: "Lax" },
    ]);
  }
  const page = await context.newPage();
  const problems: string[] = [];
  const allowed: ExpectedFailure[] = [];

  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const failed = FAILED_RESOURCE.exec(message.text());
    const where = message.location().url;
    if (failed) {
      const status = Number(failed[1]);
      const path = where ? new URL(where).pathname : "";
      if (allowed.some((expected) => expected.status === status && expected.path === path)) return;
      problems.push(`console: ${message.text()} (${where})`);
      return;
    }
    problems.push(`console: ${message.text()}${where ? ` (${where})` : ""}`);
  });
  page.on("pageerror", (error) => {
    problems.push(`page error: ${error.stack ?? error.message}`);
  });

  const tab: BrowserTab = {
    context,
    page,
    problems,
    allowFailedResponse(status, path) {
      allowed.push({ status, path });
    },
    async close() {
      openTabs.delete(tab);
      const lastUrl = page.url();
      await context.close();
      if (problems.length > 0) throw new Error(describeProblems(problems, lastUrl));
    },
  };
  openTabs.add(tab);
  return tab;
}

/** Closes every tab still open, then fails if any of them logged an unexpected error. */
export async function closeOpenTabs(): Promise<void> {
  const failures: string[] = [];
  for (const tab of [...openTabs]) {
    try {
      await tab.close();
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (failures.length > 0) throw new Error(failures.join("\n"));
}
