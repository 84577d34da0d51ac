import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { createToken } from "@/server/tokens/create-token";
import { api, ctx, tokenFor, type ApiResponse, type CallOptions } from "../api";
import { browserLogin, dbSnapshot, makeLoginUser, TEST_PASSWORD } from "../fixtures";

/** The admins' users API, and tokens as users see them. */

let boss: { id: number };
let operator: { id: number };
let viewer: { id: number };
const responses: ApiResponse[] = [];

beforeAll(async () => {
  boss = await makeLoginUser("boss", "admin", TEST_PASSWORD, "老板");
  operator = await makeLoginUser("u-operator", "operator");
  viewer = await makeLoginUser("u-viewer", "viewer");
  // the harness issues a token on a user's first call: do it now, outside any before/after comparison
  for (const u of [boss, operator, viewer]) await tokenFor(u.id);
});

/** Every call is kept, to prove no response ever carries a password hash. */
async function call(method: string, path: string, opts: CallOptions = {}) {
  const r = await api(method, path, { as: boss.id, ...opts });
  responses.push(r);
  return r;
}

async function expectUnchanged(run: () => Promise<ApiResponse>, status: number, body: unknown) {
  const before = await dbSnapshot();
  const r = await run();
  expect(r.status, r.text).toBe(status);
  expect(r.body).toEqual(body);
  expect(await dbSnapshot()).toEqual(before);
}

describe("POST /api/auth/users/", () => {
  it("creates a user who can log in; role defaults to viewer and the display name to the user name", async () => {
    const r = await call("POST", "/api/auth/users/", { json: { username: "zhang.san", display_name: "张三", role: "operator", password: "张三的密码123" } });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toEqual({
      id: expect.any(Number),
      username: "zhang.san",
      display_name: "张三",
      role: "operator",
      is_active: true,
      has_password: true,
      ctime: expect.any(Number),
      last_login_at: null,
      password_changed_at: expect.any(Number),
      time_zone: null,
      time_display: "exact",
    });
    const login = await browserLogin("zhang.san", "张三的密码123");
    expect(login.user).toMatchObject({ id: r.body.id, role: "operator" });

    const form = await call("POST", "/api/auth/users/", { form: { username: "li-si@example.com", password: "another password" } });
    expect(form.status, form.text).toBe(201);
    expect(form.body).toMatchObject({ username: "li-si@example.com", display_name: "li-si@example.com", role: "viewer", is_active: true });

    const inactive = await call("POST", "/api/auth/users/", { json: { username: "wang5", password: "another password", is_active: false } });
    expect(inactive.body.is_active).toBe(false);
    expect((await api("POST", "/api/auth/login/", { as: null, json: { username: "wang5", password: "another password" } })).status).toBe(400);
  });

  it("refuses a taken name, a bad name, a short password, a bad role and missing fields, creating nothing", async () => {
    const post = (json: unknown) => () => call("POST", "/api/auth/users/", { json });
    await expectUnchanged(post({ username: "u-operator", password: "long enough pw" }), 400, { username: ["已存在一位使用该名字的用户。"] });
    await expectUnchanged(post({ username: "bad name", password: "long enough pw" }), 400, {
      username: ["请输入合法的用户名。只能包含字母、数字和 @/./+/-/_ 字符。"],
    });
    await expectUnchanged(post({ username: "semi;colon", password: "long enough pw" }), 400, {
      username: ["请输入合法的用户名。只能包含字母、数字和 @/./+/-/_ 字符。"],
    });
    await expectUnchanged(post({ username: "shorty", password: "1234567" }), 400, {
      password: ["密码长度太短。密码必须包含至少 8 个字符。", "这个密码太常见了。", "密码只包含数字。"],
    });
    await expectUnchanged(post({ username: "samesame", password: "SameSame" }), 400, { password: ["密码跟 用户名 太相似了。"] });
    await expectUnchanged(post({ username: "rooted", password: "long enough pw", role: "root" }), 400, { role: ["“root” 不是合法选项。"] });
    await expectUnchanged(post({}), 400, { username: ["该字段是必填项。"], password: ["该字段是必填项。"] });
    await expectUnchanged(post({ username: "nopw" }), 400, { password: ["该字段是必填项。"] });
    await expectUnchanged(post({ username: "", password: "" }), 400, { username: ["该字段不能为空。"], password: ["该字段不能为空。"] });
  });
});

describe("GET /api/auth/users/", () => {
  it("lists, searches and orders users, paginated as every list", async () => {
    const all = await call("GET", "/api/auth/users/?ordering=id");
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ count: expect.any(Number), next: null, previous: null });
    const names = all.body.results.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(["admin", "boss", "u-operator", "u-viewer"]));
    const search = await call("GET", `/api/auth/users/?search=${encodeURIComponent("老板")}`);
    expect(search.body.results.map((u: { username: string }) => u.username)).toEqual(["boss"]);
    const page = await call("GET", "/api/auth/users/?ordering=-username&limit=1");
    expect(page.body.results).toHaveLength(1);
    expect(page.body.next).toContain("limit=1");
    const one = await call("GET", `/api/auth/users/${viewer.id}/`);
    expect(one.body).toMatchObject({ id: viewer.id, username: "u-viewer", role: "viewer", has_password: true });
    expect((await call("GET", "/api/auth/users/999999/")).status).toBe(404);
    expect((await call("GET", "/api/auth/users/abc/")).status).toBe(404);
  });
});

describe("PATCH /api/auth/users/<id>/", () => {
  it("changes role, display name, active flag and password; the user name stays", async () => {
    const u = await makeLoginUser("u-patched", "viewer");
    const r = await call("PATCH", `/api/auth/users/${u.id}/`, { json: { role: "operator", display_name: "改名了", username: "renamed" } });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ id: u.id, username: "u-patched", role: "operator", display_name: "改名了" });
    // the new role applies at once
    expect((await api("POST", "/api/job/inventory/", { as: u.id, json: { name: "by the promoted" } })).status).toBe(201);

    const pw = await call("PATCH", `/api/auth/users/${u.id}/`, { form: { password: "set by an admin" } });
    expect(pw.status).toBe(200);
    expect(pw.body.password_changed_at).toEqual(expect.any(Number));
    await browserLogin("u-patched", "set by an admin");
    expect((await api("POST", "/api/auth/login/", { as: null, json: { username: "u-patched", password: TEST_PASSWORD } })).status).toBe(400);

    const off = await call("PATCH", `/api/auth/users/${u.id}/`, { json: { is_active: false } });
    expect(off.body.is_active).toBe(false);
    expect((await api("POST", "/api/auth/login/", { as: null, json: { username: "u-patched", password: "set by an admin" } })).status).toBe(400);
    const on = await call("PATCH", `/api/auth/users/${u.id}/`, { json: { is_active: "true" } });
    expect(on.body.is_active).toBe(true);

    // an empty display name falls back to the user name
    expect((await call("PATCH", `/api/auth/users/${u.id}/`, { json: { display_name: "" } })).body.display_name).toBe("u-patched");
  });

  it("refuses bad values, changing nothing", async () => {
    const patch = (json: unknown) => () => call("PATCH", `/api/auth/users/${viewer.id}/`, { json });
    await expectUnchanged(patch({ role: "superuser" }), 400, { role: ["“superuser” 不是合法选项。"] });
    await expectUnchanged(patch({ password: "short" }), 400, { password: ["密码长度太短。密码必须包含至少 8 个字符。"] });
    await expectUnchanged(patch({ password: "U-VIEWER" }), 400, { password: ["密码跟 用户名 太相似了。"] });
    await expectUnchanged(() => call("PATCH", "/api/auth/users/999999/", { json: { role: "viewer" } }), 404, { detail: "未找到。" });
  });

  it("keeps one active admin: the last one cannot be demoted or deactivated (409), nor can an admin deactivate themself", async () => {
    const { db, adminUserId } = await ctx();
    const second = await makeLoginUser("u-second-admin", "admin");
    // the built-in admin steps down, so boss and the second admin are the active admins
    expect((await call("PATCH", `/api/auth/users/${adminUserId}/`, { json: { role: "viewer" } })).status).toBe(200);

    await expectUnchanged(() => call("PATCH", `/api/auth/users/${boss.id}/`, { json: { is_active: false } }), 409, { detail: "不能停用自己的账号。" });
    expect((await call("PATCH", `/api/auth/users/${second.id}/`, { json: { is_active: false } })).status).toBe(200);
    // boss is the last active admin now
    await expectUnchanged(() => call("PATCH", `/api/auth/users/${boss.id}/`, { json: { role: "operator" } }), 409, {
      detail: "不能停用或降级最后一位启用的管理员。",
    });
    await expectUnchanged(() => call("PATCH", `/api/auth/users/${boss.id}/`, { json: { role: "viewer", display_name: "不该改" } }), 409, {
      detail: "不能停用或降级最后一位启用的管理员。",
    });
    await expectUnchanged(() => call("PATCH", `/api/auth/users/${boss.id}/`, { json: { is_active: false } }), 409, { detail: "不能停用自己的账号。" });
    // a deactivated admin's own token cannot act for them
    const key = (await createToken(db, second.id, { name: "x" })).key;
    expect((await api("PATCH", `/api/auth/users/${boss.id}/`, { headers: { authorization: `Token ${key}` }, json: { role: "viewer" } })).status).toBe(401);

    // with a second active admin again, boss may step down
    expect((await call("PATCH", `/api/auth/users/${second.id}/`, { json: { is_active: true } })).status).toBe(200);
    const down = await call("PATCH", `/api/auth/users/${boss.id}/`, { json: { role: "operator" } });
    expect(down.status, down.text).toBe(200);
    // boss is an operator now: the users API is closed to them
    expect((await call("GET", "/api/auth/users/")).status).toBe(403);
    const [row] = await db.select().from(users).where(eq(users.id, second.id));
    expect(row).toMatchObject({ role: "admin", isActive: true });
    // restore for the other tests
    await db.update(users).set({ role: "admin" }).where(eq(users.id, boss.id));
    await db.update(users).set({ role: "admin" }).where(eq(users.id, adminUserId));
  });
});

describe("what the users API does not do", () => {
  it("answers 405 to DELETE (users are deactivated, not deleted) and to PUT, for admins too", async () => {
    for (const [method, path] of [
      ["DELETE", `/api/auth/users/${viewer.id}/`],
      ["DELETE", "/api/auth/users/"],
      ["PUT", `/api/auth/users/${viewer.id}/`],
      ["POST", `/api/auth/users/${viewer.id}/`],
    ] as const) {
      const before = await dbSnapshot();
      const r = await call(method, path);
      expect(r.status, `${method} ${path}`).toBe(405);
      expect(r.body).toEqual({ detail: `方法 “${method}” 不被允许。` });
      expect(await dbSnapshot()).toEqual(before);
    }
  });

  it("is closed to operators and viewers, with nothing changed", async () => {
    for (const who of [operator.id, viewer.id]) {
      await expectUnchanged(() => call("GET", "/api/auth/users/", { as: who }), 403, { detail: "您没有执行该操作的权限。" });
      await expectUnchanged(() => call("POST", "/api/auth/users/", { as: who, json: { username: "sneaky", password: "long enough pw", role: "admin" } }), 403, {
        detail: "您没有执行该操作的权限。",
      });
      await expectUnchanged(() => call("PATCH", `/api/auth/users/${who}/`, { as: who, json: { role: "admin" } }), 403, { detail: "您没有执行该操作的权限。" });
    }
  });
});

describe("tokens", () => {
  it("POST tokens/ shows the key once; lists show only its prefix; expires_in_days sets an expiry", async () => {
    const r = await call("POST", "/api/auth/tokens/", { as: viewer.id, json: { name: "部署脚本", expires_in_days: 90 } });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toEqual({
      id: expect.any(Number),
      name: "部署脚本",
      key: expect.stringMatching(/^[0-9a-f]{40}$/),
      key_prefix: r.body.key.slice(0, 6),
      created_at: expect.any(Number),
      expires_at: r.body.created_at + 90 * 86400,
    });
    const list = await call("GET", "/api/auth/tokens/", { as: viewer.id });
    expect(list.text).not.toContain(r.body.key);
    expect(list.body.results.find((t: { id: number }) => t.id === r.body.id)).toEqual({
      id: r.body.id,
      user: viewer.id,
      username: "u-viewer",
      name: "部署脚本",
      key_prefix: r.body.key_prefix,
      created_at: r.body.created_at,
      expires_at: r.body.expires_at,
      last_used_at: null,
    });
    expect((await call("POST", "/api/auth/tokens/", { as: viewer.id, json: {} })).body).toEqual({ name: ["该字段是必填项。"] });
    expect((await call("POST", "/api/auth/tokens/", { as: viewer.id, json: { name: "x", expires_in_days: 0 } })).status).toBe(400);
  });

  it("lists only the caller's own tokens; an admin may list anyone's with ?user=", async () => {
    const mine = await call("GET", "/api/auth/tokens/", { as: operator.id });
    expect(mine.body.results.every((t: { user: number }) => t.user === operator.id)).toBe(true);
    await expectUnchanged(() => call("GET", `/api/auth/tokens/?user=${viewer.id}`, { as: operator.id }), 403, { detail: "您没有执行该操作的权限。" });
    const theirs = await call("GET", `/api/auth/tokens/?user=${viewer.id}`);
    expect(theirs.status).toBe(200);
    expect(theirs.body.results.length).toBeGreaterThan(0);
    expect(theirs.body.results.every((t: { user: number }) => t.user === viewer.id)).toBe(true);
    expect((await call("GET", "/api/auth/tokens/?user=abc")).status).toBe(404);
  });

  it("another user's token is 404 to a non-admin and stays valid; an admin may revoke it", async () => {
    const { db } = await ctx();
    const t = await createToken(db, viewer.id, { name: "victim" });
    await expectUnchanged(() => call("DELETE", `/api/auth/tokens/${t.id}/`, { as: operator.id }), 404, { detail: "未找到。" });
    expect((await api("GET", "/api/auth/me/", { headers: { authorization: `Token ${t.key}` } })).status).toBe(200);
    expect((await call("DELETE", `/api/auth/tokens/${t.id}/`)).status).toBe(204);
    expect((await api("GET", "/api/auth/me/", { headers: { authorization: `Token ${t.key}` } })).status).toBe(401);
  });
});

describe("no response carries a password hash", () => {
  it("neither the users API nor login nor me", async () => {
    const s = await browserLogin("boss");
    responses.push(await api("GET", "/api/auth/me/", { headers: { cookie: s.cookie } }));
    responses.push(await api("POST", "/api/auth/login/", { as: null, json: { username: "boss", password: TEST_PASSWORD } }));
    expect(responses.length).toBeGreaterThan(40);
    const hashes = (await (await ctx()).db.select({ h: users.passwordHash }).from(users)).map((r) => r.h).filter((h): h is string => !!h);
    expect(hashes.length).toBeGreaterThan(3);
    for (const r of responses) {
      expect(r.text).not.toMatch(/password_hash|passwordHash|\$argon2/);
      for (const h of hashes) expect(r.text).not.toContain(h.slice(-20));
    }
  });
});
