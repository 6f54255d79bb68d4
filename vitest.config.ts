/**
 * The test suite, in three projects:
 * - `server`: every `*.test.ts` of the server. Files run in worker processes that are not reset
 *   between files (`isolate: false`): a worker keeps its loaded modules, the compiled PGlite and the
 *   test stores its files closed (test/store-pool.ts), instead of paying for them again in every
 *   file. Tests therefore leave no global state behind (none mocks modules or timers).
 * - `web`: the dashboard's component tests (Testing Library in jsdom).
 * - `sdk`: @keygate/sdk's tests; those that need a Keygate start one in process (sdk/test/).
 * - `examples`: each example API and a Keygate started as real processes, driven over HTTP.
 * - `e2e`: the browser tests (playwright-core driving Debian's Chromium against a real Keygate,
 *   started from the build as the README starts it). They skip, with a printed reason, when
 *   Chromium is not installed; under CI they fail instead.
 * - `cluster`: e2e/cluster.test.ts, three Keygate processes on PostgreSQL and Redis. It measures
 *   how fast a change reaches the other nodes (50 ms p99, the cluster contract), so it runs alone,
 *   after every other project has finished (`sequence.groupOrder`): two cores shared with another
 *   test file measure that file's load, not Keygate.
 */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "server",
          include: ["server/src/**/*.test.ts", "server/test/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
          isolate: false,
          globalSetup: ["server/test/global-setup.ts"],
        },
      },
      {
        plugins: [react()],
        test: {
          name: "web",
          include: ["web/src/**/*.test.{ts,tsx}"],
          environment: "jsdom",
          setupFiles: ["web/test/setup.ts"],
          testTimeout: 30_000,
          // A file's live Keygate (web/test/live-keygate.ts) may take a while to start on a busy machine.
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "sdk",
          include: ["sdk/src/**/*.test.ts", "sdk/test/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
        },
      },
      {
        test: {
          name: "examples",
          include: ["examples/**/*.test.ts"],
          exclude: ["**/node_modules/**"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          exclude: ["e2e/cluster.test.ts"],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          pool: "forks",
          isolate: false,
        },
      },
      {
        test: {
          name: "cluster",
          include: ["e2e/cluster.test.ts"],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          pool: "forks",
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
