import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Two files at a time on the 2-core machine (the tests mostly wait on PostgreSQL), in reused
    // processes: re-importing the app per file took a fifth of the run. Each file still has its
    // own database (tests/helpers/database.ts); 110 s became 49 s on the shared machine.
    maxWorkers: 2,
    isolate: false,
  },
});
