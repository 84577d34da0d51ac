import { expect, test as setup } from "@playwright/test";
import { ADMIN, ADMIN_STATE } from "./admin-login";
import { logInThroughPage } from "./auth-helpers";

setup("log in as the admin through the login page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await logInThroughPage(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole("heading", { name: "概览", level: 1 })).toBeVisible();
  await page.context().storageState({ path: ADMIN_STATE });
});
