import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The built app (`next build` output) served by `next start`, called over real HTTP:
 * what only the real server shows — routing with and without the trailing slash,
 * no redirects, 405/404 bodies, first start creating the database.
 */
let server: ChildProcess;
let base: string;
let log = "";

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
  if (!fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    throw new Error("no production build: run `npm run build` before this test (the README test command does)");
  }
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DATA_DIR: path.join(process.env.DATA_DIR!, "server"), DEMO_DATA: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  server.stdout!.on("data", (d) => (log += d));
  server.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`${base}/api/job/job/?limit=1`);
      if (r.status === 200) return;
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

const get = (p: string, init?: RequestInit) => fetch(`${base}${p}`, { redirect: "manual", ...init });

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
      const req = http.request({ host: "127.0.0.1", port, path: "/api/job/job/?limit=1&zeta=1&alpha=a%20b", headers: { host: "ops.example.com" } }, (res) => {
        let data = "";
        res.on("data", (d) => (data += d));
        res.on("end", () => resolve(data));
      });
      req.on("error", reject);
      req.end();
    });
    expect(JSON.parse(text).next).toBe("http://ops.example.com/api/job/job/?alpha=a+b&limit=1&offset=1&zeta=1");
  });
});
