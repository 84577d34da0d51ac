import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNext, type NextProcess } from "./next-process";

/**
 * The built app (`next build` output) served by `next start`, called over real HTTP:
 * what only the real server shows — routing with and without the trailing slash,
 * no redirects, 405/404 bodies, first start creating the database, the 401 and the
 * login cookies as a client sees them, the security headers, the socket's address. The
 * admin gets its password from ADMIN_PASSWORD on that first start; the calls use a token
 * obtained with it (POST /api/auth/token/).
 */
let server: NextProcess;
let base: string;
let token = "";
const ADMIN_PASSWORD = `pw-${crypto.randomBytes(12).toString("hex")}`;

beforeAll(async () => {
  server = await startNext({ DATA_DIR: path.join(process.env.DATA_DIR!, "server"), DEMO_DATA: "1", ADMIN_USERNAME: "admin", ADMIN_PASSWORD });
  token = server.token;
  base = server.base;
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

/** A request as the admin, with the token (unless the headers carry credentials of their own). */
const get = (p: string, init: RequestInit = {}) =>
  fetch(`${base}${p}`, { redirect: "manual", ...init, headers: { authorization: `Token ${token}`, ...(init.headers as Record<string, string>) } });
/** A request with no credentials at all. */
const anonymous = (p: string, init: RequestInit = {}) => fetch(`${base}${p}`, { redirect: "manual", ...init });

describe("next start over HTTP", () => {
  it("creates the embedded database on first start, with demo data unless PostgreSQL is configured", async () => {
    const r = await get("/api/job/job/");
    expect(r.status).toBe(200);
    const body = await r.json();
    if (process.env.DATABASE_URL) expect(body.count).toBe(0);
    else {
      expect(fs.existsSync(path.join(process.env.DATA_DIR!, "server", "pglite", "PG_VERSION"))).toBe(true);
      expect(body.count).toBeGreaterThan(100);
    }
  });

  it("serves each path with and without the trailing slash, never redirecting", async () => {
    for (const p of ["/api/job/job/", "/api/job/job"]) {
      const r = await get(`${p}?limit=1`);
      expect(r.status, p).toBe(200);
      expect(r.headers.get("content-type")).toBe("application/json");
    }
    const created = await get("/api/job/job", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ state: "failed", start_time: 1, finish_time: 2, kind: "adhoc", module: "ping" }),
    });
    expect(created.status).toBe(201);
    const job = await created.json();
    expect((await get(`/api/job/job/${job.id}`)).status).toBe(200);
    const del = await get("/api/job/job", { method: "DELETE", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `pk%5B%5D=${job.id}` });
    expect(del.status).toBe(204);
    expect(await del.text()).toBe("");
    expect((await get(`/api/job/job/${job.id}/`)).status).toBe(404);
  });

  it("answers DRF bodies for 405, 404 and 415, and compact unescaped JSON", async () => {
    let r = await get("/api/job/job/", { method: "PATCH" });
    expect(r.status).toBe(405);
    expect(await r.json()).toEqual({ detail: "方法 “PATCH” 不被允许。" });
    r = await get("/api/job/nothing-here/");
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ detail: "未找到。" });
    r = await get("/api/job/job/", { method: "POST", headers: { "content-type": "text/plain" }, body: "x" });
    expect(r.status).toBe(415);
    r = await get("/api/job/job/?state=bogus");
    expect(await r.text()).toBe('{"state":["选择一个有效的选项。 bogus 不在可用的选项中。"]}');
  });

  it("builds page links from the Host header", async () => {
    const body = JSON.stringify({ state: "failed", start_time: 1, finish_time: 2, kind: "adhoc", module: "ping" });
    for (let i = 0; i < 2; i++) await get("/api/job/job/", { method: "POST", headers: { "content-type": "application/json" }, body });
    // fetch may not set Host: a plain HTTP request does
    const port = new URL(base).port;
    const text = await new Promise<string>((resolve, reject) => {
      const headers = { host: "ops.example.com", authorization: `Token ${token}` };
      const req = http.request({ host: "127.0.0.1", port, path: "/api/job/job/?limit=1&zeta=1&alpha=a%20b", headers }, (res) => {
        let data = "";
        res.on("data", (d) => (data += d));
        res.on("end", () => resolve(data));
      });
      req.on("error", reject);
      req.end();
    });
    expect(JSON.parse(text).next).toBe("http://ops.example.com/api/job/job/?alpha=a+b&limit=1&offset=1&zeta=1");
  });

  it("answers 401 with WWW-Authenticate without credentials or with a wrong token", async () => {
    for (const r of [
      await anonymous("/api/job/job/"),
      await anonymous("/api/job/job/1/stdout/"),
      await get("/api/job/job/", { headers: { authorization: "Token wrong" } }),
    ]) {
      expect(r.status).toBe(401);
      expect(r.headers.get("www-authenticate")).toBe("Token");
    }
    expect(await (await anonymous("/api/job/job/")).json()).toEqual({ detail: "身份认证信息未提供。" });
    const wrong = await anonymous("/api/auth/token/", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: "wrong-password" }),
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ non_field_errors: ["无法使用提供的认证信息登录。"] });
  });

  it("logs in with cookies (httpOnly session, readable CSRF token, SameSite=Lax, not Secure on plain HTTP) and out", async () => {
    const login = (headers: Record<string, string> = {}) =>
      anonymous("/api/auth/login/", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
      });
    const r = await login();
    expect(r.status).toBe(200);
    const cookies = r.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith("zuoye_session="))!;
    const csrf = cookies.find((c) => c.startsWith("zuoye_csrf="))!;
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).toMatch(/; Path=\//);
    expect(session).not.toMatch(/; Secure/i); // plain HTTP
    expect(csrf).not.toMatch(/HttpOnly/i);
    // without TRUST_PROXY a client's X-Forwarded-Proto is not believed (test/http/proxy-settings.test.ts: with it)
    const forged = (await login({ "x-forwarded-proto": "https" })).headers.getSetCookie();
    expect(forged.some((c) => /; Secure/i.test(c))).toBe(false);

    const cookie = cookies.map((c) => c.split(";")[0]).join("; ");
    const me = await anonymous("/api/auth/me/", { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: "admin", role: "admin", auth: "session" });
    const csrfToken = decodeURIComponent(csrf.split(";")[0]!.slice("zuoye_csrf=".length));
    const body = JSON.stringify({ name: "over HTTP" });
    const refused = await anonymous("/api/auth/tokens/", { method: "POST", headers: { cookie, "content-type": "application/json" }, body });
    expect(refused.status).toBe(403); // no X-CSRFToken
    const made = await anonymous("/api/auth/tokens/", {
      method: "POST",
      headers: { cookie, "content-type": "application/json", "x-csrftoken": csrfToken },
      body,
    });
    expect(made.status).toBe(201);

    // logging a live session out takes its CSRF token, like any change
    const forcedOut = await anonymous("/api/auth/logout/", { method: "POST", headers: { cookie } });
    expect(forcedOut.status).toBe(403);
    expect((await anonymous("/api/auth/me/", { headers: { cookie } })).status).toBe(200);
    const out = await anonymous("/api/auth/logout/", { method: "POST", headers: { cookie, "x-csrftoken": csrfToken } });
    expect(out.status).toBe(204);
    const cleared = out.headers.getSetCookie();
    expect(cleared.map((c) => c.split("=")[0]).sort()).toEqual(["zuoye_csrf", "zuoye_session"]);
    expect(cleared.every((c) => /Max-Age=0/i.test(c))).toBe(true);
    expect((await anonymous("/api/auth/me/", { headers: { cookie } })).status).toBe(401); // the session ended on the server too
  });

  it("sends the security headers: a page's Content-Security-Policy with a fresh nonce, on its scripts too", async () => {
    const page = async () => {
      const r = await anonymous("/login");
      expect(r.status).toBe(200);
      return { csp: r.headers.get("content-security-policy")!, headers: r.headers, html: await r.text() };
    };
    const one = await page();
    const two = await page();
    const nonce = one.csp.match(/'nonce-([A-Za-z0-9+/]+={0,2})'/)![1];
    expect(nonce).not.toBe(two.csp.match(/'nonce-([^']+)'/)![1]);
    expect(one.csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic';`);
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"])
      expect(one.csp).toContain(directive);
    expect(one.csp).not.toContain("unsafe-eval");
    // every script of the page carries this response's nonce
    const scripts = one.html.match(/<script\b[^>]*>/g)!;
    expect(scripts.length).toBeGreaterThan(3);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(one.headers.get("x-frame-options")).toBe("DENY");
    expect(one.headers.get("x-content-type-options")).toBe("nosniff");
    expect(one.headers.get("referrer-policy")).toBe("same-origin");
  });

  it("sends the security headers on API answers, redirects and 404s too", async () => {
    const answers = [
      await get("/api/job/job/?limit=1"),
      await anonymous("/api/job/job/"),
      await get("/api/job/job/999999/"),
      await get("/api/job/job/", { method: "PATCH" }),
      await anonymous("/jobs"),
      await anonymous("/no-such-file.txt"),
    ];
    for (const r of answers) {
      expect(r.headers.get("x-frame-options"), r.url).toBe("DENY");
      expect(r.headers.get("x-content-type-options"), r.url).toBe("nosniff");
      expect(r.headers.get("referrer-policy"), r.url).toBe("same-origin");
      // a redirect has no content to police
      if (r.status !== 307) expect(r.headers.get("content-security-policy"), r.url).toMatch(/frame-ancestors 'none'/);
    }
    expect(answers[0]!.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(answers[4]!.status).toBe(307);
    expect(answers[5]!.status).toBe(404);
    expect(answers[5]!.headers.get("content-security-policy")).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
  });

  it("counts failed logins by the socket's address, whatever X-Forwarded-For a client writes", async () => {
    const attempt = (forwarded: string, password: string) =>
      anonymous("/api/auth/token/", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": forwarded, "x-real-ip": forwarded, "x-zuoye-peer-address": forwarded },
        body: JSON.stringify({ username: "nobody-forged", password }),
      });
    for (let i = 1; i <= 5; i++) expect((await attempt(`198.51.100.${i}`, "wrong password")).status).toBe(400);
    const sixth = await attempt("198.51.100.99", "wrong password");
    expect(sixth.status).toBe(429);
    expect(await sixth.json()).toEqual({ detail: expect.stringMatching(/^请求超过了限速。预计 \d+ 秒后可用。$/) });
  });
});
