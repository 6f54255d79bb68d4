import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import {
  bearer,
  createTestService,
  expectError,
  expectSecured,
  json,
  type SeededWorkspace,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../test/harness.js";
import { seedOperator } from "../../../test/tenant-fixtures.js";
import { getWorkspace, toPublicWorkspace } from "../../domain/workspaces/workspaces.js";

describe.each(backends)("the workspace API on $name", (backend) => {
  let service: TestService;
  let seed: SeededWorkspace;
  let other: SeededWorkspace;
  beforeAll(async () => {
    service = await createTestService({ backend });
    seed = await seedWorkspace(service, { name: "Acme", plan: "pro", keyPrefix: "acme" });
    other = await seedWorkspace(service, { name: "Other", plan: "free", keyPrefix: "other" });
  });
  afterAll(async () => service.close());

  const current = (id = seed.workspace.id) => getWorkspace(service.store.db, id);
  const updates = async (id = seed.workspace.id) =>
    service.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("workspace_id", "=", id)
      .where("action", "=", "workspace.updated")
      .orderBy("id")
      .execute();
  const patch = (payload: unknown, headers: Record<string, string> = bearer(seed.rootKey)) =>
    service.app.inject({ method: "PATCH", url: "/v1/workspace", headers, payload: payload as object });

  describe("GET /v1/workspace", () => {
    it("answers the caller's own workspace with its plan, entitlements and policy", async () => {
      const res = await service.app.inject({
        method: "GET",
        url: "/v1/workspace",
        headers: bearer(seed.rootKey),
      });
      expect(res.statusCode).toBe(200);
      expect(json(res)).toEqual({
        id: seed.workspace.id,
        name: "Acme",
        kind: "tenant",
        externalId: null,
        suspended: false,
        branding: { productName: null, logoUrl: null, accentColor: null },
        plan: "pro",
        keyPrefix: "acme",
        policy: {
          maxKeyLifetimeSeconds: null,
          expiryRequired: false,
          rotationReminderDays: 90,
          unusedKeyDays: 30,
          autoDisableUnusedDays: null,
          leakResponse: "revoke",
        },
        recoverableKeys: false,
        foreignKeyFormats: [],
        entitlements: {
          apiAccess: true,
          ipAllowlists: true,
          usageLimits: true,
          auditExport: true,
          maxMembers: 25,
          maxKeys: 10000,
        },
        createdAt: seed.workspace.created_at.toISOString(),
        updatedAt: seed.workspace.updated_at.toISOString(),
      });
      const otherRes = await service.app.inject({
        method: "GET",
        url: "/v1/workspace",
        headers: bearer(other.rootKey),
      });
      expect(json(otherRes)).toEqual(toPublicWorkspace(other.workspace));
    });

    it("is secured by workspace:read", async () => {
      await expectSecured(
        service,
        seed.workspace.id,
        { method: "GET", url: "/v1/workspace" },
        "workspace:read",
      );
    });
  });

  describe("PATCH /v1/workspace", () => {
    it("changes name, prefix and policy, and audits exactly the changed fields", async () => {
      const owner = await signInAs(service, seed.workspace.id, "owner");
      service.clock.advance(60_000);
      const res = await patch(
        {
          name: "Acme Corp",
          keyPrefix: "acme_live",
          policy: { maxKeyLifetimeSeconds: 7_776_000, expiryRequired: true },
        },
        owner.headers,
      );
      expect(res.statusCode).toBe(200);
      const expected = {
        ...toPublicWorkspace(seed.workspace),
        name: "Acme Corp",
        keyPrefix: "acme_live",
        policy: {
          ...toPublicWorkspace(seed.workspace).policy,
          maxKeyLifetimeSeconds: 7_776_000,
          expiryRequired: true,
        },
        updatedAt: service.clock.now().toISOString(),
      };
      expect(json(res)).toEqual(expected);
      expect(
        json(await service.app.inject({ method: "GET", url: "/v1/workspace", headers: owner.headers })),
      ).toEqual(expected);

      const events = await updates();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actor_type: "user",
        actor_id: owner.userId,
        target_type: "workspace",
        target_id: seed.workspace.id,
        details: {
          fields: ["name", "keyPrefix", "policy.maxKeyLifetimeSeconds", "policy.expiryRequired"],
          before: {
            name: "Acme",
            keyPrefix: "acme",
            "policy.maxKeyLifetimeSeconds": null,
            "policy.expiryRequired": false,
          },
          after: {
            name: "Acme Corp",
            keyPrefix: "acme_live",
            "policy.maxKeyLifetimeSeconds": 7_776_000,
            "policy.expiryRequired": true,
          },
        },
      });
      expect(await current(other.workspace.id)).toEqual(other.workspace);
    });

    it("changes one field at a time, lifts a lifetime limit with null, and records nothing for no change", async () => {
      const before = (await updates()).length;
      const res = await patch({ policy: { maxKeyLifetimeSeconds: null } });
      expect(res.statusCode).toBe(200);
      expect(json(res)).toMatchObject({
        name: "Acme Corp",
        policy: { maxKeyLifetimeSeconds: null, expiryRequired: true },
      });
      const events = await updates();
      expect(events).toHaveLength(before + 1);
      expect(events.at(-1)).toMatchObject({
        actor_type: "root_key",
        details: {
          fields: ["policy.maxKeyLifetimeSeconds"],
          before: { "policy.maxKeyLifetimeSeconds": 7_776_000 },
          after: { "policy.maxKeyLifetimeSeconds": null },
        },
      });

      const unchanged = await current();
      service.clock.advance(60_000);
      for (const payload of [
        {},
        { name: "Acme Corp" },
        { policy: {} },
        { policy: { expiryRequired: true } },
      ]) {
        const same = await patch(payload);
        expect(same.statusCode).toBe(200);
        expect(json(same)).toEqual(toPublicWorkspace(unchanged));
      }
      expect(await updates()).toHaveLength(before + 1);
      expect(await current()).toEqual(unchanged);
    });

    it("refuses bad values and the plan with 400, changing nothing", async () => {
      const before = await current();
      const eventsBefore = (await updates()).length;
      const cases: [unknown, string | RegExp][] = [
        [{ plan: "enterprise" }, "plan: unknown field"],
        [{ name: "" }, "name: must not be empty"],
        [{ name: "x".repeat(201) }, "name: must be at most 200 characters"],
        [
          { keyPrefix: "ACME" },
          "keyPrefix: must be 2-16 lowercase letters or digits, with at most one _ inside",
        ],
        [
          { keyPrefix: "a" },
          "keyPrefix: must be 2-16 lowercase letters or digits, with at most one _ inside",
        ],
        [
          { keyPrefix: "a_b_c" },
          "keyPrefix: must be 2-16 lowercase letters or digits, with at most one _ inside",
        ],
        [{ policy: { maxKeyLifetimeSeconds: 0 } }, "policy.maxKeyLifetimeSeconds: must be greater than 0"],
        [{ policy: { maxKeyLifetimeSeconds: 1.5 } }, "policy.maxKeyLifetimeSeconds: must be a whole number"],
        [
          { policy: { maxKeyLifetimeSeconds: 2_147_483_648 } },
          "policy.maxKeyLifetimeSeconds: must be at most 2147483647",
        ],
        [{ policy: { expiryRequired: "yes" } }, /^policy\.expiryRequired: /],
        [{ policy: { maxKeys: 3 } }, "policy.maxKeys: unknown field"],
        [[], /object/],
      ];
      for (const [payload, message] of cases)
        expectError(await patch(payload), 400, "VALIDATION_FAILED", message);
      expect(await current()).toEqual(before);
      expect(await updates()).toHaveLength(eventsBefore);
    });

    it("is secured by workspace:write", async () => {
      await expectSecured(
        service,
        seed.workspace.id,
        { method: "PATCH", url: "/v1/workspace", payload: { name: "Taken" } },
        "workspace:write",
      );
      expect((await current()).name).toBe("Acme Corp");
    });

    it("changes only the caller's own workspace", async () => {
      const res = await patch({ name: "Other Renamed" }, bearer(other.rootKey));
      expect(json(res)).toMatchObject({ id: other.workspace.id, name: "Other Renamed" });
      expect((await current()).name).toBe("Acme Corp");
    });
  });

  describe("roles", () => {
    it("lets every role read the workspace but only the owner change it", async () => {
      for (const role of ["viewer", "developer", "admin"] as const) {
        const member = await signInAs(service, seed.workspace.id, role);
        const read = await service.app.inject({
          method: "GET",
          url: "/v1/workspace",
          headers: member.headers,
        });
        expect(read.statusCode).toBe(200);
        expectError(
          await patch({ name: `Renamed by ${role}` }, member.headers),
          403,
          "FORBIDDEN",
          "this needs the workspace:write permission",
        );
      }
      expect((await current()).name).toBe("Acme Corp");
      const owner = await signInAs(service, seed.workspace.id, "owner");
      expect((await patch({ name: "Acme by owner" }, owner.headers)).statusCode).toBe(200);
      expect((await current()).name).toBe("Acme by owner");
    });
  });

  describe("branding (platform mode)", () => {
    it("lets the operator's owner set the portal's branding, audited, and clear a field with null", async () => {
      const operator = await seedOperator(service);
      const owner = await signInAs(service, operator.workspace.id, "owner");
      const res = await patch(
        {
          branding: {
            productName: "Acme Cloud",
            logoUrl: "https://acme.test/logo.svg",
            accentColor: "#0A0B0C",
          },
        },
        owner.headers,
      );
      expect(res.statusCode).toBe(200);
      expect(json(res)).toMatchObject({
        id: operator.workspace.id,
        kind: "operator",
        externalId: null,
        branding: {
          productName: "Acme Cloud",
          logoUrl: "https://acme.test/logo.svg",
          accentColor: "#0a0b0c",
        },
      });
      const [event] = await updates(operator.workspace.id);
      expect(event).toMatchObject({
        actor_id: owner.userId,
        details: {
          fields: ["branding.productName", "branding.logoUrl", "branding.accentColor"],
          before: { "branding.productName": null, "branding.logoUrl": null, "branding.accentColor": null },
          after: {
            "branding.productName": "Acme Cloud",
            "branding.logoUrl": "https://acme.test/logo.svg",
            "branding.accentColor": "#0a0b0c",
          },
        },
      });
      const cleared = await patch({ branding: { logoUrl: null } }, bearer(operator.rootKey));
      expect(json(cleared)).toMatchObject({
        branding: { productName: "Acme Cloud", logoUrl: null, accentColor: "#0a0b0c" },
      });
      for (const [branding, message] of [
        [{ accentColor: "#abc" }, "branding.accentColor: must be a colour as #rrggbb"],
        [{ logoUrl: "ftp://acme.test/logo.svg" }, "branding.logoUrl: must be an https URL"],
        [{ logoUrl: "http://acme.test/logo.svg" }, "branding.logoUrl: must be an https URL"],
        [{ productName: "" }, "branding.productName: must not be empty"],
        [{ font: "Comic Sans" }, "branding.font: unknown field"],
      ] as const) {
        expectError(await patch({ branding }, owner.headers), 400, "VALIDATION_FAILED", message);
      }
      expect(await updates(operator.workspace.id)).toHaveLength(2);
    });

    it("refuses branding from a tenant's own workspace (the operator sets a tenant's override)", async () => {
      const owner = await signInAs(service, seed.workspace.id, "owner");
      for (const headers of [owner.headers, bearer(seed.rootKey)]) {
        expectError(
          await patch({ name: "Rebranded", branding: { productName: "Mine" } }, headers),
          403,
          "FORBIDDEN",
          "only the operator's workspace sets branding here; a tenant's override is set by the operator (PATCH /v1/workspaces/{id})",
        );
      }
      expect(toPublicWorkspace(await current())).toMatchObject({
        name: "Acme by owner",
        branding: { productName: null, logoUrl: null, accentColor: null },
      });
    });
  });
});
