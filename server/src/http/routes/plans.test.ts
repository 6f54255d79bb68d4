import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import {
  bearer,
  createTestService,
  expectError,
  json,
  seedRootKey,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../test/harness.js";
import { toPublicWorkspace } from "../../domain/workspaces/workspaces.js";

const PLANS_BODY = [
  {
    id: "free",
    name: "Free",
    entitlements: {
      apiAccess: false,
      ipAllowlists: false,
      usageLimits: false,
      auditExport: false,
      maxMembers: 3,
      maxKeys: 0,
    },
    includes: ["Up to 3 members"],
  },
  {
    id: "pro",
    name: "Pro",
    entitlements: {
      apiAccess: true,
      ipAllowlists: true,
      usageLimits: true,
      auditExport: true,
      maxMembers: 25,
      maxKeys: 10000,
    },
    includes: [
      "API Access",
      "IP allowlists",
      "Rate limits and quotas",
      "Audit log export (CSV)",
      "Up to 25 members",
      "Up to 10,000 API keys",
    ],
  },
  {
    id: "enterprise",
    name: "Enterprise",
    entitlements: {
      apiAccess: true,
      ipAllowlists: true,
      usageLimits: true,
      auditExport: true,
      maxMembers: null,
      maxKeys: null,
    },
    includes: [
      "API Access",
      "IP allowlists",
      "Rate limits and quotas",
      "Audit log export (CSV)",
      "Unlimited members",
      "Unlimited API keys",
    ],
  },
];

describe.each(backends)("GET /v1/plans on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  const plans = (headers: Record<string, string>) =>
    service.app.inject({ method: "GET", url: "/v1/plans", headers });

  it("tells a viewer of a free workspace every plan, what each includes, and that theirs is free", async () => {
    const { workspace } = await seedWorkspace(service, { plan: "free" });
    const viewer = await signInAs(service, workspace.id, "viewer");
    const res = await plans(viewer.headers);
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ data: PLANS_BODY, current: "free" });
  });

  it("answers a root key with any permission, naming its workspace's plan", async () => {
    const { workspace } = await seedWorkspace(service, { plan: "pro" });
    const key = await seedRootKey(service, workspace.id, ["keys:verify"]);
    expect(json(await plans(bearer(key)))).toEqual({ data: PLANS_BODY, current: "pro" });
  });

  it("gives each plan the same entitlements a workspace on it shows", async () => {
    for (const plan of ["free", "pro", "enterprise"] as const) {
      const { workspace, rootKey } = await seedWorkspace(service, { plan });
      const body = json<{ data: { id: string; entitlements: unknown }[] }>(await plans(bearer(rootKey)));
      expect(body.data.find((p) => p.id === plan)?.entitlements).toEqual(
        toPublicWorkspace(workspace).entitlements,
      );
    }
  });

  it("refuses a caller without a credential, and one whose credential is not valid", async () => {
    expectError(
      await plans({}),
      401,
      "UNAUTHENTICATED",
      "send 'Authorization: Bearer <root key>' or sign in",
    );
    expectError(await plans(bearer("kg_root_notarealkey")), 401, "UNAUTHENTICATED");
    expectError(
      await plans({ cookie: "keygate_session=not-a-session" }),
      401,
      "UNAUTHENTICATED",
      "the session has ended; sign in again",
    );
  });
});
