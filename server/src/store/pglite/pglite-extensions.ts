/**
 * The PostgreSQL extensions every embedded store loads: the migrations create them (`pg_trgm`
 * backs the key name search), so any PGlite that runs the migrations or opens a migrated data
 * folder must be given these.
 * @example await PGlite.create({ extensions: PGLITE_EXTENSIONS })
 */
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

export const PGLITE_EXTENSIONS = { pg_trgm };
