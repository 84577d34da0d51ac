/** Builds the app when its sources changed and serves it on a free loopback port (`next start`, or the launcher). */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const ROOT = process.cwd();
/** The bench's own build folder (next.config.js reads NEXT_DIST_DIR). */
export const DIST_DIR = ".next-bench";
const SOURCES = [
  "app",
  "components",
  "server",
  "core",
  "db",
  "lib",
  "executor",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "proxy.ts",
  "next.config.js",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
];

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== "node_modules" && !name.startsWith(".")) visit(path.join(p, name));
    } else if (!/\.test\.tsx?$/.test(p)) newest = Math.max(newest, st.mtimeMs);
  };
  for (const s of SOURCES) visit(path.join(ROOT, s));
  return newest;
}

/** `next build` unless `.next-bench/BUILD_ID` exists and is newer than every source file. */
export function buildIfStale(force: boolean): void {
  const id = path.join(ROOT, DIST_DIR, "BUILD_ID");
  const built = fs.existsSync(id) ? fs.statSync(id).mtimeMs : 0;
  if (!force && built > newestSourceMtime()) {
    console.log(`[bench] ${DIST_DIR} is up to date, not building (use --build to force)`);
    return;
  }
  console.log("[bench] next build ...");
  const t = Date.now();
  const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: DIST_DIR },
  });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
  console.log(`[bench] built in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

export async function freePort(from = 3400): Promise<number> {
  for (let port = from; port < from + 200; port++) {
    const ok = await new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once("error", () => resolve(false));
      srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  throw new Error(`no free port in ${from}..${from + 199}`);
}

export type RunningServer = {
  baseUrl: string;
  stop: () => Promise<void>;
  log: () => string;
  /** CPU time (user + system) used so far by the server's processes */
  cpuMs: () => number;
  hasExited: () => boolean;
};

/** CPU time (utime + stime, ms) of the processes `match` selects, from Linux /proc. */
export function processCpuMs(match: (stat: string[], cmdline: string) => boolean): number {
  const tick = 1000 / 100; // USER_HZ
  let total = 0;
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const fields = fs.readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1]!.split(" ");
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, "utf8");
      if (match(fields, cmdline)) total += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      /* exited */
    }
  }
  return total;
}

/**
 * `next start` bound to 127.0.0.1, in its own process group so that stop() ends it and its
 * children; with `processes`, the launcher (`npm start`, scripts/serve.ts) with that
 * WEB_CONCURRENCY ("default": the app's own default) instead.
 */
export async function startServer(env: Record<string, string>, port: number, opts: { processes?: number | "default" } = {}): Promise<RunningServer> {
  let log = "";
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (each web process its own)
  const prof = process.env.BENCH_CPU_PROF;
  const profiling = prof ? ["--cpu-prof", `--cpu-prof-dir=${prof}`] : [];
  const [command, ...startArgs] =
    opts.processes === undefined
      ? [
          ...(prof
            ? [process.execPath, ...profiling, path.join(ROOT, "node_modules", "next", "dist", "bin", "next")]
            : [path.join(ROOT, "node_modules", ".bin", "next")]),
          "start",
          "-H",
          "127.0.0.1",
          "-p",
          String(port),
        ]
      : [process.execPath, ...profiling, "--import", "tsx", path.join(ROOT, "scripts", "serve.ts")];
  const concurrency = typeof opts.processes === "number" ? { WEB_CONCURRENCY: String(opts.processes) } : {};
  const child: ChildProcess = spawn(command!, startArgs, {
    env: { ...process.env, ...env, ...concurrency, NEXT_DIST_DIR: DIST_DIR, PORT: String(port), HOSTNAME: "127.0.0.1" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (b) => (log += b));
  child.stderr!.on("data", (b) => (log += b));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop,
    log: () => log,
    cpuMs: () => processCpuMs((stat) => Number(stat[2]) === child.pid),
    hasExited: () => child.exitCode !== null || child.signalCode !== null,
  };
}

/** Polls `url` until it answers 200 (the first request also opens the database). */
export async function waitReady(url: string, server: RunningServer, headers: Record<string, string>, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < end && !server.hasExited()) {
    try {
      const r = await fetch(url, { headers });
      last = `${r.status} ${(await r.text()).slice(0, 200)}`;
      if (r.status === 200) return;
    } catch (e) {
      last = String(e);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server ${server.hasExited() ? "exited" : `not ready after ${timeoutMs / 1000} s`}: ${last}\n${server.log().slice(-3000)}`);
}

/** Waits (up to 3 minutes) until the API answers 401 to an anonymous list: the server is up, before anyone logs in. */
export async function waitForApi(server: RunningServer): Promise<void> {
  const end = Date.now() + 180_000;
  while (Date.now() < end && !server.hasExited()) {
    try {
      if ((await fetch(`${server.baseUrl}/api/job/job/?limit=1`)).status === 401) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server not up: ${server.log().slice(-3000)}`);
}
