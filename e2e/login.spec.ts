import { ADMIN } from "./admin-login";
import { createUser, logInThroughPage } from "./auth-helpers";
import { expect, test } from "./fixtures";
import { importJob, jobCount, uniq } from "./helpers";

// these tests start logged out
test.use({ storageState: { cookies: [], origins: [] } });

test("a page asked for before login comes back after logging in through the login page", async ({ page, request }) => {
  const token = uniq("li");
  await importJob(request, { arguments: token, state: "failed" });
  await page.goto(`/jobs?search=${token}`);
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent(`/jobs?search=${token}`)}`);
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  // nothing of the app is offered before a login
  await expect(page.getByRole("navigation", { name: "主导航" })).toHaveCount(0);

  await logInThroughPage(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(`/jobs?search=${token}`);
  await expect(page.getByRole("heading", { name: "作业历史" })).toBeVisible();
  await expect(jobCount(page)).toHaveText("共 1 条");
  await expect(page.getByTestId("user-name")).toHaveText(ADMIN.displayName);
  await expect(page.getByTestId("user-role")).toHaveText("管理员");
});

test("a wrong password is refused with a message, and the form stays", async ({ page, request }) => {
  const user = await createUser(request, { username: uniq("pw"), role: "viewer", password: "right-password-1" });
  await page.goto("/login");
  await logInThroughPage(page, user.username, "wrong-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("用户名或密码不正确。");
  await expect(page).toHaveURL("/login");
  await expect(page.getByLabel("密码")).toHaveValue("wrong-password");

  // an empty form: the server's message under each field
  await page.getByLabel("用户名").fill("");
  await page.getByLabel("密码").fill("");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByLabel("用户名")).toHaveAccessibleDescription("该字段不能为空。");
  await expect(page.getByLabel("密码")).toHaveAccessibleDescription("该字段不能为空。");

  await logInThroughPage(page, user.username, "right-password-1");
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { name: "概览", level: 1 })).toBeVisible();
  await expect(page.getByTestId("user-role")).toHaveText("只读");
});

test("after too many failures the login page says to wait", async ({ page, request }) => {
  const user = await createUser(request, { username: uniq("rl"), role: "viewer", password: "right-password-1" });
  // five failures from this machine (the browser's address too) use up the per-user-and-address allowance
  for (let i = 0; i < 5; i++)
    expect((await request.post("/api/auth/login/", { data: { username: user.username, password: `wrong-${i}` } })).status()).toBe(400);
  await page.goto("/login");
  // even the right password waits now
  await logInThroughPage(page, user.username, "right-password-1");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^登录失败次数过多，请 \d+ 秒后再试。$/);
  await expect(page).toHaveURL("/login");
});

test("a login link to another site goes to the overview instead", async ({ page }) => {
  await page.goto(`/login?next=${encodeURIComponent("//evil.example/jobs")}`);
  await logInThroughPage(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL("/");
});

test("logout returns to the login page, and the ended session reaches nothing", async ({ page, context }) => {
  await page.goto("/login");
  await logInThroughPage(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole("heading", { name: "概览", level: 1 })).toBeVisible();
  const session = await context.cookies();
  expect(session.map((c) => c.name)).toEqual(expect.arrayContaining(["zuoye_session", "zuoye_csrf"]));

  await page.getByRole("button", { name: /^当前用户/ }).click();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL("/login");
  expect((await context.cookies()).map((c) => c.name)).not.toContain("zuoye_session");
  await page.goto("/jobs");
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent("/jobs")}`);

  // the old cookie, put back, is worthless: the API says 401 and the page goes to the login
  await context.addCookies(session);
  expect((await page.request.get("/api/job/job/?limit=1")).status()).toBe(401);
  await page.goto("/jobs");
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent("/jobs")}`);
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
});
