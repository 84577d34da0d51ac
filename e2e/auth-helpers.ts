import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";

export type User = { id: number; username: string; display_name: string; role: string; is_active: boolean };

/** DRF's obtain_auth_token: a new API token for these credentials. */
export async function obtainToken(request: APIRequestContext, username: string, password: string): Promise<string> {
  const res = await request.post("/api/auth/token/", { data: { username, password } });
  expect(res.status(), `POST /api/auth/token/ as ${username} → ${await res.text()}`).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** A user made by the admin through the API (`request` carries the admin's token). */
export async function createUser(
  request: APIRequestContext,
  fields: { username: string; role: string; password: string; display_name?: string },
): Promise<User> {
  const res = await request.post("/api/auth/users/", { data: fields });
  expect(res.status(), `POST /api/auth/users/ → ${await res.text()}`).toBe(201);
  return (await res.json()) as User;
}

/** Logs in through the login page; the page ends where the login sends it. */
export async function logInThroughPage(page: Page, username: string, password: string) {
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** A browser of its own, logged in as this user (the login API sets its cookies). */
export async function browserAs(browser: Browser, username: string, password: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const res = await context.request.post("/api/auth/login/", { data: { username, password } });
  expect(res.status(), `login as ${username} → ${await res.text()}`).toBe(200);
  return { context, page: interactiveAfterNavigation(await context.newPage()) };
}

/**
 * `goto` and `reload` also wait until the page is hydrated (providers.tsx marks `<html>`):
 * the history's rows and a job's header come with the HTML, so a test could otherwise type
 * or click before React listens, and the input would be lost.
 */
export function interactiveAfterNavigation(page: Page): Page {
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  const hydrated = () => page.locator("html[data-hydrated]").waitFor({ state: "attached", timeout: 30_000 });
  page.goto = async (...args: Parameters<Page["goto"]>) => {
    const response = await goto(...args);
    await hydrated();
    return response;
  };
  page.reload = async (...args: Parameters<Page["reload"]>) => {
    const response = await reload(...args);
    await hydrated();
    return response;
  };
  return page;
}
