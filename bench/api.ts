/**
 * npm run bench:api [-- --build] [--jobs 1000000] [--duration 4] [--concurrency 8] [--only <text>] [--identity] [--sql-only]
 *                     [--processes N | --next-start]
 *
 * Fills BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/zuoye_bench) with
 * 1,000,000 jobs if it has fewer, starts the built app against it on 127.0.0.1 as `npm start`
 * does (the launcher with WEB_CONCURRENCY=N, default the app's own: one web process per
 * core; `--next-start`: a single bare `next start`, as before the launcher), and for
 * each list/detail case prints HTTP latency (p50, p95) and requests/s under a closed-loop
 * load, next to the time of the same domain call made directly on the database.
 * The requests send an admin API token: BENCH_TOKEN if set, else one this run creates in
 * that database (for ADMIN_USERNAME, default admin, created if missing) and revokes at the end.
 * `--sql-only` skips the build and the HTTP load: only the direct call and the SQL time in
 * PostgreSQL, the figures the filter cases' targets are about. The `host=` cases need per-host
 * results (`BENCH_DATABASE_URL` on a copy of bench:hosts' database); without them they are left out.
 */
import crypto from "node:crypto";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, rowsOf, type Db } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { ensureAdminUser } from "@/server/auth/ensure-admin-user";
import { readConfig } from "@/core/config";
import { seedCatalog } from "@/server/demo/seed-catalog";
import { seedJobs } from "@/server/demo/seed-jobs";
import { readListQuery } from "@/server/drf/list-query";
import { getJob } from "@/server/jobs/get-job";
import { JOB_LIST } from "@/server/jobs/job-list-spec";
import { listJobs } from "@/server/jobs/list-jobs";
import { createToken } from "@/server/tokens/create-token";
import { runLoad, summarize, timeSequential, type Stats } from "./load";
import { buildIfStale, freePort, processCpuMs, startServer, waitReady } from "./server";
import { openTracedDb } from "./sql-time";

/** target: HTTP p50 in ms (null: none, a reference row or a case whose target is its SQL time: sqlTarget); status: the expected answer */
type Case = { name: string; path: string; target: number | null; sqlTarget?: number; detailIds?: number[]; status?: number };
type Result = { c: Case; http?: Stats; direct: Stats; inDb: Stats; appCpu: number; pgCpu: number };

const { values: args } = parseArgs({
  options: {
    build: { type: "boolean", default: false },
    jobs: { type: "string", default: "1000000" },
    duration: { type: "string", default: "4" },
    concurrency: { type: "string", default: "8" },
    only: { type: "string" },
    identity: { type: "boolean", default: false },
    processes: { type: "string" },
    "next-start": { type: "boolean", default: false },
    "sql-only": { type: "boolean", default: false },
  },
});

/** the app's data directory while it is measured (projects of the seeded catalog) */
const BENCH_DATA_DIR = path.join(os.tmpdir(), "zuoye-bench-data");

/** the machine's 1-minute load average when the run started: other work skews every figure */
const loadBefore = os.loadavg()[0]!.toFixed(2);

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/zuoye_bench";
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`the benchmark only talks to 127.0.0.1, not ${host}`);
  const wantJobs = Number(args.jobs);
  const concurrency = Number(args.concurrency);
  const durationMs = Number(args.duration) * 1000;
  const processes = args["next-start"] ? undefined : args.processes ? Number(args.processes) : "default";
  if (typeof processes === "number" && !(Number.isInteger(processes) && processes >= 1))
    throw new Error(`--processes takes a number of web processes, not ${args.processes}`);

  await createDatabaseIfMissing(url);
  const database = await openDatabase({ databaseUrl: url, pgliteDir: "", poolSize: 2 });
  const { db } = database;
  const traced = openTracedDb(url);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let token: BenchToken | undefined;
  try {
    token = await benchToken(db, url);
    await fill(db, wantJobs);
    const cases = (await pickCases(db)).filter((c) => !args.only || c.name.includes(args.only));
    if (args["sql-only"]) {
      const results: Result[] = [];
      for (const c of cases.filter((x) => x.status !== 404)) results.push({ c, ...(await timeInDb(db, traced, c)), appCpu: NaN, pgCpu: NaN });
      await printReport(db, results, { concurrency, durationMs, processes });
      return;
    }
    buildIfStale(args.build);
    const port = await freePort(3400);
    server = await startServer(
      {
        DATABASE_URL: url,
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        EXECUTOR: "off",
        DEMO_DATA: "0",
        DATA_DIR: BENCH_DATA_DIR,
      },
      port,
      { processes },
    );
    const headers: Record<string, string> = { authorization: `Token ${token.key}` };
    await waitReady(`${server.baseUrl}/api/job/job/?limit=1`, server, headers);
    console.log(
      `[bench] ${serving(processes)} on ${server.baseUrl}; ${concurrency} concurrent loops, ${durationMs / 1000} s per case` +
        `, Accept-Encoding: ${args.identity ? "identity" : "gzip, deflate"}`,
    );

    // like python-requests: keep-alive, gzip accepted (the body is read, not inflated);
    // --identity asks for uncompressed bodies, as curl does
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    const reqHeaders = { "accept-encoding": args.identity ? "identity" : "gzip, deflate", accept: "application/json", ...headers };
    const dbName = new URL(url).pathname.slice(1);
    const pgCpu = () => processCpuMs((_s, cmd) => cmd.startsWith(`postgres: `) && cmd.includes(` ${dbName} `));
    const results: Result[] = [];
    const selected = cases;
    const getter = (c: Case) => (i: number) =>
      httpGet(agent, `${server!.baseUrl}${c.detailIds ? `/api/job/job/${c.detailIds[i % c.detailIds.length]}/` : c.path}`, reqHeaders, c.status);
    // warm-up: every code path runs a few hundred times before any is measured (JIT)
    for (const c of selected) await runLoad(getter(c), { concurrency, durationMs: 2000, maxRequests: 300 });
    for (const c of selected) {
      const get = getter(c);
      await runLoad(get, { concurrency, durationMs: 500, maxRequests: 100 });
      const [app0, pg0] = [server.cpuMs(), pgCpu()];
      const load = await runLoad(get, { concurrency, durationMs, maxRequests: 100_000 });
      const [appCpu, pg] = [(server.cpuMs() - app0) / load.n, (pgCpu() - pg0) / load.n];
      const { direct, inDb } = await timeInDb(db, traced, c);
      results.push({ c, http: load, direct, inDb, appCpu, pgCpu: pg });
      console.log(
        `[bench] ${c.name}: p50 ${ms(load.p50)} p95 ${ms(load.p95)} ${load.rps.toFixed(0)} req/s` +
          `${load.errors ? ` (${load.errors} errors)` : ""}; CPU/req app ${ms(appCpu)} PostgreSQL ${ms(pg)}; direct p50 ${ms(direct.p50)}, in PostgreSQL ${ms(inDb.p50)}`,
      );
    }
    agent.destroy();
    await printReport(db, results, { concurrency, durationMs, processes });
  } finally {
    await server?.stop();
    await token?.revoke();
    await traced.close();
    await database.close();
  }
}

/**
 * The domain call in this process (50 times, fewer for a slow one) and its statements'
 * planning + execution time in PostgreSQL (30 after 3 warm-ups; fewer past ~20 s).
 */
async function timeInDb(db: Db, traced: ReturnType<typeof openTracedDb>, c: Case): Promise<{ direct: Stats; inDb: Stats }> {
  const t0 = performance.now();
  await directCall(db, c, 0);
  const once = performance.now() - t0;
  const direct = await timeSequential((i) => directCall(db, c, i), once > 500 ? 3 : 50, once > 500 ? 0 : 5);
  const statements = await traced.capture((tdb) => directCall(tdb, c, 0));
  const inDbTimes: number[] = [];
  const start = performance.now();
  for (let i = 0; i < 33 && (i < 6 || performance.now() - start < 20_000); i++) inDbTimes.push(await traced.serverMs(statements));
  const inDb = summarize(inDbTimes.slice(Math.min(3, inDbTimes.length - 3)), 1);
  console.log(`[bench] ${c.name}: direct p50 ${ms(direct.p50)}, in PostgreSQL p50 ${ms(inDb.p50)} (${inDb.n} runs)`);
  return { direct, inDb };
}

type BenchToken = { key: string; revoke: () => Promise<void> };

/**
 * The admin's API token the requests send: BENCH_TOKEN, or a new one for this run. An admin
 * the database does not have yet is created as the app would (ADMIN_PASSWORD if set, else a
 * random password nobody is told: the benchmark only needs the token).
 */
async function benchToken(db: Db, url: string): Promise<BenchToken> {
  if (process.env.BENCH_TOKEN) return { key: process.env.BENCH_TOKEN, revoke: async () => {} };
  const config = readConfig({
    ...process.env,
    DATABASE_URL: url,
    DATA_DIR: BENCH_DATA_DIR,
    DEMO_DATA: "0",
    ADMIN_PASSWORD: process.env.ADMIN_PASSWORD || crypto.randomBytes(18).toString("base64url"),
  });
  const adminId = await ensureAdminUser(db, config);
  const token = await createToken(db, adminId, { name: "npm run bench:api", expiresInDays: 1 });
  return { key: token.key, revoke: async () => void (await db.delete(apiTokens).where(eq(apiTokens.id, token.id))) };
}

function httpGet(agent: http.Agent, target: string, headers: Record<string, string>, status = 200): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get(target, { agent, headers }, (res) => {
      res.on("data", () => {});
      res.on("end", () => (res.statusCode === status ? resolve() : reject(new Error(`${res.statusCode} ${target}`))));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

async function createDatabaseIfMissing(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  u.pathname = "/postgres";
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${name}`;
    if (!rows.length) {
      await admin.unsafe(`create database ${name}`);
      console.log(`[bench] created database ${name}`);
    }
  } finally {
    await admin.end();
  }
}

async function fill(db: Db, want: number): Promise<void> {
  const [{ n } = { n: 0 }] = rowsOf<{ n: string | number }>(await db.execute(sql`select count(*) as n from jobs`));
  const have = Number(n);
  if (have < want) {
    console.log(`[bench] ${have.toLocaleString("en")} jobs, seeding ${(want - have).toLocaleString("en")} more ...`);
    const t = Date.now();
    const now = nowSeconds();
    await seedCatalog(db, { projectsRoot: path.join(BENCH_DATA_DIR, "projects"), now });
    await seedJobs(db, {
      count: want - have,
      from: now - 730 * 86400,
      to: now,
      onProgress: (done, total) => console.log(`[bench]   ${done.toLocaleString("en")} / ${total.toLocaleString("en")}`),
    });
    console.log(`[bench] seeded in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  } else console.log(`[bench] ${have.toLocaleString("en")} jobs present`);
  // index-only scans need an up-to-date visibility map
  await db.execute(sql`VACUUM ANALYZE jobs, job_counts`);
  // the kept counts of migration 0026, when the code measured has them
  const [kept] = rowsOf<{ t: string | null }>(await db.execute(sql`select to_regclass('job_buckets')::text as t`));
  if (kept?.t) await db.execute(sql`VACUUM ANALYZE job_buckets, job_user_counts`);
}

/** X values from the data: the most used template, inventory, credential and schedule (largest pages to count). */
async function pickCases(db: Db): Promise<Case[]> {
  const top = async (col: string) => {
    const [r] = rowsOf<{ id: number }>(
      await db.execute(sql.raw(`select ${col} as id from job_counts where ${col} > 0 group by 1 order by sum(n) desc, 1 limit 1`)),
    );
    if (!r) throw new Error(`no job has a ${col}`);
    return r.id;
  };
  const [t, i, c, s] = [await top("template_id"), await top("inventory_id"), await top("credential_id"), await top("schedule_id")];
  const ids = rowsOf<{ id: number }>(
    await db.execute(sql`
    select id from (select id, row_number() over (order by id) r, count(*) over () n from jobs) x
    where r % greatest(n / 100, 1) = 0 limit 100`),
  ).map((r) => r.id);
  const L = "/api/job/job/";
  const [user] = rowsOf<{ id: number }>(await db.execute(sql`select cuser_id as id from jobs group by 1 order by count(*) desc, 1 limit 1`));
  const [rerun] = rowsOf<{ id: number }>(
    await db.execute(sql`select job_id as id from jobs where job_id is not null group by 1 order by count(*) desc, 1 limit 1`),
  );
  const hostsTable = rowsOf<{ t: string | null }>(await db.execute(sql`select to_regclass('hosts')::text as t`))[0]?.t;
  const [host] = hostsTable ? rowsOf<{ name: string }>(await db.execute(sql`select name from hosts order by jobs desc, name limit 1`)) : [];
  // times relative to the newest job, whole minutes as the history sends them
  const [newest] = rowsOf<{ t: string | number }>(await db.execute(sql`select max(start_time) as t from jobs`));
  const now = Number(newest?.t ?? 0) - (Number(newest?.t ?? 0) % 60);
  const day = 86_400;
  const u = user?.id ?? 1;
  const filters: Case[] = [
    { name: `cuser=${u}`, path: `${L}?cuser=${u}`, target: null, sqlTarget: 50 },
    { name: `cuser=${u}&state=failed`, path: `${L}?cuser=${u}&state=failed`, target: null, sqlTarget: 50 },
    { name: "start_time last 7 days", path: `${L}?start_time__gte=${now - 7 * day}`, target: null, sqlTarget: 50 },
    { name: "start_time last 30 days", path: `${L}?start_time__gte=${now - 30 * day}`, target: null, sqlTarget: 50 },
    {
      name: "start_time range of 300 days",
      path: `${L}?start_time__gte=${now - 365 * day + 754}&start_time__lte=${now - 65 * day + 3001}`,
      target: null,
      sqlTarget: 50,
    },
    { name: "start_time last 30 days&state=failed", path: `${L}?start_time__gte=${now - 30 * day}&state=failed`, target: null, sqlTarget: 50 },
    { name: `start_time last 30 days&template=${t}`, path: `${L}?start_time__gte=${now - 30 * day}&template=${t}`, target: null, sqlTarget: 50 },
    { name: "ctime range of 90 days", path: `${L}?ctime__gte=${now - 120 * day + 17}&ctime__lte=${now - 30 * day - 17}`, target: null, sqlTarget: 50 },
    { name: "finish_time__lte (a year ago)", path: `${L}?finish_time__lte=${now - 365 * day}`, target: null, sqlTarget: 50 },
    ...(rerun ? [{ name: `job=${rerun.id}`, path: `${L}?job=${rerun.id}`, target: null, sqlTarget: 50 }] : []),
    ...(host
      ? [
          { name: "host=<busiest host>", path: `${L}?host=${encodeURIComponent(host.name)}`, target: null, sqlTarget: 50 },
          { name: "host=<busiest host>&offset=1000", path: `${L}?host=${encodeURIComponent(host.name)}&offset=1000`, target: null, sqlTarget: 80 },
        ]
      : []),
    { name: "state=successful&offset=500000", path: `${L}?state=successful&offset=500000`, target: null, sqlTarget: 80 },
    { name: "kind=job&offset=500000", path: `${L}?kind=job&offset=500000`, target: null, sqlTarget: 80 },
    { name: "ordering=-start_time&offset=500000", path: `${L}?ordering=-start_time&offset=500000`, target: null, sqlTarget: 80 },
    { name: "ordering=start_time&offset=500000", path: `${L}?ordering=start_time&offset=500000`, target: null, sqlTarget: 80 },
    { name: "ordering=-ctime&state=failed&offset=100000", path: `${L}?ordering=-ctime&state=failed&offset=100000`, target: null, sqlTarget: 80 },
    { name: `ordering=-start_time&template=${t}&offset=20000`, path: `${L}?ordering=-start_time&template=${t}&offset=20000`, target: null, sqlTarget: 80 },
    { name: "search=<a word no job has>", path: `${L}?search=zqxj-nothing`, target: null, sqlTarget: 50 },
    { name: "search=nginx", path: `${L}?search=nginx`, target: null, sqlTarget: 50 },
  ];
  return [
    { name: "default page", path: L, target: 10 },
    { name: "page 2 (offset=20)", path: `${L}?offset=20`, target: 10 },
    { name: `template=${t}`, path: `${L}?template=${t}`, target: 10 },
    { name: `inventory=${i}`, path: `${L}?inventory=${i}`, target: 10 },
    { name: `credential=${c}`, path: `${L}?credential=${c}`, target: 10 },
    { name: "state=failed", path: `${L}?state=failed`, target: 10 },
    { name: "kind=job", path: `${L}?kind=job`, target: 10 },
    { name: `schedule=${s}`, path: `${L}?schedule=${s}`, target: 10 },
    { name: `template=${t}&state=failed`, path: `${L}?template=${t}&state=failed`, target: 10 },
    { name: "kind=adhoc", path: `${L}?kind=adhoc`, target: 10 },
    { name: "ordering=-start_time", path: `${L}?ordering=-start_time`, target: 15 },
    { name: "offset=500000", path: `${L}?offset=500000`, target: 80 },
    { name: `detail (${ids.length} ids in turn)`, path: `${L}<id>/`, target: 3, detailIds: ids },
    // the framework's floor: routing, the route wrapper and its user look-up, a JSON 404
    { name: "reference: unknown path → 404", path: "/api/job/no-such-thing/", target: null, status: 404 },
    ...filters,
  ];
}

async function directCall(db: Db, c: Case, i: number): Promise<unknown> {
  if (c.status === 404) return;
  if (c.detailIds) return getJob(db, c.detailIds[i % c.detailIds.length]!);
  const u = new URL(c.path, "http://127.0.0.1");
  return listJobs(db, readListQuery(u, JOB_LIST));
}

const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} ms` : "-");

/** what serves the app in this run */
function serving(processes: number | "default" | undefined): string {
  if (processes === undefined) return "one bare `next start`";
  const n = processes === "default" ? os.availableParallelism() : processes;
  return `the launcher with ${n} web process${n === 1 ? "" : "es"}`;
}

async function printReport(db: Db, results: Result[], o: { concurrency: number; durationMs: number; processes: number | "default" | undefined }) {
  const [v] = rowsOf<{ v: string; n: string | number }>(await db.execute(sql`select version() as v, (select count(*) from jobs) as n`));
  if (!v) throw new Error("select version() returned no row");
  const cpu = os.cpus();
  console.log(`\n### ${new Date().toISOString().slice(0, 10)} — ${Number(v.n).toLocaleString("en")} jobs\n`);
  console.log(
    `${cpu[0]?.model ?? "cpu"} × ${cpu.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version};` +
      ` ${v.v.split(" on ")[0]}; ` +
      (args["sql-only"]
        ? "SQL only (no HTTP load)"
        : `${serving(o.processes)}; ${o.concurrency} concurrent keep-alive loops, ${o.durationMs / 1000} s per case after a warm-up; Accept-Encoding: ${args.identity ? "identity" : "gzip, deflate"}`) +
      `; 1-min load average before: ${loadBefore}, after: ${os.loadavg()[0]!.toFixed(2)}\n`,
  );
  if (args["sql-only"]) {
    console.log("| case | direct call p50 | SQL in PostgreSQL p50 | SQL p95 | target (SQL) | |");
    console.log("|---|---:|---:|---:|---:|---|");
    for (const { c, direct, inDb } of results) {
      const target = c.sqlTarget ?? null;
      const verdict = target === null ? "" : inDb.p50 <= target ? "ok" : "**miss**";
      console.log(`| ${c.name} | ${ms(direct.p50)} | ${ms(inDb.p50)} | ${ms(inDb.p95)} | ${target === null ? "-" : `≤ ${target} ms`} | ${verdict} |`);
    }
    return;
  }
  console.log("| case | HTTP p50 | HTTP p95 | req/s | app CPU/req | PostgreSQL CPU/req | direct call p50 | SQL in PostgreSQL p50 | target | |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const { c, http, direct, inDb, appCpu, pgCpu } of results) {
    if (!http) continue;
    const [target, measured] = c.sqlTarget !== undefined ? [c.sqlTarget, inDb.p50] : [c.target, http.p50];
    const ok = http.errors === 0 && (target === null || measured <= target);
    const verdict = target === null ? "" : ok ? "ok" : "**miss**";
    const dbCols = c.status === 404 ? "- | -" : `${ms(direct.p50)} | ${ms(inDb.p50)}`;
    const targetCol = target === null ? "-" : `≤ ${target} ms${c.sqlTarget !== undefined ? " (SQL)" : ""}`;
    console.log(
      `| ${c.name} | ${ms(http.p50)} | ${ms(http.p95)} | ${http.rps.toFixed(0)} | ${ms(appCpu)} | ${ms(pgCpu)} | ${dbCols} |` +
        ` ${targetCol} | ${verdict}${http.errors ? ` (${http.errors} errors)` : ""} |`,
    );
  }
  console.log(
    "\napp/PostgreSQL CPU per request: CPU time of the server's processes (launcher and web processes) / of this database's backends during the load," +
      " divided by the requests. direct call: the domain function called in this process (driver and ORM included), sequentially." +
      " SQL in PostgreSQL: planning + execution time of the same statements under EXPLAIN ANALYZE.",
  );
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error("[bench] failed:", e);
    process.exit(1);
  },
);
