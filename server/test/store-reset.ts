/**
 * Puts a used test store back as it came from its dump or template. A migrated store keeps its
 * schema and has every table emptied but the migration records; an empty (unmigrated) store has
 * its `public` schema dropped and made again. A store is reused only when its schema is then the
 * one it started with: the fingerprint below covers tables and their columns, defaults, indexes,
 * constraints, triggers, functions, types, extensions, schemas, storage options and (migrated)
 * the migration records, so a test that changed any of them (a pretend "newer" schema, say)
 * leaves its store to be thrown away rather than handed to the next test.
 */

/** Runs one statement and answers its rows: PGlite's `query` and pg's `Client.query` both fit. */
export type RunQuery = (sql: string) => Promise<{ rows: unknown[] }>;

/** What a store held when it was handed out: the current schema, or nothing at all. */
export type StoreContent = "migrated" | "empty";

export interface StoreBaseline {
  content: StoreContent;
  fingerprint: string;
  /**
   * Every table that holds test data (all of `public` but the migration records), each after the
   * tables whose foreign keys point at it, so deleting in this order breaks none.
   */
  tables: string[];
}

/** How to empty the tables: `truncate` leaves no dead rows behind, `delete` is ~20x faster on PostgreSQL. */
export type EmptyWith = "truncate" | "delete";

const MIGRATION_RECORDS = `
  union all
  select 'migration ' || name || ' ' || "timestamp" from keygate_migrations
  union all
  select 'migration lock ' || id || ' ' || is_locked from keygate_migrations_lock`;

const FINGERPRINT = (content: StoreContent) => `
select md5(coalesce(string_agg(item, E'\\n' order by item), '')) as fingerprint from (
  select 'relation ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text || ' '
         || coalesce(array_to_string(c.reloptions, ','), '') as item
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname not in ('pg_catalog', 'information_schema')
     and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
  union all
  select 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
         || ' ' || a.attnotnull || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
   where c.relnamespace = 'public'::regnamespace and a.attnum > 0 and not a.attisdropped
  union all
  select 'index ' || pg_get_indexdef(i.indexrelid)
    from pg_index i join pg_class c on c.oid = i.indrelid
   where c.relnamespace = 'public'::regnamespace
  union all
  select 'constraint ' || conname || ' ' || pg_get_constraintdef(oid)
    from pg_constraint where connamespace = 'public'::regnamespace
  union all
  select 'trigger ' || pg_get_triggerdef(oid) from pg_trigger where not tgisinternal
  union all
  select 'function ' || oid::regprocedure::text || ' ' || md5(prosrc)
    from pg_proc where pronamespace = 'public'::regnamespace
  union all
  select 'type ' || typname || ' ' || typtype::text from pg_type where typnamespace = 'public'::regnamespace
  union all
  select 'extension ' || extname || ' ' || extversion from pg_extension
  union all
  select 'schema ' || nspname from pg_namespace
   where nspname not like 'pg\\_toast%' and nspname not like 'pg\\_temp%'
  ${content === "migrated" ? MIGRATION_RECORDS : ""}
) items`;

const TABLES = `
select quote_ident(tablename) as name from pg_tables
 where schemaname = 'public' and tablename not in ('keygate_migrations', 'keygate_migrations_lock')
 order by tablename`;

const FOREIGN_KEYS = `
select quote_ident(child.relname) as child, quote_ident(parent.relname) as parent
  from pg_constraint k
  join pg_class child on child.oid = k.conrelid
  join pg_class parent on parent.oid = k.confrelid
 where k.contype = 'f' and k.connamespace = 'public'::regnamespace and k.conrelid <> k.confrelid`;

/** The tables, each after every table that references it. */
function referencingFirst(tables: string[], references: Array<{ child: string; parent: string }>): string[] {
  const ordered: string[] = [];
  const left = new Set(tables);
  while (left.size > 0) {
    const free = [...left].filter((table) =>
      references.every((ref) => ref.parent !== table || !left.has(ref.child)),
    );
    // A cycle of foreign keys: truncate copes, delete would not; keep the rest in name order.
    const next = free.length > 0 ? free : [...left];
    for (const table of next) {
      ordered.push(table);
      left.delete(table);
    }
  }
  return ordered;
}

async function fingerprintOf(run: RunQuery, content: StoreContent): Promise<string> {
  const { rows } = await run(FINGERPRINT(content));
  return (rows[0] as { fingerprint: string }).fingerprint;
}

/** What a fresh store looks like, read from a fresh store. */
export async function readBaseline(run: RunQuery, content: StoreContent): Promise<StoreBaseline> {
  const tables = (await run(TABLES)).rows.map((row) => (row as { name: string }).name);
  const references = (await run(FOREIGN_KEYS)).rows as Array<{ child: string; parent: string }>;
  return {
    content,
    fingerprint: await fingerprintOf(run, content),
    tables: referencingFirst(tables, references),
  };
}

/**
 * Empties the store as described above; answers whether its schema is the baseline's again (and
 * so whether the store may be handed out again).
 */
export async function resetStore(run: RunQuery, baseline: StoreBaseline, empty: EmptyWith): Promise<boolean> {
  if (baseline.content === "empty") {
    await run("drop schema if exists public cascade");
    await run("create schema public");
  }
  if ((await fingerprintOf(run, baseline.content)) !== baseline.fingerprint) return false;
  if (baseline.content === "migrated" && empty === "truncate" && baseline.tables.length > 0)
    await run(`truncate table ${baseline.tables.join(", ")} restart identity cascade`);
  if (baseline.content === "migrated" && empty === "delete") {
    await run("begin");
    for (const table of baseline.tables) await run(`delete from ${table}`);
    await run("commit");
  }
  // Counters such as a table's vacuum count start from zero, as in a new store.
  await run("select pg_stat_reset()");
  return true;
}
