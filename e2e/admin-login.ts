// The built-in admin of the e2e server: e2e/serve.sh gives it this password on first start.
// No Playwright import here: playwright.config.ts reads it too.
export const ADMIN = {
  username: "admin",
  password: process.env.E2E_ADMIN_PASSWORD || "e2e-admin-password",
  displayName: "管理员",
};

/** The admin's logged-in browser state (cookies), saved by auth.setup.ts; one per server port. */
export const ADMIN_STATE = `e2e/.auth/admin-${Number(process.env.E2E_PORT ?? 3210)}.json`;
