/** People and their memberships: one account per email, a role in each workspace. */
import type { Kysely, Transaction } from "kysely";
import type { Database, Role, UserRow } from "../../store/schema.js";
import { newId } from "../ids.js";

type Db = Kysely<Database> | Transaction<Database>;

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  createdAt: string;
}

export function toPublicUser(row: Pick<UserRow, "id" | "email" | "name" | "created_at">): PublicUser {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.created_at.toISOString() };
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function createUser(
  db: Db,
  input: { email: string; name: string; at: Date; passwordHash: string },
): Promise<UserRow> {
  const row = {
    id: newId("user"),
    email: normaliseEmail(input.email),
    name: input.name,
    password_hash: input.passwordHash,
    created_at: input.at,
    updated_at: input.at,
  };
  await db.insertInto("users").values(row).execute();
  return row;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
}

export async function addMember(
  db: Db,
  input: { workspaceId: string; userId: string; role: Role; at: Date },
): Promise<void> {
  await db
    .insertInto("memberships")
    .values({
      workspace_id: input.workspaceId,
      user_id: input.userId,
      role: input.role,
      created_at: input.at,
    })
    .execute();
}
