/**
 * Screenshots of every screen an e2e run visits, under e2e/screenshots/ (ignored by git), for a
 * person to look at: `<name>.png`, the whole page.
 *
 * @example await screenshot(page, "keys-table");   // e2e/screenshots/keys-table.png
 */
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";

export const SCREENSHOTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../screenshots");

/** Saves the whole page as e2e/screenshots/<name>.png and returns the file's path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
    throw new Error(`screenshot name "${name}": use lowercase words and dashes`);
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: "disabled" });
  return path;
}
