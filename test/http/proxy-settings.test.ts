import crypto from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNext, type NextProcess } from "./next-process";

/**
 * `next start` behind one reverse proxy (TRUST_PROXY=1) at https://ops.example.com
 * (PUBLIC_URL), over real HTTP: the address the login rate limit counts is the entry the
 * proxy appended to X-Forwarded-For, links are built on PUBLIC_URL, cookies are Secure
 * and a browser's Origin must be PUBLIC_URL.
 */
let server: NextProcess;
let token = "";
const ADMIN_PASSWORD = `pw-${crypto.randomBytes(12).toString("hex")}`;
const PUBLIC_URL = "https://ops.example.com";

beforeAll(async () => {
  server = await startNext(
    { DATA_DIR: path.join(process.env.DATA_DIR!, "proxied"), DEMO_DATA: "0", ADMIN_USERNAME: "admin", ADMIN_PASSWORD, TRUST_PROXY: "1", PUBLIC_URL },
    { tokenHeaders: { "x-forwarded-for": "192.0.2.1" } },
  );
  token = server.token;
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

const call = (p: string, init: RequestInit = {}) => fetch(`${server.base}${p}`, { redirect: "manual", ...init });
const login = (headers: Record<string, string>, password = ADMIN_PASSWORD) =>
  call("/api/auth/login/", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ username: "admin", password }),
  });

describe("behind a trusted proxy, at PUBLIC_URL", () => {
  it("builds page links on PUBLIC_URL, whatever Host and X-Forwarded-Host say", async () => {
    const auth = { authorization: `Token ${token}`, "content-type": "application/json" };
    const body = JSON.stringify({ state: "failed", start_time: 1, finish_time: 2, kind: "adhoc", module: "ping" });
    for (let i = 0; i < 2; i++) expect((await call("/api/job/job/", { method: "POST", headers: auth, body })).status).toBe(201);
    const r = await call("/api/job/job/?limit=1&state=failed", { headers: { ...auth, "x-forwarded-host": "evil.example" } });
    expect((await r.json()).next).toBe(`${PUBLIC_URL}/api/job/job/?limit=1&offset=1&state=failed`);
  });

  it("accepts a browser's login from PUBLIC_URL only, and marks its cookies Secure", async () => {
    const refused = await login({ origin: server.base, "x-forwarded-for": "192.0.2.2" });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ detail: `CSRF验证失败：来源 ${server.base} 不被信任。` });
    const r = await login({ origin: PUBLIC_URL, "x-forwarded-for": "192.0.2.2" });
    expect(r.status).toBe(200);
    const cookies = r.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    expect(cookies.every((c) => /; Secure/i.test(c))).toBe(true);
  });

  it("counts failed logins by the address the proxy appended, not by what the client wrote before it", async () => {
    const attempt = (forwarded: string) => login({ "x-forwarded-for": forwarded }, "wrong password");
    for (let i = 1; i <= 5; i++) expect((await attempt(`203.0.113.${i}, 192.0.2.50`)).status).toBe(400);
    expect((await attempt("203.0.113.99, 192.0.2.50")).status).toBe(429);
    // the admin from another address is not held back by that
    expect((await login({ "x-forwarded-for": "192.0.2.51" })).status).toBe(200);
  });
});
