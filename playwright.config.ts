import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import {
  APP_LOG,
  APP_PORT,
  APP_URL,
  appEnv,
  OTLP_PORT,
  OTLP_URL,
  SIM_PORT,
  SIM_SLOW_MS,
  SIM_URL,
  SPANS_FILE,
  storageStateFor,
} from "./e2e/support/settings";

// Debian's Chromium where it is installed (Playwright cannot download its own here); Playwright's own elsewhere. Its
// headless shell first, as Playwright's own headless runs use: the full browser in headless mode took half as long
// again for the same suite on a 2-core host (5.6 against 3.8 minutes), most of it Chromium's own CPU.
const systemChromium =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((file) => existsSync(file));

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two spec files at a time: each test reads back what the shared simulator received, and faults it, for its own
  // customer mobile only (freshMobile), and the specs that restart or kill an app use their own instance and port.
  workers: 2,
  // A guard against a hang, not a speed check (speed lives in npm run bench): the tests that drive several sends,
  // instances or password checks passed every step yet outgrew 30 s on a loaded 2-core CI host.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results",
  reporter: [["list"], ["json", { outputFile: ".test-output/e2e.json" }]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: systemChromium
        ? ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
        : [],
    },
  },
  projects: [
    // Signs each demo role in once and saves the browser state the specs start from.
    { name: "setup", testMatch: /auth\.setup\.ts/, use: { ...devices["Pixel 7"] } },
    {
      name: "phone",
      testIgnore: /auth\.setup\.ts/,
      dependencies: ["setup"],
      // Pixel 7's viewport, touch and user agent at one device pixel per CSS pixel: layout is the same, and Chromium
      // does not rasterise every frame at 2.6 times the pixels in software.
      use: { ...devices["Pixel 7"], deviceScaleFactor: 1, storageState: storageStateFor("agent") },
    },
  ],
  webServer: [
    {
      command: "node_modules/.bin/tsx scripts/sim.ts",
      url: `${SIM_URL}/__sim/health`,
      env: { SIM_PORT: String(SIM_PORT), SIM_CONTROL: "1", SIM_SLOW_MS: String(SIM_SLOW_MS) },
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      // The suite's trace collector: every instance's spans, one JSON line each in SPANS_FILE.
      command: `mkdir -p .test-output && node_modules/.bin/tsx scripts/traces.ts`,
      url: `${OTLP_URL}/health`,
      env: { TRACES_PORT: String(OTLP_PORT), TRACES_FILE: SPANS_FILE },
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      // Against the standalone build as `npm start` runs it (`npm test` builds first), with the demo accounts created beforehand.
      // The server's log lines go to a file the specs read: what was logged is checked like what was answered. One
      // request from days ago is written too (the reviews open on today; e2e/review-dates.spec.ts widens the range).
      command: `mkdir -p .test-output && node_modules/.bin/tsx --conditions=react-server scripts/seed-demo-users.ts && node_modules/.bin/tsx --conditions=react-server e2e/support/seed-earlier-request.ts && node scripts/start.mjs -p ${APP_PORT} -H 127.0.0.1 >> ${APP_LOG} 2>&1`,
      url: APP_URL,
      env: appEnv,
      reuseExistingServer: false,
      // Two seeding processes open the embedded database before the app does: slow on a busy machine.
      timeout: 120_000,
      stdout: "ignore",
    },
  ],
});
