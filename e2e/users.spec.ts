import { ADMIN } from "./admin-login";
import { createUser } from "./auth-helpers";
import { expect, test } from "./fixtures";
import { uniq } from "./helpers";

test("an admin creates a user in the users page, edits and deactivates them; the server's refusals are shown", async ({ page, request }) => {
  const username = uniq("op");
  await page.goto("/jobs");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "用户管理" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "用户管理" })).toBeVisible();

  await page.getByRole("button", { name: "+ 新建用户" }).click();
  const dialog = page.getByRole("dialog", { name: "新建用户" });
  await dialog.getByLabel("用户名").fill(username);
  await dialog.getByLabel("显示名称").fill("值班操作员");
  await dialog.getByLabel("角色").selectOption({ label: "操作员" });
  await dialog.getByLabel("初始密码").fill("short");
  await dialog.getByRole("button", { name: "创建" }).click();
  await expect(dialog.getByLabel("初始密码")).toHaveAccessibleDescription(/密码长度太短。密码必须包含至少 8 个字符。/);
  await dialog.getByLabel("初始密码").fill("password123");
  await dialog.getByRole("button", { name: "创建" }).click();
  await expect(dialog.getByLabel("初始密码")).toHaveAccessibleDescription(/这个密码太常见了。/);
  await dialog.getByLabel("初始密码").fill("operator-password-1");
  await dialog.getByRole("button", { name: "创建" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `已创建用户「${username}」。` })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(username) });
  await expect(row).toContainText("值班操作员");
  await expect(row).toContainText("操作员");
  await expect(row).toContainText("启用");

  // the new user can log in
  expect((await request.post("/api/auth/token/", { data: { username, password: "operator-password-1" } })).status()).toBe(200);

  // the same name again: the server's message on the field
  await page.getByRole("button", { name: "+ 新建用户" }).click();
  await dialog.getByLabel("用户名").fill(username);
  await dialog.getByLabel("初始密码").fill("another-password-1");
  await dialog.getByRole("button", { name: "创建" }).click();
  await expect(dialog.getByLabel("用户名")).toHaveAccessibleDescription("已存在一位使用该名字的用户。");
  await dialog.getByRole("button", { name: "取消" }).click();

  // demote to viewer and deactivate: they cannot log in any more
  await row.getByRole("button", { name: `编辑用户「${username}」` }).click();
  const edit = page.getByRole("dialog", { name: `编辑用户「${username}」` });
  await edit.getByLabel("角色").selectOption({ label: "只读" });
  await edit.getByLabel("允许登录").uncheck();
  await edit.getByRole("button", { name: "保存" }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText("只读");
  await expect(row).toContainText("已停用");
  expect((await request.post("/api/auth/token/", { data: { username, password: "operator-password-1" } })).status()).toBe(400);

  // a conflict (409) is said in the dialog: an admin cannot deactivate themself
  await page.getByRole("button", { name: `编辑用户「${ADMIN.username}」` }).click();
  const self = page.getByRole("dialog", { name: `编辑用户「${ADMIN.username}」` });
  await self.getByLabel("允许登录").uncheck();
  await self.getByRole("button", { name: "保存" }).click();
  await expect(self.getByRole("alert")).toContainText("不能停用自己的账号。");
  await self.getByRole("button", { name: "取消" }).click();
});

test("an operator has no users page, and the link is not offered", async ({ browser, request }) => {
  const operator = await createUser(request, { username: uniq("op"), role: "operator", password: "operator-password-1" });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  expect((await context.request.post("/api/auth/login/", { data: { username: operator.username, password: "operator-password-1" } })).status()).toBe(200);
  const page = await context.newPage();
  await page.goto("/jobs");
  await expect(page.getByTestId("user-role")).toHaveText("操作员");
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "模板" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "用户管理" })).toHaveCount(0);
  await page.goto("/users");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("你的账号没有权限访问这个页面。");
  await context.close();
});
