/**
 * A build plugin that sums the gzipped size of what the browser loads before the first screen
 * (the entry chunk, the chunks it imports statically, and its CSS), prints it, and fails the
 * build when it passes the budget. Lazy chunks (the usage chart) are not counted.
 */
import { gzipSync } from "node:zlib";
import type { Plugin, Rolldown } from "vite";

type OutputBundle = Rolldown.OutputBundle;

function gzippedKb(source: string | Uint8Array): number {
  return gzipSync(source).byteLength / 1024;
}

function firstScreenFiles(bundle: OutputBundle): string[] {
  const entry = Object.values(bundle).find((file) => file.type === "chunk" && file.isEntry);
  if (entry?.type !== "chunk") return [];
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    const file = bundle[fileName];
    if (file?.type !== "chunk") return;
    for (const imported of file.imports) visit(imported);
    for (const css of file.viteMetadata?.importedCss ?? []) seen.add(css);
  };
  visit(entry.fileName);
  return [...seen];
}

export function firstScreenBudget({ limitKb }: { limitKb: number }): Plugin {
  return {
    name: "keygate-first-screen-budget",
    apply: "build",
    generateBundle(_options, bundle) {
      let total = 0;
      for (const fileName of firstScreenFiles(bundle)) {
        const file = bundle[fileName];
        if (!file) continue;
        total += gzippedKb(file.type === "chunk" ? file.code : file.source);
      }
      const line = `first screen: ${total.toFixed(1)} KB gzipped (budget ${limitKb} KB)`;
      if (total > limitKb) this.error(`${line}: over budget`);
      this.info(line);
    },
  };
}
