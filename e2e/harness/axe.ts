/**
 * Accessibility check of a screen with axe-core, injected into the page under test. The
 * dashboard's Content-Security-Policy forbids inline script, so `addScriptTag({ content })` would
 * be refused; the script is evaluated through the DevTools protocol instead (`page.evaluate` of
 * axe.min.js's source), which the page's CSP does not govern. The page keeps its real CSP: no
 * `bypassCSP` anywhere.
 *
 * @example await expectAccessible(page, "API keys (table)");
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AxeResults, Result } from "axe-core";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | undefined;

/** The impacts that fail a screen. */
const BLOCKING = new Set(["serious", "critical"]);

function describeViolation(violation: Result): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map(
      (node) =>
        `      at ${node.target.join(" ")}\n        ${node.failureSummary?.replace(/\n/g, "\n        ") ?? ""}`,
    )
    .join("\n");
  const more = violation.nodes.length > 5 ? `\n      ... and ${violation.nodes.length - 5} more` : "";
  return `  - [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}${more}`;
}

/** Runs axe-core on the page as it is now and returns its violations. */
export async function runAxe(page: Page): Promise<Result[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) {
    axeSource ??= readFile(require.resolve("axe-core/axe.min.js"), "utf8");
    await page.evaluate(`${await axeSource}\n;undefined`);
  }
  const results = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(context: Document, options: object): Promise<AxeResults> };
    };
    return axe.run(document, { resultTypes: ["violations"] });
  });
  return results.violations;
}

/** Fails with a readable list when the page has any serious or critical axe violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const blocking = (await runAxe(page)).filter((violation) => BLOCKING.has(violation.impact ?? ""));
  if (blocking.length === 0) return;
  throw new Error(
    `axe-core found ${blocking.length} serious or critical violation(s) on "${screen}" (${page.url()}):\n${blocking
      .map(describeViolation)
      .join("\n")}`,
  );
}
