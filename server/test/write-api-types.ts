/**
 * `npm run api:types`: writes sdk/src/generated/openapi.ts (the SDK's and the dashboard's types)
 * from the service's /openapi.json.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { generateApiTypeFiles } from "./api-types.js";

for (const { file, text } of await generateApiTypeFiles()) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  console.log(`wrote ${file}`);
}
