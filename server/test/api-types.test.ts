/** The generated API types (the dashboard's and the SDK's) match the service's OpenAPI document. */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generateApiTypeFiles } from "./api-types.js";

describe("the generated API types", () => {
  it("are generated from the current /openapi.json (run `npm run api:types` when this fails)", async () => {
    for (const { file, text } of await generateApiTypeFiles()) {
      const committed = await readFile(file, "utf8").catch(() => `${file} is missing`);
      expect(committed, file).toBe(text);
    }
  });
});
