/**
 * First start: with an empty store, create the first workspace. With KEYGATE_ADMIN_EMAIL and
 * KEYGATE_ADMIN_PASSWORD, create its owner too; otherwise issue a one-time setup link
 * (`/setup?token=...`) where the owner signs up. The first workspace is the operator's own
 * (kind `operator`, platform mode) and starts on the enterprise plan.
 */
import type { Logger } from "pino";
import type { Clock } from "../../clock.js";
import type { Config } from "../../config/config.js";
import type { Store } from "../../store/database.js";
import { recordAudit } from "../audit/record-audit.js";
import { issueSetupToken } from "../auth/setup-tokens.js";
import { hasOwner } from "../members/owner-rules.js";
import { hashPassword } from "../users/passwords.js";
import { addMember, createUser, findUserByEmail } from "../users/users.js";
import { createWorkspace } from "./workspaces.js";

export interface BootstrapResult {
  workspaceId: string;
  /** The one-time setup link, when no admin was configured and nobody has signed up yet. */
  setupUrl?: string;
  created: boolean;
}

export async function bootstrap(deps: {
  store: Store;
  clock: Clock;
  config: Config;
  logger: Logger;
}): Promise<BootstrapResult> {
  const { store, clock, config, logger } = deps;
  const db = store.db;
  const at = clock.now();
  const existing = await db.selectFrom("workspaces").select("id").orderBy("id").executeTakeFirst();
  let workspaceId = existing?.id;
  let created = false;
  if (!workspaceId) {
    workspaceId = await db.transaction().execute(async (trx) => {
      const workspace = await createWorkspace(trx, {
        name: "Default workspace",
        plan: "enterprise",
        keyPrefix: "kg",
        kind: "operator",
        at,
      });
      await recordAudit(trx, {
        workspaceId: workspace.id,
        actor: { type: "system", id: null, ip: null },
        action: "workspace.created",
        target: { type: "workspace", id: workspace.id },
        details: { name: workspace.name, plan: workspace.plan },
        at,
      });
      return workspace.id;
    });
    created = true;
    logger.info({ workspaceId }, "created the first workspace");
  }
  if (await hasOwner(db, workspaceId)) return { workspaceId, created };

  if (config.adminEmail && config.adminPassword) {
    const { adminEmail, adminPassword } = config;
    // Hashed before the transaction: argon2's cost never holds a store connection.
    const passwordHash = await hashPassword(adminPassword);
    await db.transaction().execute(async (trx) => {
      const user =
        (await findUserByEmail(trx, adminEmail)) ??
        (await createUser(trx, {
          email: adminEmail,
          name: adminEmail.split("@")[0] ?? "admin",
          passwordHash,
          at,
        }));
      await addMember(trx, { workspaceId, userId: user.id, role: "owner", at });
      await recordAudit(trx, {
        workspaceId,
        actor: { type: "system", id: null, ip: null },
        action: "member.added",
        target: { type: "user", id: user.id },
        details: { email: user.email, role: "owner", source: "KEYGATE_ADMIN_EMAIL" },
        at,
      });
    });
    logger.info({ email: adminEmail }, "created the owner from KEYGATE_ADMIN_EMAIL");
    return { workspaceId, created };
  }

  const token = await issueSetupToken(db, clock, workspaceId);
  const setupUrl = `${config.publicUrl}/setup?token=${token}`;
  return { workspaceId, setupUrl, created };
}
