import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { apiTokens, users } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { createToken } from "@/server/tokens/create-token";
import { api, ctx } from "../api";
import { browserLogin, makeLoginUser } from "../fixtures";

/** `Authorization` header parsing as DRF's TokenAuthentication does it, and a token's life. */

let viewer: { id: number };
let operator: { id: number };

beforeAll(async () => {
  viewer = await makeLoginUser("h-viewer", "viewer");
  operator = await makeLoginUser("h-operator", "operator");
});

async function newKey(userId: number, expiresInDays?: number) {
  return createToken((await ctx()).db, userId, { name: "header test", expiresInDays });
}

const me = (authorization: string, headers: Record<string, string> = {}) => api("GET", "/api/auth/me/", { headers: { authorization, ...headers } });

function expect401(r: Awaited<ReturnType<typeof me>>, detail: string) {
  expect(r.status, r.text).toBe(401);
  expect(r.body).toEqual({ detail });
  expect(r.headers.get("www-authenticate")).toBe("Token");
  expect(r.headers.get("content-type")).toContain("application/json");
}

describe("Authorization header", () => {
  it("accepts `Token <key>`, `Bearer <key>` and the keyword in any case", async () => {
    const { key } = await newKey(viewer.id);
    for (const header of [`Token ${key}`, `Bearer ${key}`, `token ${key}`, `BEARER ${key}`, `  Token   ${key}  `]) {
      const r = await me(header);
      expect(r.status, header).toBe(200);
      expect(r.body).toMatchObject({ id: viewer.id, username: "h-viewer", role: "viewer", auth: "token" });
    }
  });

  it("answers DRF's messages for a keyword without a key, a key with spaces, and a wrong key", async () => {
    expect401(await me("Token"), "没有提供认证信息（认证令牌HTTP头无效）。");
    expect401(await me("Bearer "), "没有提供认证信息（认证令牌HTTP头无效）。");
    expect401(await me("Token a b"), "认证令牌字符串不应该包含空格（无效的认证令牌HTTP头）。");
    const { key } = await newKey(viewer.id);
    expect401(await me(`Token ${key} ${key}`), "认证令牌字符串不应该包含空格（无效的认证令牌HTTP头）。");
    expect401(await me(`Token ${key.slice(0, -1)}x`), "认证令牌无效。");
    expect401(await me(`Token ${key}0`), "认证令牌无效。");
    expect401(await me(`Token ${key.toUpperCase()}`), "认证令牌无效。");
  });

  it("refuses a key with characters outside printable ASCII, in DRF's words", async () => {
    // a byte that is not UTF-8 (DRF: UnicodeError → the 'invalid characters' message)
    expect401(await me("Token caf\u00e9"), "无效的认证令牌。令牌字符串不应该包含无效字符。");
    // UTF-8 bytes of a Chinese key, as an HTTP server hands them over (latin-1)
    // (DRF: they decode, so it is an unknown key)
    expect401(await me(`Token ${Buffer.from("令牌令牌", "utf8").toString("latin1")}`), "认证令牌无效。");
    expect(() => new Headers({ authorization: "Token 令牌" })).toThrow();
  });

  it("treats another scheme as no credentials", async () => {
    expect401(await me("Basic aDp2aWV3ZXI6cGFzcw=="), "身份认证信息未提供。");
    expect401(await api("GET", "/api/job/job/", { as: null }), "身份认证信息未提供。");
  });

  it("checks a bad token before the session cookie, as DRF does", async () => {
    const session = await browserLogin("h-viewer");
    expect((await api("GET", "/api/auth/me/", { headers: { cookie: session.cookie } })).body.auth).toBe("session");
    expect401(await me("Token 0000000000000000000000000000000000000000", { cookie: session.cookie }), "认证令牌无效。");
    // a valid token wins over the cookie, and a token-authenticated change needs no CSRF token
    const { key } = await newKey(operator.id);
    const r = await api("POST", "/api/job/inventory/", { headers: { authorization: `Token ${key}`, cookie: session.cookie }, json: { name: "by token" } });
    expect(r.status, r.text).toBe(201);
  });
});

describe("a token's life", () => {
  it("stops working when it has expired", async () => {
    const t = await newKey(viewer.id, 30);
    expect(t.expires_at).toBeGreaterThan(nowSeconds() + 29 * 86400);
    expect((await me(`Token ${t.key}`)).status).toBe(200);
    await (
      await ctx()
    ).db
      .update(apiTokens)
      .set({ expiresAt: nowSeconds() - 1 })
      .where(eq(apiTokens.id, t.id));
    expect401(await me(`Token ${t.key}`), "认证令牌已过期。");
    expect401(await me(`Bearer ${t.key}`), "认证令牌已过期。");
  });

  it("stops working once revoked through DELETE /api/auth/tokens/<id>/", async () => {
    const t = await newKey(viewer.id);
    const other = await newKey(viewer.id);
    expect((await me(`Token ${t.key}`)).status).toBe(200);
    const del = await api("DELETE", `/api/auth/tokens/${t.id}/`, { headers: { authorization: `Token ${other.key}` } });
    expect(del.status, del.text).toBe(204);
    expect(del.text).toBe("");
    expect401(await me(`Token ${t.key}`), "认证令牌无效。");
    expect((await me(`Token ${other.key}`)).status).toBe(200);
    // revoking twice: the token is gone
    expect((await api("DELETE", `/api/auth/tokens/${t.id}/`, { headers: { authorization: `Token ${other.key}` } })).status).toBe(404);
    // a token may revoke itself
    expect((await api("DELETE", `/api/auth/tokens/${other.id}/`, { headers: { authorization: `Token ${other.key}` } })).status).toBe(204);
    expect401(await me(`Token ${other.key}`), "认证令牌无效。");
  });

  it("is revoked when its user is deactivated, and stays revoked after reactivation", async () => {
    const u = await makeLoginUser("h-leaver", "operator");
    const t = await newKey(u.id);
    expect((await me(`Token ${t.key}`)).status).toBe(200);
    expect((await api("PATCH", `/api/auth/users/${u.id}/`, { json: { is_active: false } })).status).toBe(200);
    expect401(await me(`Token ${t.key}`), "认证令牌无效。");
    const write = await api("POST", "/api/job/inventory/", { headers: { authorization: `Token ${t.key}` }, json: { name: "leaver" } });
    expect(write.status).toBe(401);
    expect((await api("GET", "/api/job/inventory/?name=leaver")).body.count).toBe(0);
    expect((await api("PATCH", `/api/auth/users/${u.id}/`, { json: { is_active: true } })).status).toBe(200);
    expect401(await me(`Token ${t.key}`), "认证令牌无效。");
  });

  it("stops working while its user is inactive in the database (set there, not through the API)", async () => {
    const u = await makeLoginUser("h-inactive", "operator");
    const t = await newKey(u.id);
    const { db } = await ctx();
    await db.update(users).set({ isActive: false }).where(eq(users.id, u.id));
    expect401(await me(`Token ${t.key}`), "用户未激活或已删除。");
    await db.update(users).set({ isActive: true }).where(eq(users.id, u.id));
    expect((await me(`Token ${t.key}`)).status).toBe(200);
  });

  it("follows the user's current role, not the role at issue time", async () => {
    const u = await makeLoginUser("h-promoted", "viewer");
    const t = await newKey(u.id);
    const post = () => api("POST", "/api/job/inventory/", { headers: { authorization: `Token ${t.key}` }, json: { name: `inv-${Math.random()}` } });
    expect((await post()).status).toBe(403);
    expect((await api("PATCH", `/api/auth/users/${u.id}/`, { json: { role: "operator" } })).status).toBe(200);
    expect((await post()).status).toBe(201);
    expect((await api("PATCH", `/api/auth/users/${u.id}/`, { json: { role: "viewer" } })).status).toBe(200);
    expect((await post()).status).toBe(403);
  });

  it("records when it was last used", async () => {
    const t = await newKey(viewer.id);
    const { db } = await ctx();
    const row = async () => (await db.select().from(apiTokens).where(eq(apiTokens.id, t.id)))[0];
    expect((await row())!.lastUsedAt).toBeNull();
    // a failed attempt with another key does not touch it
    await me(`Token ${t.key.slice(0, -1)}${t.key.endsWith("0") ? "1" : "0"}`);
    expect((await row())!.lastUsedAt).toBeNull();
    const before = nowSeconds();
    expect((await me(`Token ${t.key}`)).status).toBe(200);
    const used = (await row())!.lastUsedAt!;
    expect(used).toBeGreaterThanOrEqual(before);
    expect(used).toBeLessThanOrEqual(nowSeconds());
    const listed = await api("GET", "/api/auth/tokens/", { headers: { authorization: `Token ${t.key}` } });
    expect(listed.body.results.find((x: { id: number }) => x.id === t.id)).toMatchObject({ last_used_at: used, key_prefix: t.key.slice(0, 6) });
    // an old time is brought forward by the next use
    await db.update(apiTokens).set({ lastUsedAt: 1000 }).where(eq(apiTokens.id, t.id));
    expect((await me(`Bearer ${t.key}`)).status).toBe(200);
    expect((await row())!.lastUsedAt).toBeGreaterThanOrEqual(before);
  });
});
