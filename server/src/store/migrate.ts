/**
 * Runs the migrations at start, each in a transaction, and refuses a database whose schema is
 * newer than this code (a migration recorded there that the code does not know).
 */
import { type Kysely, type Migration, type MigrationResult, Migrator } from "kysely";
import { MIGRATIONS } from "./migrations/index.js";

export class SchemaTooNewError extends Error {
  override name = "SchemaTooNewError";
}

export interface MigrateReport {
  applied: string[];
  current: string | undefined;
}

/** Applies pending migrations; throws {@link SchemaTooNewError} when the database is ahead of the code. */
export async function migrateToLatest<DB>(
  store: Kysely<DB>,
  migrations: Record<string, Migration> = MIGRATIONS,
): Promise<MigrateReport> {
  const db = store as unknown as Kysely<unknown>;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: "keygate_migrations",
    migrationLockTableName: "keygate_migrations_lock",
  });
  const known = new Set(Object.keys(migrations));
  const recorded = await migrator.getMigrations();
  const executed = await readExecuted(db);
  const unknown = executed.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new SchemaTooNewError(
      `the database schema is newer than this Keygate (it has migration ${unknown.join(", ")}, which this version does not know); run a newer Keygate or restore a matching backup`,
    );
  }
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  const applied = (results ?? [])
    .filter((r: MigrationResult) => r.status === "Success")
    .map((r) => r.migrationName);
  const names = recorded.map((m) => m.name);
  return { applied, current: names.at(-1) };
}

async function readExecuted(db: Kysely<unknown>): Promise<string[]> {
  const tables = await db.introspection.getTables();
  if (!tables.some((t) => t.name === "keygate_migrations")) return [];
  const rows = await (db as Kysely<{ keygate_migrations: { name: string } }>)
    .selectFrom("keygate_migrations")
    .select("name")
    .execute();
  return rows.map((r) => r.name);
}
