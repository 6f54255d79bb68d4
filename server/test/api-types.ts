/**
 * The request and response types of the dashboard and of @keygate/sdk, generated from the
 * service's own /openapi.json (itself generated from the zod schemas that validate requests), so
 * the types are never written twice. `npm run api:types` writes sdk/src/generated/openapi.ts, which
 * the dashboard imports too; api-types.test.ts fails when the committed file is stale.
 */
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import pino from "pino";
import { createContext } from "../src/app/context.js";
import { ManualClock } from "../src/clock.js";
import { loadConfig } from "../src/config/config.js";
import { createApp } from "../src/http/app.js";
import { openStore } from "../src/store/database.js";
import { migrateToLatest } from "../src/store/migrate.js";

/**
 * The SDK's copy is a `.ts` file of types only: tsc emits its declarations into the SDK's dist,
 * which it would not do for a `.d.ts` among the sources.
 */
export const SDK_API_TYPES_FILE = fileURLToPath(
  new URL("../../sdk/src/generated/openapi.ts", import.meta.url),
);

const HEADER = `/**
 * Generated from Keygate's /openapi.json by \`npm run api:types\`. Do not edit by hand: change the
 * server's schemas and run it again (server/test/api-types.test.ts fails when this file is stale).
 */
`;

/** Every generated file: where it lives and the text it must hold. */
export async function generateApiTypeFiles(): Promise<{ file: string; text: string }[]> {
  const types = await generateApiTypes();
  return [
    // Formatted as openapi-typescript writes it: biome.json leaves it out.
    { file: SDK_API_TYPES_FILE, text: types },
  ];
}

/** The text of the generated types for the routes the service registers now. */
export async function generateApiTypes(): Promise<string> {
  // The document needs the routes, not data: a fresh in-memory store that no request reaches
  // (migrated: the app reads a few settings, such as foreign key formats, when it starts).
  const store = await openStore({ inProcess: true });
  await migrateToLatest(store.db);
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
