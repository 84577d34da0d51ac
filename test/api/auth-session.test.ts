import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sessions, users } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { api, ctx } from "../api";
import { browserLogin, makeLoginUser, TEST_PASSWORD } from "../fixtures";

/** Browser sessions: the login cookies, what they authenticate, and everything that ends them. */

let viewer: { id: number };
let admin: { id: number };

beforeAll(async () => {
  viewer = await makeLoginUser("s-viewer", "viewer", TEST_PASSWORD, "会话查看者");
  admin = await makeLoginUser("s-admin", "admin");
});

/** A cookie's attributes, lower-cased, by name. */
function cookieAttrs(setCookie: string) {
  const [pair, ...attrs] = setCookie.split(";").map((s) => s.trim());
  const name = pair!.slice(0, pair!.indexOf("="));
  const value = pair!.slice(pair!.indexOf("=") + 1);
  const flags = new Map(attrs.map((a) => [a.split("=")[0]!.toLowerCase(), a.includes("=") ? a.slice(a.indexOf("=") + 1) : true]));
  return { name, value, flags };
}

/** The seal with one bit flipped in the middle byte of its base64url part number `index`. */
function tamperSealPart(seal: string, index: number): string {
  const [body, version] = seal.split("~");
  const parts = body!.split("*");
  expect(parts).toHaveLength(8);
  const bytes = Buffer.from(parts[index]!, "base64url");
  expect(bytes.length).toBeGreaterThan(0);
  bytes[bytes.length >> 1]! ^= 0x10;
  parts[index] = bytes.toString("base64url");
  const tampered = `${parts.join("*")}~${version}`;
  expect(tampered).not.toBe(seal);
  return tampered;
}

const me = (cookie: string) => api("GET", "/api/auth/me/", { headers: { cookie } });

async function sessionCount(userId: number) {
  return (await (await ctx()).db.select().from(sessions).where(eq(sessions.userId, userId))).length;
}

describe("POST /api/auth/login/", () => {
  it("sets an httpOnly, SameSite=Lax session cookie and a script-readable CSRF cookie, not Secure on http", async () => {
    const s = await browserLogin("s-viewer");
    expect(s.user).toMatchObject({ id: viewer.id, username: "s-viewer", display_name: "会话查看者", role: "viewer", is_active: true, has_password: true });
    expect(s.user).not.toHaveProperty("password_hash");
    const byName = Object.fromEntries(s.setCookies.map((c) => [cookieAttrs(c).name, cookieAttrs(c)]));
    expect(Object.keys(byName).sort()).toEqual(["zuoye_csrf", "zuoye_session"]);
    const session = byName.zuoye_session!.flags;
    expect(session.get("httponly")).toBe(true);
    expect(String(session.get("samesite")).toLowerCase()).toBe("lax");
    expect(session.get("path")).toBe("/");
    expect(session.has("secure")).toBe(false);
    expect(Number(session.get("max-age"))).toBeGreaterThan(0);
    const csrf = byName.zuoye_csrf!.flags;
    expect(csrf.has("httponly")).toBe(false);
    expect(String(csrf.get("samesite")).toLowerCase()).toBe("lax");
    expect(csrf.get("path")).toBe("/");
    expect(byName.zuoye_csrf!.value).toMatch(/^[0-9a-f]{20,}$/);
    // the cookie holds no readable session id: the row keeps a hash, the cookie a sealed value
    const [row] = await (await ctx()).db.select().from(sessions).where(eq(sessions.csrfToken, s.csrf));
    expect(row!.userId).toBe(viewer.id);
    expect(decodeURIComponent(byName.zuoye_session!.value)).not.toContain(row!.idHash);
  });

  it("marks both cookies Secure when the request came over https through a trusted proxy (TRUST_PROXY)", async () => {
    const { config } = await ctx();
    config.trustProxy = 1;
    try {
      const s = await browserLogin("s-viewer", TEST_PASSWORD, { "x-forwarded-proto": "https" });
      for (const c of s.setCookies) expect(cookieAttrs(c).flags.get("secure"), c).toBe(true);
      const out = await api("POST", "/api/auth/logout/", { headers: { cookie: s.cookie, "x-csrftoken": s.csrf, "x-forwarded-proto": "https" } });
      expect(out.status).toBe(204);
      for (const c of out.headers.getSetCookie()) expect(cookieAttrs(c).flags.get("secure"), c).toBe(true);
    } finally {
      config.trustProxy = 0;
    }
  });

  it("believes no X-Forwarded-Proto without TRUST_PROXY: the cookies are not Secure on plain http", async () => {
    const s = await browserLogin("s-viewer", TEST_PASSWORD, { "x-forwarded-proto": "https" });
    for (const c of s.setCookies) expect(cookieAttrs(c).flags.has("secure"), c).toBe(false);
  });

  it("marks both cookies Secure when PUBLIC_URL is https", async () => {
    const { config } = await ctx();
    config.publicUrl = "https://testserver";
    try {
      const s = await browserLogin("s-viewer", TEST_PASSWORD, { origin: "https://testserver" });
      for (const c of s.setCookies) expect(cookieAttrs(c).flags.get("secure"), c).toBe(true);
    } finally {
      config.publicUrl = undefined;
    }
  });

  it("records the login time", async () => {
    const before = nowSeconds();
    await browserLogin("s-viewer");
    const [u] = await (await ctx()).db.select().from(users).where(eq(users.id, viewer.id));
    expect(u!.lastLoginAt).toBeGreaterThanOrEqual(before);
  });
});

describe("the session cookie", () => {
  it("authenticates reads as the user, and is refused when tampered with", async () => {
    const s = await browserLogin("s-viewer");
    const r = await me(s.cookie);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: viewer.id, username: "s-viewer", auth: "session" });
    expect((await api("GET", "/api/job/job/", { headers: { cookie: s.cookie } })).status).toBe(200);
    // the session cookie alone is enough for a read
    const sessionOnly = s.cookie.split("; ")[0];
    expect((await me(sessionOnly!)).status).toBe(200);

    const value = sessionOnly!.slice("zuoye_session=".length);
    const seal = decodeURIComponent(value);
    // iron's seal: Fe26.2*<pw id>*<enc salt>*<iv>*<ciphertext>*<expiry>*<mac salt>*<mac>~<version>;
    // each variant flips one bit of a decoded byte, since a base64url character's unused
    // low bits can change without changing the bytes it stands for
    const badCiphertext = encodeURIComponent(tamperSealPart(seal, 4));
    const badMac = encodeURIComponent(tamperSealPart(seal, 7));
    for (const cookie of [
      `zuoye_session=${badCiphertext}`,
      `zuoye_session=${badMac}`,
      `zuoye_session=${value.slice(0, -4)}`,
      "zuoye_session=garbage",
      "zuoye_session=",
    ]) {
      const bad = await me(cookie);
      expect(bad.status, cookie).toBe(401);
      expect(bad.body).toEqual({ detail: "身份认证信息未提供。" });
      expect(bad.headers.get("www-authenticate")).toBe("Token");
    }
    // the CSRF cookie is no credential
    expect((await me(`zuoye_csrf=${s.csrf}`)).status).toBe(401);
  });

  it("ends at logout: the same cookie is refused after, and the cookies are cleared", async () => {
    const s = await browserLogin("s-viewer");
    const n = await sessionCount(viewer.id);
    const out = await api("POST", "/api/auth/logout/", { headers: { cookie: s.cookie, "x-csrftoken": s.csrf, origin: "http://testserver" } });
    expect(out.status).toBe(204);
    expect(out.text).toBe("");
    const cleared = out.headers.getSetCookie().map(cookieAttrs);
    expect(cleared.map((c) => c.name).sort()).toEqual(["zuoye_csrf", "zuoye_session"]);
    for (const c of cleared) {
      expect(c.value).toBe("");
      expect(c.flags.get("max-age")).toBe("0");
    }
    expect(await sessionCount(viewer.id)).toBe(n - 1);
    expect((await me(s.cookie)).status).toBe(401);
    // logging out twice, or without a session, is harmless
    expect((await api("POST", "/api/auth/logout/", { headers: { cookie: s.cookie } })).status).toBe(204);
    expect((await api("POST", "/api/auth/logout/", { as: null })).status).toBe(204);
  });

  it("a logout posted by another site does not end the session", async () => {
    const s = await browserLogin("s-viewer");
    const r = await api("POST", "/api/auth/logout/", { headers: { cookie: s.cookie, "x-csrftoken": s.csrf, origin: "https://evil.example" } });
    expect(r.status).toBe(403);
    expect((await me(s.cookie)).status).toBe(200);
  });

  it("a logout without the session's CSRF token does not end the session, nor clear its cookies", async () => {
    const s = await browserLogin("s-viewer");
    const variants: Record<string, string>[] = [
      {},
      { origin: "http://testserver" },
      { "x-csrftoken": "0".repeat(40) },
      { "x-csrftoken": s.csrf.slice(0, -1), origin: "http://testserver" },
    ];
    for (const headers of variants) {
      const r = await api("POST", "/api/auth/logout/", { headers: { cookie: s.cookie, ...headers } });
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(r.body.detail).toMatch(/^CSRF验证失败：/);
      expect(r.headers.get("set-cookie")).toBeNull();
      expect((await me(s.cookie)).status).toBe(200);
    }
  });

  it("is refused once its row has expired", async () => {
    const s = await browserLogin("s-viewer");
    expect((await me(s.cookie)).status).toBe(200);
    await (
      await ctx()
    ).db
      .update(sessions)
      .set({ expiresAt: nowSeconds() - 1 })
      .where(eq(sessions.csrfToken, s.csrf));
    const r = await me(s.cookie);
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toBe("Token");
  });

  it("is refused when its row is gone (sessions are server-side)", async () => {
    const s = await browserLogin("s-viewer");
    await (await ctx()).db.delete(sessions).where(eq(sessions.csrfToken, s.csrf));
    expect((await me(s.cookie)).status).toBe(401);
  });
});

describe("password changes and deactivation end sessions", () => {
  it("the user's own change ends their other sessions, not the current one", async () => {
    const u = await makeLoginUser("s-changer", "viewer");
    const current = await browserLogin("s-changer");
    const other = await browserLogin("s-changer");
    const bystander = await browserLogin("s-viewer");
    const r = await api("POST", "/api/auth/password/", {
      headers: { cookie: current.cookie, "x-csrftoken": current.csrf, origin: "http://testserver" },
      json: { old_password: TEST_PASSWORD, new_password: "a brand new password" },
    });
    expect(r.status, r.text).toBe(204);
    expect((await me(current.cookie)).status).toBe(200);
    expect((await me(other.cookie)).status).toBe(401);
    expect((await me(bystander.cookie)).status).toBe(200);
    expect(await sessionCount(u.id)).toBe(1);
    // the new password logs in, the old one no longer does
    await browserLogin("s-changer", "a brand new password");
    const old = await api("POST", "/api/auth/login/", { as: null, json: { username: "s-changer", password: TEST_PASSWORD } });
    expect(old.status).toBe(400);
  });

  it("a wrong old password changes nothing", async () => {
    await makeLoginUser("s-wrongold", "viewer");
    const current = await browserLogin("s-wrongold");
    const other = await browserLogin("s-wrongold");
    const r = await api("POST", "/api/auth/password/", {
      headers: { cookie: current.cookie, "x-csrftoken": current.csrf },
      json: { old_password: "not it at all", new_password: "a brand new password" },
    });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ old_password: ["原密码不正确。"] });
    expect((await me(other.cookie)).status).toBe(200);
    await browserLogin("s-wrongold");
  });

  it("an admin's password reset ends all the user's sessions", async () => {
    const u = await makeLoginUser("s-reset", "operator");
    const a = await browserLogin("s-reset");
    const b = await browserLogin("s-reset");
    const r = await api("PATCH", `/api/auth/users/${u.id}/`, { as: admin.id, json: { password: "reset by the admin" } });
    expect(r.status, r.text).toBe(200);
    expect((await me(a.cookie)).status).toBe(401);
    expect((await me(b.cookie)).status).toBe(401);
    expect(await sessionCount(u.id)).toBe(0);
    await browserLogin("s-reset", "reset by the admin");
  });

  it("an admin's change of the display name or role leaves sessions alone", async () => {
    const u = await makeLoginUser("s-renamed", "viewer");
    const a = await browserLogin("s-renamed");
    expect((await api("PATCH", `/api/auth/users/${u.id}/`, { as: admin.id, json: { display_name: "新名字", role: "operator" } })).status).toBe(200);
    const r = await me(a.cookie);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ display_name: "新名字", role: "operator" });
  });

  it("deactivation ends all the user's sessions and login is refused until reactivated", async () => {
    const u = await makeLoginUser("s-deactivated", "operator");
    const a = await browserLogin("s-deactivated");
    expect((await api("PATCH", `/api/auth/users/${u.id}/`, { as: admin.id, json: { is_active: false } })).status).toBe(200);
    expect((await me(a.cookie)).status).toBe(401);
    expect(await sessionCount(u.id)).toBe(0);
    const login = await api("POST", "/api/auth/login/", { as: null, json: { username: "s-deactivated", password: TEST_PASSWORD } });
    expect(login.status).toBe(400);
    expect(login.body).toEqual({ non_field_errors: ["无法使用提供的认证信息登录。"] });
    expect(login.headers.get("set-cookie")).toBeNull();
    // reactivating does not bring the old session back
    expect((await api("PATCH", `/api/auth/users/${u.id}/`, { as: admin.id, json: { is_active: true } })).status).toBe(200);
    expect((await me(a.cookie)).status).toBe(401);
    await browserLogin("s-deactivated");
  });
});
