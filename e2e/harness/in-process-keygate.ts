/**
 * A Keygate started inside the test process, from the same code and the same built dashboard as
 * `npm start`, on a free port and a fresh data folder, but with a clock the test moves by hand:
 * for what only time can show (a portal link refused 60 s after it was made) without waiting.
 * Every other browser test starts the built server as a child process (keygate-process.ts).
 *
 * @example
 * const keygate = await startInProcessKeygate({ env: { KEYGATE_EMBED_ORIGINS: "http://localhost:4000" } });
 * keygate.clock.advance(61_000);
 * await keygate.dispose();
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../../server/src/app/server.js";
import { ManualClock } from "../../server/src/clock.js";
import { loadConfig } from "../../server/src/config/config.js";
import { createLogger } from "../../server/src/observability/logger.js";
import { OWNER } from "./api.js";
import { freePort } from "./free-port.js";
import { REPO_ROOT } from "./keygate-process.js";
import { copyMigratedDataDir } from "./migrated-data-dir.js";

export interface InProcessKeygate {
  /** `http://127.0.0.1:<port>`, also its KEYGATE_PUBLIC_URL. */
  readonly url: string;
  /** The server's clock: starts at the real time, moves only when the test says so. */
  readonly clock: ManualClock;
  /** Stops it and removes its data folder. */
  dispose(): Promise<void>;
}

/** Starts Keygate with OWNER as its first owner (KEYGATE_ADMIN_EMAIL/PASSWORD) and `env` added. */
export async function startInProcessKeygate(
  options: { env?: Record<string, string> } = {},
): Promise<InProcessKeygate> {
  const dataDir = await mkdtemp(join(tmpdir(), "keygate-e2e-"));
  await copyMigratedDataDir(REPO_ROOT, dataDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    PORT: String(port),
    HOST: "127.0.0.1",
    KEYGATE_DATA_DIR: dataDir,
    KEYGATE_PUBLIC_URL: url,
    KEYGATE_ADMIN_EMAIL: OWNER.email,
    KEYGATE_ADMIN_PASSWORD: OWNER.password,
    LOG_LEVEL: "warn",
    ...options.env,
  });
  const clock = new ManualClock(new Date());
  const server = await startServer(config, {
    clock,
    logger: createLogger({ logLevel: "warn" }),
    print: () => {},
  });
  return {
    url,
    clock,
    async dispose() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
