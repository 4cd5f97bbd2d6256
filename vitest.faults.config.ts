// The fault suite (`npm run test:faults`, run by CI through .ci/faults): killed workers, Ctrl-C to
// the process group under load, a database restart, concurrent rollovers and seeded fuzzers. Not
// part of `npm test`, which stays fast. Files run one at a time: their recovery times are
// measured, and the machine has 2 cores.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/faults/**/*.fault.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
