/** Creates a token key through the SDK and answers its id and secret (a token's `key` is always set). */
import type { Keygate, RequestBody } from "../src/index.js";

export async function createToken(
  admin: Keygate,
  body: RequestBody<"keys.create">,
): Promise<{ id: string; key: string }> {
  const created = await admin.keys.create({ ...body, kind: "token" });
  if (created.key === undefined) throw new Error("a token key was created without its secret");
  return { id: created.id, key: created.key };
}
