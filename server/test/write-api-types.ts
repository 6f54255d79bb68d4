/** `npm run api:types`: writes web/src/api/schema.d.ts from the service's /openapi.json. */
import { writeFile } from "node:fs/promises";
import { API_TYPES_FILE, generateApiTypes } from "./api-types.js";

await writeFile(API_TYPES_FILE, await generateApiTypes());
console.log(`wrote ${API_TYPES_FILE}`);
