import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The built app (`next build` output) served by `next start`, called over real HTTP:
 * what only the real server shows — routing with and without the trailing slash,
 * no redirects, 405/404 bodies, first start creating the database, the 401 and the
 * login cookies as a client sees them. The admin gets its password from ADMIN_PASSWORD on
 * that first start; the calls use a token obtained with it (POST /api/auth/token/).
 */
let server: ChildProcess;
let base: string;
let log = "";
let token = "";
const ADMIN_PASSWORD = `pw-${crypto.randomBytes(12).toString("hex")}`;
/** `next build` output: the build's own folder when it was made with NEXT_DIST_DIR, as next.config.js reads it */
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(process.cwd(), DIST_DIR, "BUILD_ID"))) {
    throw new Error(`no production build in ${DIST_DIR}: run \`npm run build\` before this test (the README test command does)`);
  }
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DATA_DIR: path.join(process.env.DATA_DIR!, "server"), DEMO_DATA: "1", ADMIN_USERNAME: "admin", ADMIN_PASSWORD },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  server.stdout!.on("data", (d) => (log += d));
  server.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`${base}/api/auth/token/`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
      });
      if (r.status === 200) {
        token = (await r.json()).token;
        return;
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not start:\n${log}`);
}, 90_000);

afterAll(async () => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
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
    for (const r of [await anonymous("/api/job/job/"), await anonymous("/api/job/job/1/stdout/"), await get("/api/job/job/", { headers: { authorization: "Token wrong" } })]) {
      expect(r.status).toBe(401);
      expect(r.headers.get("www-authenticate")).toBe("Token");
    }
    expect(await (await anonymous("/api/job/job/")).json()).toEqual({ detail: "身份认证信息未提供。" });
    const wrong = await anonymous("/api/auth/token/", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "admin", password: "wrong-password" }) });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ non_field_errors: ["无法使用提供的认证信息登录。"] });
  });

  it("logs in with cookies (httpOnly session, readable CSRF token, SameSite=Lax, Secure behind HTTPS) and out", async () => {
    const login = (headers: Record<string, string> = {}) =>
      anonymous("/api/auth/login/", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }) });
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
    const behindHttps = (await login({ "x-forwarded-proto": "https" })).headers.getSetCookie();
    expect(behindHttps.every((c) => /; Secure/i.test(c))).toBe(true);

    const cookie = cookies.map((c) => c.split(";")[0]).join("; ");
    const me = await anonymous("/api/auth/me/", { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: "admin", role: "admin", auth: "session" });
    const csrfToken = decodeURIComponent(csrf.split(";")[0].slice("zuoye_csrf=".length));
    const body = JSON.stringify({ name: "over HTTP" });
    const refused = await anonymous("/api/auth/tokens/", { method: "POST", headers: { cookie, "content-type": "application/json" }, body });
    expect(refused.status).toBe(403); // no X-CSRFToken
    const made = await anonymous("/api/auth/tokens/", { method: "POST", headers: { cookie, "content-type": "application/json", "x-csrftoken": csrfToken }, body });
    expect(made.status).toBe(201);

    const out = await anonymous("/api/auth/logout/", { method: "POST", headers: { cookie } });
    expect(out.status).toBe(204);
    const cleared = out.headers.getSetCookie();
    expect(cleared.map((c) => c.split("=")[0]).sort()).toEqual(["zuoye_csrf", "zuoye_session"]);
    expect(cleared.every((c) => /Max-Age=0/i.test(c))).toBe(true);
    expect((await anonymous("/api/auth/me/", { headers: { cookie } })).status).toBe(401); // the session ended on the server too
  });
});
