import { beforeAll, describe, expect, it } from "vitest";
import { api, tokenFor, type ApiResponse } from "../api";
import { browserLogin, dbSnapshot, makeLoginUser, TEST_PASSWORD } from "../fixtures";

/**
 * Every way a password is set through the API applies Django's default validators
 * (UserAttributeSimilarity, MinimumLength 8, CommonPassword, NumericPassword) with
 * Django's zh-hans messages, as a DRF 400 on the field, changing nothing.
 */

const SHORT = "密码长度太短。密码必须包含至少 8 个字符。";
const COMMON = "这个密码太常见了。";
const NUMERIC = "密码只包含数字。";
const LIKE_USERNAME = "密码跟 用户名 太相似了。";
const LIKE_DISPLAY_NAME = "密码跟 显示名称 太相似了。";

let admin: { id: number };

beforeAll(async () => {
  admin = await makeLoginUser("p-admin", "admin");
  // the harness issues a token on a user's first call: do it now, outside any before/after comparison
  await tokenFor(admin.id);
});

/** A 400 with this body that changed nothing (but the old password check's rate-limit counters). */
async function refused(run: () => Promise<ApiResponse>, body: unknown) {
  const { auth_throttle: _before, ...before } = await dbSnapshot();
  const r = await run();
  expect(r.status, r.text).toBe(400);
  expect(r.body).toEqual(body);
  const { auth_throttle: _after, ...after } = await dbSnapshot();
  expect(after).toEqual(before);
}

describe("an admin creating a user", () => {
  const create = (json: Record<string, unknown>) => () => api("POST", "/api/auth/users/", { as: admin.id, json });

  it("is refused a short, common, numeric or too similar password", async () => {
    await refused(create({ username: "p-new1", password: "12345678" }), { password: [COMMON, NUMERIC] });
    await refused(create({ username: "p-new2", password: "Password1" }), { password: [COMMON] });
    await refused(create({ username: "p-new3", password: "2849301756" }), { password: [NUMERIC] });
    await refused(create({ username: "p-new4", password: "x7~kq" }), { password: [SHORT] });
    await refused(create({ username: "fly.yao", password: "fly.yao2024" }), { password: [LIKE_USERNAME] });
    await refused(create({ username: "p-new5", display_name: "fly yao", password: "yaofly123" }), { password: [LIKE_DISPLAY_NAME] });
    // every field's errors at once, as a serializer collects them
    await refused(create({ username: "bad name", role: "root", password: "1234" }), {
      username: ["请输入合法的用户名。只能包含字母、数字和 @/./+/-/_ 字符。"],
      role: ["“root” 不是合法选项。"],
      password: [SHORT, COMMON, NUMERIC],
    });
  });

  it("accepts a password the validators pass", async () => {
    const r = await api("POST", "/api/auth/users/", { as: admin.id, json: { username: "p-new6", display_name: "fly yao", password: "运维值班 2024 春" } });
    expect(r.status, r.text).toBe(201);
    await browserLogin("p-new6", "运维值班 2024 春");
  });
});

describe("an admin resetting a password", () => {
  it("is refused what the validators refuse, also against a display name changed in the same request", async () => {
    const u = await makeLoginUser("p-reset", "viewer", TEST_PASSWORD, "张三");
    const patch = (json: Record<string, unknown>) => () => api("PATCH", `/api/auth/users/${u.id}/`, { as: admin.id, json });
    await refused(patch({ password: "111111111" }), { password: [COMMON, NUMERIC] });
    await refused(patch({ password: "P-RESET-1" }), { password: [LIKE_USERNAME] });
    await refused(patch({ password: "zhangsanfeng", display_name: "Zhang Sanfeng" }), { password: [LIKE_DISPLAY_NAME] });
    await browserLogin("p-reset");
  });
});

describe("a user changing their own password", () => {
  it("is refused what the validators refuse, on new_password, keeping the old password", async () => {
    await makeLoginUser("p-self", "viewer", TEST_PASSWORD, "李四");
    const s = await browserLogin("p-self");
    const change = (new_password: string) => () =>
      api("POST", "/api/auth/password/", { headers: { cookie: s.cookie, "x-csrftoken": s.csrf }, json: { old_password: TEST_PASSWORD, new_password } });
    await refused(change("iloveyou"), { new_password: [COMMON] });
    await refused(change("20241231"), { new_password: [NUMERIC] });
    await refused(change("short"), { new_password: [SHORT] });
    await refused(change("p-self-pw"), { new_password: [LIKE_USERNAME] });
    await browserLogin("p-self");
    expect((await change("a long and rare passphrase")()).status).toBe(204);
  });
});
