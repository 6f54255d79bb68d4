/**
 * The dashboard's request and response types, generated from the service's own /openapi.json
 * (itself generated from the zod schemas that validate requests), so the types are never written
 * twice. `npm run api:types` writes web/src/api/schema.d.ts; api-types.test.ts fails when the
 * committed file is stale.
 */
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import pino from "pino";
import { createContext } from "../src/app/context.js";
import { ManualClock } from "../src/clock.js";
import { loadConfig } from "../src/config/config.js";
import { createApp } from "../src/http/app.js";
import { openStore } from "../src/store/database.js";

export const API_TYPES_FILE = fileURLToPath(new URL("../../web/src/api/schema.d.ts", import.meta.url));

const HEADER = `/**
 * Generated from Keygate's /openapi.json by \`npm run api:types\`. Do not edit by hand: change the
 * server's schemas and run it again (server/test/api-types.test.ts fails when this file is stale).
 */
`;

/** The text of web/src/api/schema.d.ts for the routes the service registers now. */
export async function generateApiTypes(): Promise<string> {
  // The document needs the routes, not data: an empty in-memory store that no request reaches.
  const store = await openStore({ inProcess: true });
  const config = loadConfig({ KEYGATE_DATA_DIR: "/nonexistent", LOG_LEVEL: "silent" });
  const ctx = createContext({ config, store, clock: new ManualClock(), logger: pino({ level: "silent" }) });
  const app = await createApp(ctx);
  try {
    await app.ready();
    const ast = await openapiTS(JSON.stringify(app.swagger()), { alphabetize: true });
    return HEADER + astToString(ast);
  } finally {
    await app.close();
    await store.close();
  }
}
