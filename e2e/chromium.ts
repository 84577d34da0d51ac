// How the tests and bench:ui start Chromium: Debian's (CHROMIUM_PATH elsewhere), quiet and
// without the sandbox a container lacks. No Playwright import: playwright.config.ts reads it.
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
