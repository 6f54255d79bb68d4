/**
 * A listening Keygate for the SDK's tests and benchmark: the whole service of
 * server/test/harness.ts (a fresh embedded store, the real HTTP app with its verify lane) on a free
 * port of 127.0.0.1, with a seeded workspace. Time is the machine's own, as the SDK's local checks
 * (expiry, usage report clamping) read it. One per test file.
 *
 * @example
 * const keygate = await startLiveKeygate();                 // in beforeAll
 * const rootKey = await keygate.rootKey(["keys:verify"]);
 * await fetch(`${keygate.url}/v1/keys/verify`, ...);
 * await keygate.close();                                    // in afterAll
 */
import { readFile } from "node:fs/promises";
import type { TestProject } from "vitest/node";
import { ManualClock } from "../../server/src/clock.js";
import type { Grant } from "../../server/src/domain/principal.js";
import { openStore } from "../../server/src/store/database.js";
import type { Plan } from "../../server/src/store/schema.js";
import { type Backend, pgliteBackend } from "../../server/test/backends.js";
import prepareTestStores from "../../server/test/global-setup.js";
import {
  createTestService,
  seedRootKey,
  seedWorkspace,
  type TestService,
} from "../../server/test/harness.js";

export interface LiveKeygate {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** A new root key of the seeded workspace with exactly these permissions. */
  rootKey(permissions: Grant[]): Promise<string>;
  workspaceId: string;
  /** The service itself: its context (metrics, verifier), store and app. */
  service: TestService;
  close(): Promise<void>;
}

export interface LiveKeygateOptions {
  /** The seeded workspace's plan (default `enterprise`). */
  plan?: Plan;
  /** More settings for the server's config, as environment variables. */
  env?: NodeJS.ProcessEnv;
}

/** A clock that reads the machine's time (the harness's clock type, never moved by hand). */
class MachineClock extends ManualClock {
  override now(): Date {
    return new Date();
  }

  override nowMs(): number {
    return Date.now();
  }
}

let migratedDump: Promise<Blob> | undefined;

/**
 * The server suite's migrated PGlite dump (made once, cached under node_modules/.cache by its
 * global setup), read once per process: loading it costs ~0.6 s where migrating costs ~3 s.
 */
function migratedStoreDump(): Promise<Blob> {
  migratedDump ??= (async () => {
    const provided = new Map<string, unknown>();
    const project = { provide: (key: string, value: unknown) => provided.set(key, value) };
    await prepareTestStores(project as unknown as TestProject);
    const path = provided.get("pgliteDumpPath");
    if (typeof path !== "string") throw new Error("the test setup provided no PGlite dump");
    return new Blob([new Uint8Array(await readFile(path))], { type: "application/x-gzip" });
  })();
  return migratedDump;
}

/** A fresh store per Keygate, loaded from the dump (outside Vitest too, for the benchmark). */
const dumpBackend: Backend = {
  ...pgliteBackend,
  open: async () => openStore({ loadDataDir: await migratedStoreDump() }),
};

export async function startLiveKeygate(options: LiveKeygateOptions = {}): Promise<LiveKeygate> {
  const service = await createTestService({
    backend: dumpBackend,
    clock: new MachineClock(),
    env: { HOST: "127.0.0.1", ...options.env },
  });
  const seeded = await seedWorkspace(service, options.plan ? { plan: options.plan } : {});
  const url = await service.app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url: url.replace("localhost", "127.0.0.1"),
    rootKey: (permissions) => seedRootKey(service, seeded.workspace.id, permissions),
    workspaceId: seeded.workspace.id,
    service,
    close: () => service.close(),
  };
}
