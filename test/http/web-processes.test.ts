import { spawn } from "node:child_process";
import crypto from "node:crypto";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, gte } from "drizzle-orm";
import { jobs, schedules, workers } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { api, ctx } from "../api";
import { makeCatalog } from "../fixtures";
import { until } from "../resilience/processes";
import { startNext, type NextProcess } from "./next-process";

/**
 * `npm start` (scripts/serve.ts) with WEB_CONCURRENCY=2 on PostgreSQL, over real HTTP
 * against the build: both processes answer on the one port, the machine's background work
 * (the embedded executor here, the scheduler) runs in one of them, a killed process is
 * started again, and SIGTERM to the launcher stops them all. On the embedded database the
 * launcher refuses more than one process. On either, idle connections outlast Node's 5 s.
 */
const ADMIN_PASSWORD = `pw-${crypto.randomBytes(12).toString("hex")}`;

type Served = { status: number; by: string | undefined; keepAlive: string | undefined; localPort: number | undefined };

/**
 * One GET: its status, the answering process, the Keep-Alive header and the client port of
 * its connection. On a connection of its own (the launcher hands out connections, not
 * requests) unless `agent` pools them.
 */
function servedBy(server: NextProcess, p: string, agent: http.Agent | false = false): Promise<Served> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${server.base}${p}`, { agent, headers: { authorization: `Token ${server.token}` } }, (res) => {
      const localPort = res.socket.localPort;
      res.resume();
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          by: res.headers["x-served-by"] as string | undefined,
          keepAlive: res.headers["keep-alive"] as string | undefined,
          localPort,
        }),
      );
    });
    req.on("error", reject);
  });
}

/** The pid the launcher's log gives web process `n`, the newest when it was started again. */
function pidOf(server: NextProcess, n: number): number | undefined {
  const found = [...server.log().matchAll(new RegExp(`web process ${n} of \\d+, pid (\\d+)`, "g"))].at(-1);
  return found ? Number(found[1]) : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function answeringProcesses(server: NextProcess): Promise<Set<string | undefined>> {
  const seen = new Set<string | undefined>();
  for (let i = 0; i < 12; i++) {
    const r = await servedBy(server, "/api/job/job/?limit=1");
    expect(r.status).toBe(200);
    seen.add(r.by);
  }
  return seen;
}

describe.skipIf(!process.env.DATABASE_URL)("the launcher with two web processes on PostgreSQL", () => {
  let server: NextProcess;

  beforeAll(async () => {
    const { config } = await ctx();
    server = await startNext(
      {
        WEB_CONCURRENCY: "2",
        EXECUTOR: "inline",
        DATA_DIR: path.join(process.env.DATA_DIR!, "launcher"),
        PROJECTS_ROOT: config.projectsRoot,
        ADMIN_USERNAME: "admin",
        ADMIN_PASSWORD,
      },
      { launcher: true },
    );
    await until(
      () => pidOf(server, 1) && pidOf(server, 2),
      60_000,
      () => server.log(),
    );
  }, 120_000);

  afterAll(async () => {
    await server?.kill9();
  });

  it("answers from both processes on the one port, saying which", async () => {
    expect(await answeringProcesses(server)).toEqual(new Set(["web-1", "web-2"]));
    expect(server.log()).toMatch(/web process 1 of 2, pid \d+: serves HTTP and runs the background work/);
    expect(server.log()).toMatch(/web process 2 of 2, pid \d+: serves HTTP \(web process 1 runs the background work\)/);
  });

  it("runs the embedded executor in one process only", async () => {
    const { db } = await ctx();
    const beating = await until(
      async () => {
        const rows = await db
          .select({ id: workers.id, pid: workers.pid })
          .from(workers)
          .where(gte(workers.heartbeatAt, nowSeconds() - 30));
        return rows.length > 0 && rows;
      },
      30_000,
      () => server.log(),
    );
    // another heartbeat round: a second executor would have registered by now
    await new Promise((r) => setTimeout(r, 12_000));
    const rows = await db
      .select({ id: workers.id, pid: workers.pid })
      .from(workers)
      .where(gte(workers.heartbeatAt, nowSeconds() - 30));
    expect(rows, server.log()).toEqual(beating);
    expect(rows.map((r) => r.pid)).toEqual([pidOf(server, 1)]);
  }, 60_000);

  it("fires a due schedule once", async () => {
    const { db } = await ctx();
    const c = await makeCatalog();
    const created = await api("POST", "/api/job/schedule/", { json: { name: "两个进程", template: c.template.id, cron: "0 3 * * *", timezone: "UTC" } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as number;
    await db
      .update(schedules)
      .set({ nextFireAt: nowSeconds() - 1 })
      .where(eq(schedules.id, id));
    await until(
      async () => (await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.scheduleId, id))).length > 0,
      30_000,
      () => server.log(),
    );
    // two more scheduler ticks (every 5 s) of every process
    await new Promise((r) => setTimeout(r, 12_000));
    const fired = await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.scheduleId, id));
    expect(fired.length, server.log()).toBe(1);
  }, 60_000);

  it("starts a killed process again", async () => {
    const before = pidOf(server, 2)!;
    process.kill(before, "SIGKILL");
    await until(
      () => {
        const now = pidOf(server, 2);
        return now !== undefined && now !== before;
      },
      60_000,
      () => server.log(),
    );
    expect(server.log()).toMatch(new RegExp(`web process 2 \\(pid ${before}\\) exited \\(signal SIGKILL\\): starting it again`));
    await until(
      async () => (await answeringProcesses(server)).size === 2,
      60_000,
      () => server.log(),
    );
  }, 120_000);

  it("stops every process at SIGTERM to the launcher, and exits 0", async () => {
    const pids = [pidOf(server, 1)!, pidOf(server, 2)!];
    const exited = new Promise<number | null>((resolve) => server.child.once("exit", (code) => resolve(code)));
    process.kill(server.child.pid!, "SIGTERM");
    expect(await exited, server.log()).toBe(0);
    expect(pids.filter(isAlive)).toEqual([]);
    expect(server.log()).toMatch(/\[zuoye\] SIGTERM: stopping/);
  }, 120_000);
});

describe("the launcher's connections", () => {
  let server: NextProcess;

  beforeAll(async () => {
    server = await startNext(
      { WEB_CONCURRENCY: "1", DATA_DIR: path.join(process.env.DATA_DIR!, "keep-alive"), ADMIN_USERNAME: "admin", ADMIN_PASSWORD },
      { launcher: true },
    );
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("keeps an idle connection open past Node's 5 s, so a client reusing it later is not reset", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await servedBy(server, "/api/job/job/?limit=1", agent);
      expect(first.status).toBe(200);
      expect(first.keepAlive).toBe("timeout=65");
      // a test's API request after seconds of clicking, a proxy's pooled connection
      await new Promise((r) => setTimeout(r, 6_500));
      const second = await servedBy(server, "/api/job/job/?limit=1", agent);
      expect(second.status).toBe(200);
      // the same connection: had the server closed it at 5 s, the agent would have opened another
      expect(second.localPort).toBe(first.localPort);
    } finally {
      agent.destroy();
    }
  }, 30_000);
});

describe("the launcher on the embedded database", () => {
  it("refuses more than one web process, naming WEB_CONCURRENCY", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, WEB_CONCURRENCY: "2" };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "serve.ts")], { env, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    // had it started web processes, they end with the launcher
    const kill = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    clearTimeout(kill);
    expect(code, log).toBe(1);
    expect(log).toMatch(/WEB_CONCURRENCY: 2 web processes need DATABASE_URL \(PostgreSQL\)/);
    expect(log).not.toMatch(/web process 1/);
  }, 30_000);
});
