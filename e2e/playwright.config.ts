// Browser tests of the dashboard: Playwright drives Debian's Chromium against `npm start`
// (local chain + deployed and seeded Fund + `vite preview`). All tests share that one chain, so they
// run one at a time; each test acts as its own dev account and never relies on another's effects.
import { defineConfig, devices } from "@playwright/test";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../scripts/lib/chromium.js";
import { DASHBOARD_URL, RPC_URL } from "./support/env.js";

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  outputDir: "../test-results",
  fullyParallel: false,
  workers: 1,
  // A flaky flow is a bug to fix, not to hide.
  // In CI a failed test runs once more and is reported as flaky, not hidden: the Safe App spec once
  // found the dashboard's frame not yet connected to the Safe stand-in in a full run (it passes alone).
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { outputFolder: "../playwright-report", open: "never" }]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL: DASHBOARD_URL,
    viewport: { width: 1440, height: 1000 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    video: "off",
    actionTimeout: 15_000,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  // After the web server is up: the ENS stand-in goes onto the local chain (support/ensStub.ts).
  globalSetup: "./global-setup.ts",
  webServer: {
    // `npm start` itself: compile, chain, deploy, seed, build and serve the dashboard.
    command: "node scripts/start.ts",
    cwd: "..",
    env: {
      // The pages must see the whole seeded history: the start waits for the history indexer to catch up.
      FEF_WAIT_FOR_INDEXER: "1",
      // The dashboard's ENS lookups go to the local chain, where the ENS stand-in answers them (no outside
      // network). A reused `npm start` must have been started with the same setting for ens.spec.ts.
      VITE_MAINNET_RPC_URL: RPC_URL,
    },
    url: DASHBOARD_URL,
    timeout: 240_000,
    // Locally an `npm start` already running is reused: the tests expect its demo freshly seeded.
    reuseExistingServer: !process.env.CI,
    // start.ts stops the chain and the preview server it started on SIGINT.
    gracefulShutdown: { signal: "SIGINT", timeout: 20_000 },
    // Its steps and the seed's log show where a failed start stopped.
    stdout: "pipe",
    stderr: "pipe",
  },
});
