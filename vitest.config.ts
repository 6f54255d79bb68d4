/**
 * The test suite: every `*.test.ts` of the server. Files run in two worker processes that are not
 * reset between files (`isolate: false`): a worker keeps its loaded modules, the compiled PGlite
 * and the test stores its files closed (test/store-pool.ts), instead of paying for them again in
 * every file. Tests therefore leave no global state behind (none mocks modules or timers).
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["server/src/**/*.test.ts", "server/test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    isolate: false,
    globalSetup: ["server/test/global-setup.ts"],
  },
});
