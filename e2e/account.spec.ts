import { ADMIN } from "./admin-login";
import { browserAs, createUser, obtainToken } from "./auth-helpers";
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

  const script = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Token ${key}` },
    storageState: { cookies: [], origins: [] },
  });
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
  await expect(form.getByLabel("新密码", { exact: true })).toHaveAccessibleDescription(/密码长度太短。密码必须包含至少 8 个字符。/);

  // Django's validators: a common password, one all digits
  await form.getByLabel("新密码", { exact: true }).fill("iloveyou");
  await form.getByLabel("确认新密码").fill("iloveyou");
  await submit.click();
  await expect(form.getByLabel("新密码", { exact: true })).toHaveAccessibleDescription(/这个密码太常见了。/);
  await form.getByLabel("新密码", { exact: true }).fill("2849301756");
  await form.getByLabel("确认新密码").fill("2849301756");
  await submit.click();
  await expect(form.getByLabel("新密码", { exact: true })).toHaveAccessibleDescription(/密码只包含数字。/);

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

test("revoke all my tokens: after a confirmation every key stops working, and this browser stays logged in", async ({
  browser,
  request,
  playwright,
  baseURL,
}) => {
  const user = await createUser(request, { username: uniq("all"), role: "operator", password: "first-password-1" });
  const keys = [await obtainToken(request, user.username, "first-password-1"), await obtainToken(request, user.username, "first-password-1")];
  const { context, page } = await browserAs(browser, user.username, "first-password-1");
  await page.goto("/account");
  const tokens = page.getByRole("region", { name: "API 令牌" });
  await expect(tokens.getByRole("row")).toHaveCount(3);

  await tokens.getByRole("button", { name: "吊销全部令牌" }).click();
  const confirm = page.getByRole("dialog", { name: "吊销全部令牌" });
  await expect(confirm).toContainText("全部 2 个 API 令牌");
  await confirm.getByRole("button", { name: "取消" }).click();
  await expect(confirm).toBeHidden();
  const script = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  for (const key of keys) expect((await script.get("/api/auth/me/", { headers: { Authorization: `Token ${key}` } })).status()).toBe(200);

  await tokens.getByRole("button", { name: "吊销全部令牌" }).click();
  await confirm.getByRole("button", { name: "吊销全部令牌" }).click();
  await expect(confirm).toBeHidden();
  await expect(tokens.getByRole("status")).toHaveText("已吊销全部 2 个令牌。");
  await expect(tokens.getByText("还没有 API 令牌。")).toBeVisible();
  await expect(tokens.getByRole("button", { name: "吊销全部令牌" })).toHaveCount(0);
  for (const key of keys) expect((await script.get("/api/auth/me/", { headers: { Authorization: `Token ${key}` } })).status()).toBe(401);
  await script.dispose();

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "我的账号" })).toBeVisible();
  await context.close();
});
