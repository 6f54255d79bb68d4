/**
 * Platform mode in a test: the operator's workspace (one per store, as bootstrap makes it) with
 * an all-powerful root key, and tenants made through the real API as the platform makes them.
 */
import { expect } from "vitest";
import { createWorkspace } from "../src/domain/workspaces/workspaces.js";
import type { Plan, WorkspaceRow } from "../src/store/schema.js";
import { bearer, seedRootKey, type TestService } from "./harness.js";

export interface SeededOperator {
  workspace: WorkspaceRow;
  /** A root key with `*` in the operator's workspace: it holds the operator permissions. */
  rootKey: string;
}

/** The operator's workspace; a store holds at most one. */
export async function seedOperator(service: TestService): Promise<SeededOperator> {
  const workspace = await createWorkspace(service.store.db, {
    name: "Platform",
    plan: "enterprise",
    keyPrefix: "plat",
    kind: "operator",
    at: service.clock.now(),
  });
  return { workspace, rootKey: await seedRootKey(service, workspace.id, ["*"]) };
}

export interface SeededTenant {
  id: string;
  externalId: string;
  /** A root key with `*` of the tenant, minted by the operator. */
  rootKey: string;
}

let counter = 0;

/** A tenant made with POST /v1/workspaces, and a `*` root key of it. */
export async function seedTenant(
  service: TestService,
  operatorKey: string,
  options: { name?: string; externalId?: string; plan?: Plan; keyPrefix?: string } = {},
): Promise<SeededTenant> {
  counter += 1;
  const externalId = options.externalId ?? `cus_${counter}`;
  const created = await service.app.inject({
    method: "POST",
    url: "/v1/workspaces",
    headers: bearer(operatorKey),
    payload: {
      name: options.name ?? `Customer ${counter}`,
      externalId,
      plan: options.plan ?? "pro",
      ...(options.keyPrefix ? { keyPrefix: options.keyPrefix } : {}),
    },
  });
  expect(created.statusCode).toBe(201);
  const { id } = created.json() as { id: string };
  const minted = await service.app.inject({
    method: "POST",
    url: `/v1/workspaces/${id}/root-keys`,
    headers: bearer(operatorKey),
    payload: { name: "tenant automation", permissions: ["*"] },
  });
  expect(minted.statusCode).toBe(201);
  return { id, externalId, rootKey: (minted.json() as { key: string }).key };
}
