import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import {
  createTestService,
  expectError,
  json,
  type SeededWorkspace,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../test/harness.js";
import { get, patch, post } from "../../../test/key-lifecycle.js";
import { type SeededOperator, seedOperator, seedTenant } from "../../../test/tenant-fixtures.js";
import { expectRefusal, verifyDoors } from "../../../test/verify-doors.js";
import type { ImportReport } from "../../domain/keys/import-inputs.js";
import { ForeignFormats } from "../../verifier/foreign-formats.js";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const FORMAT = { prefix: "sk_live_", pattern: "^sk_live_[A-Za-z0-9]{24}$" };
const foreignKey = () =>
  `sk_live_${[...randomBytes(24)].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join("")}`;
const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");

describe.each(backends)("foreign key formats on $name", (backend) => {
  const doors = verifyDoors();
  let service: TestService;
  let operator: SeededOperator;
  let seed: SeededWorkspace;
  beforeAll(async () => {
    service = await createTestService({ backend });
    operator = await seedOperator(service);
    seed = await seedWorkspace(service, { plan: "enterprise" });
    await doors.open(service);
  });
  afterAll(async () => service.close());

  const setFormats = (formats: unknown, credential: string | Record<string, string> = seed.rootKey) =>
    patch(service, credential, "/v1/workspace", { foreignKeyFormats: formats });
  /** Imports these keys into the workspace of `rootKey` and answers their ids. */
  const importKeys = async (rootKey: string, keys: string[]) => {
    const res = await post(service, rootKey, "/v1/keys/import", {
      keys: keys.map((key, i) => ({ hash: sha256(key), name: `imported ${i}` })),
    });
    expect(res.statusCode, res.body).toBe(200);
    return json<ImportReport>(res).imported.map((row) => row.id);
  };
  const misses = async () => (await service.ctx.metrics.cacheMisses.get()).values[0]?.value ?? 0;

  describe("GET and PATCH /v1/workspace", () => {
    it("saves the formats, answers them, and audits the change", async () => {
      const workspace = await seedWorkspace(service);
      expect(json(await get(service, workspace.rootKey, "/v1/workspace")).foreignKeyFormats).toEqual([]);
      const formats = [FORMAT, { prefix: "legacy-" }];
      const res = await setFormats(formats, workspace.rootKey);
      expect(res.statusCode, res.body).toBe(200);
      const saved = [FORMAT, { prefix: "legacy-", pattern: null }];
      expect(json(res).foreignKeyFormats).toEqual(saved);
      expect(json(await get(service, workspace.rootKey, "/v1/workspace")).foreignKeyFormats).toEqual(saved);
      const events = await service.store.db
        .selectFrom("audit_events")
        .select("details")
        .where("workspace_id", "=", workspace.workspace.id)
        .where("action", "=", "workspace.updated")
        .execute();
      expect(events).toEqual([
        {
          details: {
            fields: ["foreignKeyFormats"],
            before: { foreignKeyFormats: [] },
            after: { foreignKeyFormats: saved },
          },
        },
      ]);
      // The same list again changes nothing and records nothing.
      expect((await setFormats(formats, workspace.rootKey)).statusCode).toBe(200);
      expect(
        await service.store.db
          .selectFrom("audit_events")
          .select("id")
          .where("workspace_id", "=", workspace.workspace.id)
          .where("action", "=", "workspace.updated")
          .execute(),
      ).toHaveLength(1);
    });

    it.each([
      [
        [{ prefix: "sk_", pattern: "^(a+)+$" }],
        "foreignKeyFormats.0.pattern: could take exponential time on some keys (nested or overlapping repetition); simplify it",
      ],
      [
        [{ prefix: "sk_", pattern: "([a-z]*)*x" }],
        /^foreignKeyFormats\.0\.pattern: could take exponential time/,
      ],
      [
        [{ prefix: "sk_", pattern: "(" }],
        /^foreignKeyFormats\.0\.pattern: is not a valid regular expression \(/,
      ],
      [
        [{ prefix: "sk_", pattern: `^${"a".repeat(200)}` }],
        "foreignKeyFormats.0.pattern: must be at most 200 characters",
      ],
      [[{ prefix: "sk live" }], "foreignKeyFormats.0.prefix: may hold only letters, digits, _ and -"],
      [[{ prefix: "" }], "foreignKeyFormats.0.prefix: must not be empty"],
      [[{ prefix: "x".repeat(33) }], "foreignKeyFormats.0.prefix: must be at most 32 characters"],
      [[{ prefix: "sk_", flags: "i" }], "foreignKeyFormats.0.flags: unknown field"],
      [[{ prefix: "sk_" }, { prefix: "sk_" }], "foreignKeyFormats: each prefix may appear only once"],
      [
        Array.from({ length: 11 }, (_, i) => ({ prefix: `p${i}_` })),
        "foreignKeyFormats: must hold at most 10 formats",
      ],
    ])("refuses %j with 400, saving nothing", async (formats, message) => {
      expectError(await setFormats(formats), 400, "VALIDATION_FAILED", message);
      expect(json(await get(service, seed.rootKey, "/v1/workspace")).foreignKeyFormats).toEqual([]);
    });

    it("lets only the owner change them", async () => {
      for (const role of ["admin", "developer", "viewer"] as const) {
        const member = await signInAs(service, seed.workspace.id, role);
        expectError(await setFormats([FORMAT], member.headers), 403, "FORBIDDEN");
      }
      const owner = await signInAs(service, seed.workspace.id, "owner");
      const res = await setFormats([], owner.headers);
      expect(res.statusCode, res.body).toBe(200);
    });
  });

  describe.each(doors.all)("verification through $name", (door) => {
    it("answers MALFORMED with no lookup while the workspace has no format, then looks foreign keys up", async () => {
      const workspace = await seedWorkspace(service);
      const [known] = [foreignKey()];
      const [id] = await importKeys(workspace.rootKey, [known ?? ""]);
      const before = await misses();
      expect(await door.verify(workspace.rootKey, { key: known })).toEqual({
        valid: false,
        code: "MALFORMED",
      });
      expect(await misses()).toBe(before);

      expect((await setFormats([FORMAT], workspace.rootKey)).statusCode).toBe(200);
      expect(await door.verify(workspace.rootKey, { key: known })).toMatchObject({
        valid: true,
        code: "VALID",
        keyId: id,
      });
      const unknown = foreignKey();
      expect(await door.verify(workspace.rootKey, { key: unknown })).toEqual({
        valid: false,
        code: "NOT_FOUND",
      });
      // Remembered as unknown: the second try reads nothing.
      const afterFirst = await misses();
      expect(await door.verify(workspace.rootKey, { key: unknown })).toEqual({
        valid: false,
        code: "NOT_FOUND",
      });
      expect(await misses()).toBe(afterFirst);
      // The prefix is not enough when the pattern does not match, nor for a key past 512 characters.
      for (const key of ["sk_live_short", `${foreignKey()}x`, `sk_test_${"a".repeat(24)}`]) {
        expect(await door.verify(workspace.rootKey, { key })).toEqual({
          valid: false,
          code: "MALFORMED",
        });
      }
      expect(await misses()).toBe(afterFirst);
    });

    it("admits a key by a prefix-only format, up to the 512 characters a verification takes", async () => {
      const workspace = await seedWorkspace(service);
      expect((await setFormats([{ prefix: "legacy-" }], workspace.rootKey)).statusCode).toBe(200);
      const long = `legacy-${randomBytes(16).toString("hex")}`.padEnd(512, "a");
      const [id] = await importKeys(workspace.rootKey, [long]);
      expect(await door.verify(workspace.rootKey, { key: long })).toMatchObject({
        valid: true,
        keyId: id,
      });
      // A longer key is refused by the request's own limit before any format is tried.
      expectRefusal(await door.post(workspace.rootKey, { key: `${long}a` }), 400, "VALIDATION_FAILED");
    });

    it("answers MALFORMED at once for a cached key whose format was removed", async () => {
      const workspace = await seedWorkspace(service);
      expect((await setFormats([FORMAT], workspace.rootKey)).statusCode).toBe(200);
      const key = foreignKey();
      await importKeys(workspace.rootKey, [key]);
      expect(await door.verify(workspace.rootKey, { key })).toMatchObject({ valid: true });
      expect((await setFormats([], workspace.rootKey)).statusCode).toBe(200);
      expect(await door.verify(workspace.rootKey, { key })).toEqual({ valid: false, code: "MALFORMED" });
    });

    it("counts only the caller's workspace's formats for keys:verify, and every workspace's for keys:verify:any", async () => {
      const withFormats = await seedTenant(service, operator.rootKey, { plan: "enterprise" });
      const without = await seedTenant(service, operator.rootKey, { plan: "enterprise" });
      expect((await setFormats([FORMAT], withFormats.rootKey)).statusCode).toBe(200);
      const theirs = foreignKey();
      const [theirId] = await importKeys(withFormats.rootKey, [theirs]);
      const orphan = foreignKey();
      const [orphanId] = await importKeys(without.rootKey, [orphan]);

      // A tenant without formats: its own imported key is MALFORMED, another's format does not count.
      expect(await door.verify(without.rootKey, { key: orphan })).toEqual({
        valid: false,
        code: "MALFORMED",
      });
      expect(await door.verify(without.rootKey, { key: foreignKey() })).toEqual({
        valid: false,
        code: "MALFORMED",
      });
      // The operator (keys:verify:any) is admitted by any workspace's formats.
      expect(await door.verify(operator.rootKey, { key: theirs })).toMatchObject({
        valid: true,
        keyId: theirId,
        workspace: { id: withFormats.id },
      });
      expect(await door.verify(operator.rootKey, { key: orphan })).toMatchObject({
        valid: true,
        keyId: orphanId,
      });
      expect(await door.verify(operator.rootKey, { key: `plat_${"x".repeat(10)}` })).toEqual({
        valid: false,
        code: "MALFORMED",
      });
    });

    it("reads every workspace's formats from the store, as at start", async () => {
      const workspace = await seedWorkspace(service);
      expect((await setFormats([FORMAT], workspace.rootKey)).statusCode).toBe(200);
      const key = foreignKey();
      const [id] = await importKeys(workspace.rootKey, [key]);
      const restarted = new ForeignFormats();
      await restarted.load(service.store.db);
      expect(restarted.admits(key, workspace.workspace.id, "own")).toBe(true);
      expect(restarted.admits(key, seed.workspace.id, "own")).toBe(false);
      expect(restarted.admits(key, seed.workspace.id, "any")).toBe(true);
      expect(await door.verify(workspace.rootKey, { key })).toMatchObject({ valid: true, keyId: id });
    });
  });
});
