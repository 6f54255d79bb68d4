/**
 * Server-side sessions for the dashboard. The cookie holds a random token; the store holds only
 * its SHA-256, the user, the current workspace and the CSRF token that goes with it.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Clock } from "../../clock.js";
import type { Database, Role } from "../../store/schema.js";
import { hashSecret } from "../key-format.js";

export const SESSION_COOKIE = "keygate_session";
/** A session ends this long after its last use... */
export const SESSION_IDLE_MS = 24 * 60 * 60 * 1000;
/** ...and in any case this long after sign-in. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** `last_seen_at` is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface SessionRecord {
  sessionHash: string;
  userId: string;
  workspaceId: string;
  /** Whether the workspace is the operator's (platform mode). */
  operator: boolean;
  role: Role;
  csrfToken: string;
}

export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

export async function createSession(
  db: Kysely<Database>,
  clock: Clock,
  input: { userId: string; workspaceId: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_MAX_MS);
  await db
    .insertInto("sessions")
    .values({
      token_hash: hashSecret(token),
      user_id: input.userId,
      workspace_id: input.workspaceId,
      csrf_token: csrfToken,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 500) ?? null,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The live session for this cookie token, with the user's current role; `undefined` if none. */
export async function findSession(
  db: Kysely<Database>,
  clock: Clock,
  token: string,
): Promise<SessionRecord | undefined> {
  const sessionHash = hashSecret(token);
  const now = clock.now();
  const row = await db
    .selectFrom("sessions")
    .innerJoin("memberships", (join) =>
      join
        .onRef("memberships.user_id", "=", "sessions.user_id")
        .onRef("memberships.workspace_id", "=", "sessions.workspace_id"),
    )
    .innerJoin("workspaces", "workspaces.id", "sessions.workspace_id")
    .where("workspaces.deleted_at", "is", null)
    .select([
      "workspaces.kind",
      "sessions.user_id",
      "sessions.workspace_id",
      "sessions.csrf_token",
      "sessions.last_seen_at",
      "sessions.expires_at",
      "memberships.role",
    ])
    .where("sessions.token_hash", "=", sessionHash)
    .executeTakeFirst();
  if (!row) return undefined;
  if (
    row.expires_at.getTime() <= now.getTime() ||
    now.getTime() - row.last_seen_at.getTime() > SESSION_IDLE_MS
  ) {
    await deleteSession(db, sessionHash);
    return undefined;
  }
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db
      .updateTable("sessions")
      .set({ last_seen_at: now })
      .where("token_hash", "=", sessionHash)
      .execute();
  }
  return {
    sessionHash,
    userId: row.user_id,
    workspaceId: row.workspace_id,
    operator: row.kind === "operator",
    role: row.role,
    csrfToken: row.csrf_token,
  };
}

export async function deleteSession(db: Kysely<Database>, sessionHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", sessionHash).execute();
}
