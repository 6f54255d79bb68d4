import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../test/backends.js";
import { type CliTarget, cliTarget } from "../../test/cli-target.js";
import { verifyPassword } from "../domain/users/passwords.js";
import { createWorkspace } from "../domain/workspaces/workspaces.js";
import type { Store } from "../store/database.js";
import type { WorkspaceRow } from "../store/schema.js";
import { createAdmin } from "./admin-create.js";
import { runCli } from "./program.js";

const AT = new Date("2026-01-01T00:00:00.000Z");
const PASSWORD = "correct horse battery staple";

async function membersOf(store: Store, workspaceId: string) {
  return store.db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.email", "memberships.role"])
    .where("memberships.workspace_id", "=", workspaceId)
    .orderBy("users.email")
    .execute();
}

describe.each(backends)("keygate admin create on $name", (backend) => {
  let target: CliTarget;
  let first: WorkspaceRow;
  let second: WorkspaceRow;
  beforeAll(async () => {
    target = await cliTarget(backend);
  });
  afterAll(async () => target.remove());

  it("refuses to run before there is a workspace", async () => {
    await expect(
      createAdmin(target.config, { email: "ops@example.com", password: PASSWORD }, target.io()),
    ).rejects.toThrow(
      "there is no workspace yet: start Keygate once (keygate serve) to create the first one",
    );
    await target.withDb(async (store) => {
      expect(await store.db.selectFrom("users").select("id").execute()).toEqual([]);
    });
  });

  it("adds an owner to the first workspace, with a hashed password and an audit event", async () => {
    [first, second] = await target.withDb(async (store) => [
      await createWorkspace(store.db, { name: "First", plan: "enterprise", keyPrefix: "kg", at: AT }),
      await createWorkspace(store.db, {
        name: "Second",
        plan: "pro",
        keyPrefix: "two",
        at: new Date("2026-01-02T00:00:00.000Z"),
      }),
    ]);
    const io = target.io();
    const created = await createAdmin(target.config, { email: " Ops@Example.com ", password: PASSWORD }, io);
    expect(created).toEqual({
      userId: expect.stringMatching(/^usr_/),
      email: "ops@example.com",
      workspaceId: first.id,
      role: "owner",
      newAccount: true,
    });
    expect(io.out).toEqual([
      `Added ops@example.com as owner of "First" (${first.id}).`,
      "Sign in at http://localhost:8080/",
    ]);
    await target.withDb(async (store) => {
      expect(await membersOf(store, first.id)).toEqual([{ email: "ops@example.com", role: "owner" }]);
      const user = await store.db
        .selectFrom("users")
        .selectAll()
        .where("id", "=", created.userId)
        .executeTakeFirstOrThrow();
      expect(user).toMatchObject({ name: "ops", created_at: io.clock.now() });
      expect(user.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(user.password_hash, PASSWORD)).toBe(true);
      const events = await store.db
        .selectFrom("audit_events")
        .select(["actor_type", "action", "target_id", "details", "created_at"])
        .where("workspace_id", "=", first.id)
        .execute();
      expect(events).toEqual([
        {
          actor_type: "system",
          action: "member.added",
          target_id: created.userId,
          details: { email: "ops@example.com", role: "owner", source: "cli" },
          created_at: io.clock.now(),
        },
      ]);
      expect(JSON.stringify(events)).not.toContain(PASSWORD);
    });
  });

  it("adds an existing account to a named workspace with another role, leaving its password alone", async () => {
    const io = target.io();
    const code = await runCli(
      [
        "admin",
        "create",
        "--email",
        "ops@example.com",
        "--password",
        "another long password",
        "--workspace",
        "Second",
        "--role",
        "admin",
      ],
      io,
    );
    expect(io.errors).toEqual([]);
    expect(code).toBe(0);
    expect(io.out[0]).toBe(
      `Added ops@example.com as admin of "Second" (${second.id}). The account already existed; its password was not changed.`,
    );
    await target.withDb(async (store) => {
      expect(await membersOf(store, second.id)).toEqual([{ email: "ops@example.com", role: "admin" }]);
      const user = await store.db
        .selectFrom("users")
        .select("password_hash")
        .where("email", "=", "ops@example.com")
        .executeTakeFirstOrThrow();
      expect(await verifyPassword(user.password_hash, PASSWORD)).toBe(true);
    });
  });

  it("takes a name and a workspace id", async () => {
    const created = await createAdmin(
      target.config,
      { email: "grace@example.com", password: PASSWORD, name: "Grace Hopper", workspace: second.id },
      target.io(),
    );
    expect(created).toMatchObject({ workspaceId: second.id, role: "owner", newAccount: true });
    await target.withDb(async (store) => {
      const user = await store.db
        .selectFrom("users")
        .select("name")
        .where("id", "=", created.userId)
        .executeTakeFirst();
      expect(user).toEqual({ name: "Grace Hopper" });
    });
  });

  it("refuses a member twice, a short password, a bad email, an unknown role or workspace, and writes nothing", async () => {
    const io = target.io();
    await expect(
      createAdmin(target.config, { email: "ops@example.com", password: PASSWORD }, io),
    ).rejects.toThrow(`ops@example.com is already a member of "First" (${first.id}) with the role owner`);
    await expect(
      createAdmin(target.config, { email: "new@example.com", password: "too short" }, io),
    ).rejects.toThrow("--password: must be at least 12 characters");
    await expect(
      createAdmin(target.config, { email: "not-an-email", password: PASSWORD }, io),
    ).rejects.toThrow('--email: "not-an-email" is not an email address');
    await expect(
      createAdmin(target.config, { email: "new@example.com", password: PASSWORD, role: "god" }, io),
    ).rejects.toThrow('--role: must be one of owner, admin, developer, viewer (got "god")');
    await expect(
      createAdmin(target.config, { email: "new@example.com", password: PASSWORD, workspace: "Nowhere" }, io),
    ).rejects.toThrow('no workspace has the id, name or externalId "Nowhere" (see: keygate workspace list)');
    await target.withDb(async (store) => {
      const emails = await store.db.selectFrom("users").select("email").orderBy("email").execute();
      expect(emails).toEqual([{ email: "grace@example.com" }, { email: "ops@example.com" }]);
    });
    expect(io.out).toEqual([]);
  });

  it("refuses a short password with exit code 1 and a missing option with 2 (a usage error), no stack trace", async () => {
    const io = target.io();
    expect(await runCli(["admin", "create", "--email", "x@example.com", "--password", "short"], io)).toBe(1);
    expect(io.errors).toEqual(["error: --password: must be at least 12 characters"]);
    expect(await runCli(["admin", "create", "--password", PASSWORD], io)).toBe(2);
    expect(io.errors.at(-2)).toBe("error: required option '--email <email>' not specified");
  });
});
