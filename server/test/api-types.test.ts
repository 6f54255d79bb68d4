/** The dashboard's generated API types match the service's OpenAPI document. */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { API_TYPES_FILE, generateApiTypes } from "./api-types.js";

describe("the dashboard's API types", () => {
  it("are generated from the current /openapi.json (run `npm run api:types` when this fails)", async () => {
    const committed = await readFile(API_TYPES_FILE, "utf8");
    expect(committed).toBe(await generateApiTypes());
  });
});
