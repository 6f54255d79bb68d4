/** `keygate migrate`: applies pending migrations and says which ones ran. */
import { describeStore } from "../app/server.js";
import type { Config } from "../config/config.js";
import type { MigrateReport } from "../store/migrate.js";
import { type CommandIo, processIo } from "./command-io.js";
import { withStore } from "./with-store.js";

export async function migrate(config: Config, io: CommandIo = processIo): Promise<MigrateReport> {
  const report = await withStore(
    config,
    { mustExist: false, store: io.store },
    async (_store, migrations) => migrations,
  );
  const where = describeStore(config);
  if (report.applied.length === 0) {
    io.print(`${where}: the schema is up to date (${report.current ?? "no migrations"}); nothing applied.`);
  } else {
    io.print(`${where}: applied ${report.applied.length} migration(s): ${report.applied.join(", ")}.`);
  }
  return report;
}
