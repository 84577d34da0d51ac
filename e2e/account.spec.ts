import { ADMIN } from "./admin-login";
import { browserAs, createUser } from "./auth-helpers";
import { expect, test } from "./fixtures";
import { uniq } from "./helpers";

test("an API token made in the account page is shown once, works, and stops working when revoked there", async ({ page, playwright, baseURL }) => {
  const name = uniq("script");
  await page.goto("/jobs");
  await page.getByRole("button", { name: /^当前用户/ }).click();
  await page.getByRole("link", { name: "我的账号" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "我的账号" })).toBeVisible();
  await expect(page.getByRole("region", { name: "账号信息" })).toContainText(ADMIN.username);

  const tokens = page.getByRole("region", { name: "API 令牌" });
  await tokens.getByLabel("名称").fill(name);
  await tokens.getByLabel("有效天数").fill("30");
  await tokens.getByRole("button", { name: "创建令牌" }).click();
  const shown = page.getByRole("dialog", { name: `令牌「${name}」已创建` });
  await expect(shown.getByRole("alert")).toContainText("只显示这一次");
  const key = await shown.getByTestId("new-token-key").inputValue();
  expect(key).toMatch(/^[0-9a-f]{40}$/);
  await shown.getByRole("button", { name: "复制" }).click();
  await expect(shown.getByRole("button", { name: "✓ 已复制" })).toBeVisible();
  await shown.getByRole("button", { name: "我已保存，关闭" }).click();
  await expect(shown).toBeHidden();

  // listed by its first characters only; the key itself is nowhere on the page any more
  const row = tokens.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(`${key.slice(0, 6)}…`);
  await expect(row).toContainText("从未使用");
  await expect(page.getByText(key)).toHaveCount(0);

  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Token ${key}` }, storageState: { cookies: [], origins: [] } });
  expect((await script.get("/api/job/job/?limit=1")).status()).toBe(200);
  await page.reload();
  await expect(row).not.toContainText("从未使用");

  await row.getByRole("button", { name: `吊销令牌「${name}」` }).click();
  const confirm = page.getByRole("dialog", { name: "吊销令牌" });
  await expect(confirm).toContainText(name);
  await confirm.getByRole("button", { name: "吊销" }).click();
  await expect(confirm).toBeHidden();
  await expect(tokens.getByRole("status")).toHaveText(`已吊销令牌「${name}」。`);
  await expect(row).toHaveCount(0);

  const refused = await script.get("/api/job/job/?limit=1");
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ detail: "认证令牌无效。" });
  await script.dispose();
});

test("a user changes their own password: each refusal on its field, then the new one works", async ({ browser, request }) => {
  const user = await createUser(request, { username: uniq("pw"), role: "viewer", password: "first-password-1" });
  const { context, page } = await browserAs(browser, user.username, "first-password-1");
  await page.goto("/account");
  const form = page.getByRole("region", { name: "修改密码" });
  const submit = form.getByRole("button", { name: "修改密码" });

  await form.getByLabel("原密码").fill("not-my-password");
  await form.getByLabel("新密码", { exact: true }).fill("second-password-2");
  await form.getByLabel("确认新密码").fill("second-password-2");
  await submit.click();
  await expect(form.getByLabel("原密码")).toHaveAccessibleDescription("原密码不正确。");

  await form.getByLabel("原密码").fill("first-password-1");
  await form.getByLabel("确认新密码").fill("second-password-3");
  await submit.click();
  await expect(form.getByLabel("确认新密码")).toHaveAccessibleDescription("两次输入的新密码不一致。");

  await form.getByLabel("新密码", { exact: true }).fill("short");
  await form.getByLabel("确认新密码").fill("short");
  await submit.click();
  await expect(form.getByLabel("新密码", { exact: true })).toHaveAccessibleDescription(/密码太短，至少需要 8 个字符。/);

  await form.getByLabel("新密码", { exact: true }).fill("second-password-2");
  await form.getByLabel("确认新密码").fill("second-password-2");
  await submit.click();
  await expect(form.getByRole("status")).toHaveText(/密码已修改。/);
  await expect(form.getByLabel("原密码")).toHaveValue("");
  expect((await request.post("/api/auth/token/", { data: { username: user.username, password: "second-password-2" } })).status()).toBe(200);
  expect((await request.post("/api/auth/token/", { data: { username: user.username, password: "first-password-1" } })).status()).toBe(400);
  // this browser's own session goes on
  await page.goto("/jobs");
  await expect(page.getByRole("heading", { name: "作业历史" })).toBeVisible();
  await context.close();
});
