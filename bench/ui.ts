/**
 * `npm run bench:ui`: how soon a person sees something, in Chromium.
 *   - the built app (`next start`) on a fresh embedded database seeded with the demo data
 *     (as `npm run start:demo` makes it on first start)
 *   - a logged-in browser opens `/jobs` and a finished job's page LOADS times each (a new
 *     tab each time, the browser's cache kept, as someone coming back to the page)
 *   - per load: navigation start → the first history row, and → the first output line,
 *     as painted (an init script looks at every animation frame; `performance.now()` counts
 *     from the navigation's start)
 * Prints p50/p95/max per page, the long tasks (≥ 50 ms) on the main thread before it, and
 * how many prefetches opening `/jobs` sets off; `--probe` also lists which scripts ran in
 * the long animation frames before it (chunk file, how it was run), by time per load.
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
import { buildIfStale, freePort, startServer, waitForApi, type RunningServer } from "./server";

const LOADS = Number(process.env.BENCH_UI_LOADS ?? 20);
const PASSWORD = "bench-ui-password";
const FIRST_ROW = 'table tbody tr a[href^="/jobs/"]';
const FIRST_LINE = '[data-testid="output-lines"] [data-line]';
/** `--probe`: also list the scripts that ran in long animation frames before the element showed, by time */
const PROBE = process.argv.includes("--probe");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Records, in `window.__seen`, when `selector` first has a box on an animation frame; and
 * the main thread's long tasks and long animation frames (with the scripts that ran in
 * them) until then, in `window.__long` and `window.__loaf`.
 */
const watchScript = (selector: string) => `(() => {
  window.__long = [];
  window.__loaf = [];
  const observe = (type, keep) => {
    try {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) keep(e); }).observe({ type });
    } catch { /* not in this browser */ }
  };
  observe("longtask", (e) => window.__long.push({ start: e.startTime, ms: e.duration }));
  observe("long-animation-frame", (e) =>
    window.__loaf.push({
      start: e.startTime,
      scripts: (e.scripts || []).map((s) => ({
        url: s.sourceURL,
        type: s.invokerType,
        ms: s.duration,
        compileMs: Math.max(0, s.executionStart - s.startTime),
      })),
    }),
  );
  const look = () => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (el && el.getBoundingClientRect().height > 0) { window.__seen = performance.now(); return; }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

type Probe = {
  seen: number;
  long: { start: number; ms: number }[];
  loaf: { start: number; scripts: { url: string; type: string; ms: number; compileMs: number }[] }[];
};

type Load = { ms: number; longMs: number; longCount: number; scripts: Map<string, number>; cpu: Map<string, number>; cpuFunctions: Map<string, number> };

type CpuProfile = {
  nodes: { id: number; callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
};

const chunkName = (url: string) => url.replace(/^.*\/_next\/static\/chunks\//, "").replace(/^https?:\/\/[^/]+/, "");

/**
 * A sampled CPU profile's time (ms) per script file, and per function (file, name, position);
 * time outside scripts under its own name (`(program)`, `(garbage collector)`).
 */
function cpuByScript(profile: CpuProfile): { scripts: Map<string, number>; functions: Map<string, number> } {
  const scriptOf = new Map(profile.nodes.map((n) => [n.id, chunkName(n.callFrame.url) || n.callFrame.functionName || "(anonymous)"]));
  const functionOf = new Map(
    profile.nodes.map((n) => {
      const { url, functionName, lineNumber, columnNumber } = n.callFrame;
      return [n.id, url ? `${chunkName(url)}:${lineNumber + 1}:${columnNumber + 1} ${functionName || "(anonymous)"}` : functionName];
    }),
  );
  const scripts = new Map<string, number>();
  const functions = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    scripts.set(scriptOf.get(id)!, (scripts.get(scriptOf.get(id)!) ?? 0) + ms);
    functions.set(functionOf.get(id)!, (functions.get(functionOf.get(id)!) ?? 0) + ms);
  });
  scripts.delete("(idle)");
  functions.delete("(idle)");
  return { scripts, functions };
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

async function measure(context: BrowserContext, url: string, selector: string): Promise<Load[]> {
  const loads: Load[] = [];
  // one load first, not counted: the browser's cache and the server's first compile of the route
  for (let i = 0; i <= LOADS; i++) {
    const page = await context.newPage();
    await page.addInitScript(watchScript(selector));
    const cdp = PROBE ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 250 });
      await cdp.send("Profiler.start");
    }
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => (window as unknown as { __seen?: number }).__seen !== undefined, null, { timeout: 60_000, polling: 16 });
    const cpu = cdp ? cpuByScript(((await cdp.send("Profiler.stop")) as { profile: CpuProfile }).profile) : { scripts: new Map(), functions: new Map() };
    // observers report a frame after it ends
    await page.waitForTimeout(300);
    const probe = await page.evaluate(() => {
      const w = window as unknown as Probe & { __seen: number; __long: Probe["long"]; __loaf: Probe["loaf"] };
      return { seen: w.__seen, long: w.__long, loaf: w.__loaf };
    });
    if (i > 0) loads.push({ ...summarise(probe), cpu: cpu.scripts, cpuFunctions: cpu.functions });
    await page.close();
  }
  return loads;
}

/** What ran on the main thread before the element was seen: long tasks, and per script (chunk file, how it ran) its time. */
function summarise(probe: Probe): Omit<Load, "cpu" | "cpuFunctions"> {
  const before = probe.long.filter((t) => t.start < probe.seen);
  const scripts = new Map<string, number>();
  for (const frame of probe.loaf.filter((f) => f.start < probe.seen))
    for (const s of frame.scripts) {
      const key = `${chunkName(s.url) || "(inline)"} ${s.type}`;
      scripts.set(key, (scripts.get(key) ?? 0) + s.ms);
    }
  return { ms: probe.seen, longMs: before.reduce((a, t) => a + t.ms, 0), longCount: before.length, scripts };
}

/** Requests for other pages (Next's prefetches) in the first seconds after opening `url`. */
async function countPrefetches(context: BrowserContext, server: RunningServer, url: string): Promise<string> {
  const page = await context.newPage();
  const paths: string[] = [];
  page.on("request", (r) => {
    if (r.headers()["next-router-prefetch"] !== undefined) paths.push(new URL(r.url()).pathname);
  });
  const cpu = server.cpuMs();
  await page.goto(url);
  await sleep(8_000);
  await page.close();
  // the page's own render included: what opening the page costs the server in all
  return `${paths.length} (${[...new Set(paths)].sort().join(" ")}); server CPU in those 8 s: ${Math.round(server.cpuMs() - cpu)} ms`;
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

function report(name: string, loads: Load[]): void {
  const f = (n: number) => `${Math.round(n)} ms`;
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const s = sorted(loads.map((l) => l.ms));
  const long = sorted(loads.map((l) => l.longMs));
  const count = sorted(loads.map((l) => l.longCount));
  console.log(
    `${name.padEnd(34)} n=${s.length}  p50 ${f(percentile(s, 50))}  p95 ${f(percentile(s, 95))}  max ${f(s.at(-1)!)}` +
      `  | long tasks before it: p50 ${percentile(count, 50)}, ${f(percentile(long, 50))} (p95 ${f(percentile(long, 95))})`,
  );
  if (!PROBE) return;
  const perLoad = (pick: (l: Load) => Map<string, number>, title: string) => {
    const total = new Map<string, number>();
    for (const l of loads) for (const [k, ms] of pick(l)) total.set(k, (total.get(k) ?? 0) + ms);
    console.log(`  ${title}`);
    for (const [k, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`    ${f(ms / loads.length).padStart(7)} per load  ${k}`);
  };
  perLoad((l) => l.scripts, "scripts run in long animation frames before it (the task's entry script, how it was run):");
  perLoad((l) => l.cpu, "CPU samples until it was seen, by the script whose code ran:");
  perLoad((l) => l.cpuFunctions, "… by function (self time):");
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
    await waitForApi(server);
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
    console.log(`[bench] prefetch requests in the 8 s after opening /jobs: ${await countPrefetches(context, server, "/jobs")}`);
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
