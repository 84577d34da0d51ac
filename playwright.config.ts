import { defineConfig } from "@playwright/test";
import { ADMIN, ADMIN_STATE } from "./e2e/admin-login";
import { CHROMIUM_LAUNCH } from "./e2e/chromium";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Browser tests against the built app (`npx next build` first) on a fresh database.
 * Chromium comes from the system (Debian's `chromium`); CHROMIUM_PATH points elsewhere.
 * The "setup" project logs the admin in through the login page; the browser tests start
 * from that session (e2e/fixtures.ts gives their API `request` the admin's token).
 */
export default defineConfig({
  testDir: "e2e",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1280, height: 860 },
    trace: "retain-on-failure",
    launchOptions: CHROMIUM_LAUNCH,
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    { name: "chromium", dependencies: ["setup"], use: { storageState: ADMIN_STATE } },
  ],
  webServer: {
    command: "bash e2e/serve.sh",
    // up once the API answers (401: no login yet)
    url: `${baseURL}/api/job/job/?limit=1`,
    env: { E2E_PORT: String(port), E2E_ADMIN_PASSWORD: ADMIN.password },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
