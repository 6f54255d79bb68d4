/**
 * The check every e2e test makes of each screen it visits: no serious or critical axe-core
 * violation, and a screenshot saved for review.
 *
 * @example await checkScreen(page, "audit-log");   // axe, then e2e/screenshots/audit-log.png
 */
import type { Page } from "playwright-core";
import { expectAccessible } from "./axe.js";
import { screenshot } from "./screenshots.js";

/** Screenshots the screen (first, so a failing screen is still saved), then checks it with axe. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await expectAccessible(page, name);
}
