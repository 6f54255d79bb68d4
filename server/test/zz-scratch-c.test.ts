import { it } from "vitest";
import { createTestService, seedWorkspace } from "./harness.js";
import { createKey, post } from "./key-lifecycle.js";
it("scratch", async () => {
  const service = await createTestService();
  const { rootKey } = await seedWorkspace(service);
  const key = await createKey(service, rootKey);
  const r = await post(service, rootKey, `/v1/keys/${key.id}/revoke`);
  console.log(r.statusCode, r.body);
  const r2 = await post(service, rootKey, `/v1/keys/${key.id}/rotate`);
  console.log(r2.statusCode, r2.body);
  await service.close();
});
