/**
 * `npm run build` (and so `npm start`) builds the dashboard only when web/dist is missing or older
 * than any of its sources, so a start after a pull is fresh and a start without changes is quick.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const web = fileURLToPath(new URL("..", import.meta.url));
const builtIndex = join(web, "dist", "index.html");
const sources = ["src", "public", "index.html", "vite.config.ts", "package.json", "scripts"];

function newestChange(path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

const built = statSync(builtIndex, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const changed = Math.max(...sources.map((source) => newestChange(join(web, source))));
if (built > changed) {
  console.log("dashboard: web/dist is up to date");
} else {
  console.log(
    built === 0 ? "dashboard: building web/dist" : "dashboard: sources changed, rebuilding web/dist",
  );
  const result = spawnSync("npm", ["run", "build", "--workspace", "web"], { stdio: "inherit", shell: false });
  process.exit(result.status ?? 1);
}
