/**
 * `npm run bench:ui`: how soon a person sees something, in Chromium.
 *   - the built app (`next start`) on a fresh embedded database seeded with the demo data
 *     (as `npm run start:demo` makes it on first start)
 *   - a logged-in browser opens `/jobs` and a finished job's page LOADS times each (a new
 *     tab each time, the browser's cache kept, as someone coming back to the page)
 *   - per load: navigation start → the first history row, and → the first output line,
 *     as painted (an init script looks at every animation frame; `performance.now()` counts
 *     from the navigation's start)
 * Prints p50/p95/max per page, and how many prefetches opening `/jobs` sets off.
 * BENCH_UI_LOADS (default 20); `--build` forces a build, `--no-build` measures the one in
 * .next-bench as it is, `--screenshots=DIR` saves the history's first paint and a failed
 * demo job's page there. Chromium: CHROMIUM_PATH, else /usr/bin/chromium.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "../e2e/chromium";
import { percentile } from "./load";
import { buildIfStale, freePort, startServer, type RunningServer } from "./server";

const LOADS = Number(process.env.BENCH_UI_LOADS ?? 20);
const PASSWORD = "bench-ui-password";
const FIRST_ROW = 'table tbody tr a[href^="/jobs/"]';
const FIRST_LINE = '[data-testid="output-lines"] [data-line]';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Records, in `window.__seen`, when `selector` first has a box on an animation frame. */
const watchScript = (selector: string) => `(() => {
  const look = () => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (el && el.getBoundingClientRect().height > 0) { window.__seen = performance.now(); return; }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

async function waitForApi(server: RunningServer, base: string): Promise<void> {
  const end = Date.now() + 180_000;
  while (Date.now() < end && !server.hasExited()) {
    try {
      if ((await fetch(`${base}/api/job/job/?limit=1`)).status === 401) return;
    } catch {
      /* not up yet */
    }
    await sleep(300);
  }
  throw new Error(`server not up: ${server.log().slice(-3000)}`);
}

/** The newest finished job with stored output (the demo's launched checks run at first start). */
async function jobWithOutput(base: string, auth: Record<string, string>): Promise<number> {
  const end = Date.now() + 300_000;
  while (Date.now() < end) {
    const page = (await (await fetch(`${base}/api/job/job/?state__in=successful,failed&ordering=-id&limit=20`, { headers: auth })).json()) as {
      results: { id: number }[];
    };
    for (const { id } of page.results) {
      const lines = (await (await fetch(`${base}/api/job/job/${id}/lines/?start=1&limit=1`, { headers: auth })).json()) as { total: number };
      if (lines.total > 0) return id;
    }
    await sleep(2_000);
  }
  throw new Error("no finished job with output after 5 minutes");
}

async function measure(context: BrowserContext, url: string, selector: string): Promise<number[]> {
  const times: number[] = [];
  // one load first, not counted: the browser's cache and the server's first compile of the route
  for (let i = 0; i <= LOADS; i++) {
    const page = await context.newPage();
    await page.addInitScript(watchScript(selector));
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => (window as unknown as { __seen?: number }).__seen !== undefined, null, { timeout: 60_000, polling: 50 });
    const ms = await page.evaluate(() => (window as unknown as { __seen: number }).__seen);
    if (i > 0) times.push(ms);
    await page.close();
  }
  return times;
}

/** Requests for other pages (Next's prefetches) in the first seconds after opening `url`. */
async function countPrefetches(context: BrowserContext, url: string): Promise<string> {
  const page = await context.newPage();
  const paths: string[] = [];
  page.on("request", (r) => {
    if (r.headers()["next-router-prefetch"] !== undefined) paths.push(new URL(r.url()).pathname);
  });
  await page.goto(url);
  await sleep(8_000);
  await page.close();
  return `${paths.length} (${[...new Set(paths)].sort().join(" ")})`;
}

/** The history as first painted (no JavaScript), and a failed demo job's page, into `dir`. */
async function screenshots(context: BrowserContext, base: string, auth: Record<string, string>, dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const bare = await context
    .browser()!
    .newContext({ javaScriptEnabled: false, storageState: await context.storageState(), viewport: { width: 1280, height: 860 } });
  const page = await bare.newPage();
  await page.goto(`${base}/jobs`);
  await page.screenshot({ path: path.join(dir, "history-first-paint.png") });
  await bare.close();
  const failed = (await (await fetch(`${base}/api/job/job/?state=failed&kind=job&limit=1&offset=2`, { headers: auth })).json()) as {
    results: { id: number }[];
  };
  const job = await context.newPage();
  await job.goto(`/jobs/${failed.results[0]!.id}`);
  await job.waitForSelector(FIRST_LINE);
  await job.waitForTimeout(2_000);
  await job.screenshot({ path: path.join(dir, "demo-failed-job.png"), fullPage: true });
  await job.close();
  console.log(`[bench] screenshots in ${dir}`);
}

function report(name: string, times: number[]): void {
  const s = [...times].sort((a, b) => a - b);
  const f = (n: number) => `${Math.round(n)} ms`;
  console.log(`${name.padEnd(34)} n=${s.length}  p50 ${f(percentile(s, 50))}  p95 ${f(percentile(s, 95))}  max ${f(s.at(-1)!)}`);
}

async function main(): Promise<void> {
  // --no-build: measure the build in .next-bench as it is (an earlier commit's, for a before/after)
  if (!process.argv.includes("--no-build")) buildIfStale(process.argv.includes("--build"));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "zuoye-bench-ui-"));
  const port = await freePort(3400);
  const base = `http://127.0.0.1:${port}`;
  // the embedded database, as on first start without PostgreSQL
  delete process.env.DATABASE_URL;
  const started = Date.now();
  const server = await startServer({ DATA_DIR: dataDir, DEMO_DATA: "1", ADMIN_USERNAME: "admin", ADMIN_PASSWORD: PASSWORD }, port);
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    await waitForApi(server, base);
    const tokenRes = await fetch(`${base}/api/auth/token/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: PASSWORD }),
    });
    const auth = { authorization: `Token ${((await tokenRes.json()) as { token: string }).token}` };
    // the first API answer comes after the demo data is in: the seeding's time
    await fetch(`${base}/api/job/job/?limit=1`, { headers: auth });
    console.log(`[bench] server up with the demo data in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const jobId = await jobWithOutput(base, auth);

    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 860 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const login = await context.request.post("/api/auth/login/", { data: { username: "admin", password: PASSWORD } });
    if (login.status() !== 200) throw new Error(`login: ${login.status()} ${await login.text()}`);

    console.log(`[bench] uptime: ${fs.readFileSync("/proc/loadavg", "utf8").trim()} (1, 5, 15 min load; ${os.cpus().length} cores)`);
    if (LOADS > 0) {
      report("/jobs → first row", await measure(context, "/jobs", FIRST_ROW));
      report(`/jobs/${jobId} → first output line`, await measure(context, `/jobs/${jobId}`, FIRST_LINE));
    }
    console.log(`[bench] uptime: ${fs.readFileSync("/proc/loadavg", "utf8").trim()}`);
    console.log(`[bench] prefetch requests in the 8 s after opening /jobs: ${await countPrefetches(context, "/jobs")}`);
    const shots = process.argv.find((a) => a.startsWith("--screenshots="))?.slice("--screenshots=".length);
    if (shots) await screenshots(context, base, auth, shots);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
