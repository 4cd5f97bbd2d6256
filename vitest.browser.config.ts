// `npm run test:browser`: the dashboard in headless Chromium (Debian's chromium, driven by
// playwright-core). Not part of `npm test`, which must run where no browser is installed;
// .ci/browser installs chromium and runs this.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/browser/**/*.e2e.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
