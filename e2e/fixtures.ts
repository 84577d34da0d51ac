import { test as base } from "@playwright/test";
import { ADMIN } from "./admin-login";
import { interactiveAfterNavigation, obtainToken } from "./auth-helpers";

export { expect } from "@playwright/test";

/**
 * The browser tests' `test`: `page` is logged in as the admin (the storage state auth.setup.ts
 * saved); `request`, which seeds data through the API, sends the admin's API token and no cookie.
 */
export const test = base.extend<object, { adminToken: string }>({
  adminToken: [
    async ({ playwright }, provide, workerInfo) => {
      const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL, storageState: { cookies: [], origins: [] } });
      const token = await obtainToken(request, ADMIN.username, ADMIN.password);
      await request.dispose();
      await provide(token);
    },
    { scope: "worker" },
  ],
  page: async ({ page }, provide) => {
    await provide(interactiveAfterNavigation(page));
  },
  request: async ({ playwright, baseURL, adminToken }, provide) => {
    const request = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { Authorization: `Token ${adminToken}` },
      storageState: { cookies: [], origins: [] },
    });
    await provide(request);
    await request.dispose();
  },
});
