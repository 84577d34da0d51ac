import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { apiTokens, sessions } from "@/db/schema";
import { createToken } from "@/server/tokens/create-token";
import { api, ctx, type CallOptions } from "../api";
import { browserLogin, dbSnapshot, makeLoginUser, TEST_PASSWORD } from "../fixtures";

/**
 * What takes a user's access away: an admin's password reset and a deactivation revoke
 * every session and API token; the user's own password change ends their other
 * sessions; DELETE /api/auth/tokens/ revokes all of a user's tokens at once.
 */

let admin: { id: number };

beforeAll(async () => {
  admin = await makeLoginUser("v-admin", "admin");
});

/** A fresh user with two sessions and two tokens. */
async function userWithAccess(username: string, role: "viewer" | "operator" = "operator") {
  const u = await makeLoginUser(username, role);
  const { db } = await ctx();
  const tokens = [await createToken(db, u.id, { name: "deploy" }), await createToken(db, u.id, { name: "backup", expiresInDays: 30 })];
  const browsers = [await browserLogin(username), await browserLogin(username)];
  return { user: u, tokens, browsers };
}

const meWithToken = (key: string) => api("GET", "/api/auth/me/", { headers: { authorization: `Token ${key}` } });
const meWithCookie = (cookie: string) => api("GET", "/api/auth/me/", { headers: { cookie } });

async function rows(userId: number) {
  const { db } = await ctx();
  return {
    sessions: (await db.select().from(sessions).where(eq(sessions.userId, userId))).length,
    tokens: (await db.select().from(apiTokens).where(eq(apiTokens.userId, userId))).length,
  };
}

describe("an admin's password reset", () => {
  it("revokes the user's API tokens and ends all their sessions", async () => {
    const { user, tokens, browsers } = await userWithAccess("v-reset");
    for (const t of tokens) expect((await meWithToken(t.key)).status).toBe(200);
    const r = await api("PATCH", `/api/auth/users/${user.id}/`, { as: admin.id, json: { password: "reset by the admin" } });
    expect(r.status, r.text).toBe(200);
    for (const t of tokens) {
      const after = await meWithToken(t.key);
      expect(after.status).toBe(401);
      expect(after.body).toEqual({ detail: "认证令牌无效。" });
    }
    for (const b of browsers) expect((await meWithCookie(b.cookie)).status).toBe(401);
    expect(await rows(user.id)).toEqual({ sessions: 0, tokens: 0 });
    // the new password works, and tokens issued after the reset do too
    const key = (await api("POST", "/api/auth/token/", { as: null, json: { username: "v-reset", password: "reset by the admin" } })).body.token;
    expect((await meWithToken(key)).status).toBe(200);
  });

  it("a refused reset (a weak password) revokes nothing", async () => {
    const { user, tokens, browsers } = await userWithAccess("v-weak-reset");
    const before = await dbSnapshot();
    const r = await api("PATCH", `/api/auth/users/${user.id}/`, { as: admin.id, json: { password: "password" } });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ password: ["这个密码太常见了。"] });
    expect(await dbSnapshot()).toEqual(before);
    expect((await meWithToken(tokens[0]!.key)).status).toBe(200);
    expect((await meWithCookie(browsers[0]!.cookie)).status).toBe(200);
  });

  it("a change of display name or role alone leaves tokens and sessions alone", async () => {
    const { user, tokens, browsers } = await userWithAccess("v-renamed");
    expect((await api("PATCH", `/api/auth/users/${user.id}/`, { as: admin.id, json: { display_name: "新名字", role: "viewer" } })).status).toBe(200);
    expect((await meWithToken(tokens[0]!.key)).body).toMatchObject({ display_name: "新名字", role: "viewer" });
    expect((await meWithCookie(browsers[0]!.cookie)).status).toBe(200);
    expect(await rows(user.id)).toEqual({ sessions: 2, tokens: 2 });
  });
});

describe("deactivation", () => {
  it("revokes the user's API tokens and ends their sessions; reactivating brings neither back", async () => {
    const { user, tokens, browsers } = await userWithAccess("v-leaver");
    expect((await api("PATCH", `/api/auth/users/${user.id}/`, { as: admin.id, json: { is_active: false } })).status).toBe(200);
    expect(await rows(user.id)).toEqual({ sessions: 0, tokens: 0 });
    expect((await api("PATCH", `/api/auth/users/${user.id}/`, { as: admin.id, json: { is_active: true } })).status).toBe(200);
    for (const t of tokens) expect((await meWithToken(t.key)).body).toEqual({ detail: "认证令牌无效。" });
    for (const b of browsers) expect((await meWithCookie(b.cookie)).status).toBe(401);
  });
});

describe("the user's own password change", () => {
  it("ends their other sessions, keeps the current one, and leaves their API tokens working", async () => {
    const { user, tokens, browsers } = await userWithAccess("v-changer", "viewer");
    const [current, other] = browsers;
    const r = await api("POST", "/api/auth/password/", {
      headers: { cookie: current!.cookie, "x-csrftoken": current!.csrf, origin: "http://testserver" },
      json: { old_password: TEST_PASSWORD, new_password: "a brand new password" },
    });
    expect(r.status, r.text).toBe(204);
    expect((await meWithCookie(current!.cookie)).status).toBe(200);
    expect((await meWithCookie(other!.cookie)).status).toBe(401);
    for (const t of tokens) expect((await meWithToken(t.key)).status).toBe(200);
    expect(await rows(user.id)).toEqual({ sessions: 1, tokens: 2 });
  });
});

describe("DELETE /api/auth/tokens/ (revoke all my tokens)", () => {
  it("revokes every token of the caller, and no one else's", async () => {
    const { user, tokens, browsers } = await userWithAccess("v-all-mine", "viewer");
    const bystander = await userWithAccess("v-bystander", "viewer");
    const [browser] = browsers;
    const r = await api("DELETE", "/api/auth/tokens/", { headers: { cookie: browser!.cookie, "x-csrftoken": browser!.csrf, origin: "http://testserver" } });
    expect(r.status, r.text).toBe(204);
    expect(r.text).toBe("");
    for (const t of tokens) expect((await meWithToken(t.key)).status).toBe(401);
    // the browser's session is no token: it goes on
    expect((await meWithCookie(browser!.cookie)).status).toBe(200);
    expect((await api("GET", "/api/auth/tokens/", { headers: { cookie: browser!.cookie } })).body).toEqual({
      count: 0,
      next: null,
      previous: null,
      results: [],
    });
    expect(await rows(user.id)).toEqual({ sessions: 2, tokens: 0 });
    for (const t of bystander.tokens) expect((await meWithToken(t.key)).status).toBe(200);
    // with no tokens left it is still 204
    expect((await api("DELETE", "/api/auth/tokens/", { headers: { cookie: browser!.cookie, "x-csrftoken": browser!.csrf } })).status).toBe(204);
  });

  it("called with a token, revokes that token too", async () => {
    const { tokens } = await userWithAccess("v-by-token", "viewer");
    const r = await api("DELETE", "/api/auth/tokens", { headers: { authorization: `Token ${tokens[0]!.key}` } });
    expect(r.status).toBe(204);
    for (const t of tokens) expect((await meWithToken(t.key)).status).toBe(401);
  });

  it("an admin revokes another user's tokens with ?user=<id>; anyone else is refused, with nothing changed", async () => {
    const target = await userWithAccess("v-target", "viewer");
    const other = await userWithAccess("v-other-op", "operator");
    const refused = async (opts: CallOptions, status: number, body: unknown) => {
      const before = await dbSnapshot();
      const r = await api("DELETE", `/api/auth/tokens/?user=${target.user.id}`, opts);
      expect(r.status, r.text).toBe(status);
      expect(r.body).toEqual(body);
      expect(await dbSnapshot()).toEqual(before);
    };
    await refused({ headers: { authorization: `Token ${other.tokens[0]!.key}` } }, 403, { detail: "您没有执行该操作的权限。" });
    await refused({ as: null }, 401, { detail: "身份认证信息未提供。" });
    // a session without the CSRF token
    await refused({ headers: { cookie: (await browserLogin("v-admin")).cookie } }, 403, { detail: "CSRF验证失败：缺少 CSRF 令牌。" });
    expect((await api("DELETE", "/api/auth/tokens/?user=abc", { as: admin.id })).status).toBe(404);

    expect((await api("DELETE", `/api/auth/tokens/?user=${target.user.id}`, { as: admin.id })).status).toBe(204);
    for (const t of target.tokens) expect((await meWithToken(t.key)).status).toBe(401);
    expect(await rows(target.user.id)).toEqual({ sessions: 2, tokens: 0 });
    for (const t of other.tokens) expect((await meWithToken(t.key)).status).toBe(200);
  });
});
