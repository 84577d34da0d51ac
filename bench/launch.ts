/**
 * `npm run bench:launch`: the path of one launch, from the committed job row to a worker's
 * claim, without Ansible (a claimed job is marked finished at once).
 *   - drain: 1,000 jobs launched in one transaction, claimed by 2 workers of capacity 4
 *     (PostgreSQL; the one embedded executor on PGlite): time from the commit until all
 *     are claimed, and how many jobs were claimed twice (must be 0)
 *   - launch → claimed: one job at a time with idle workers (median and p95 of 30)
 * The queue is the jobs table: one claim `UPDATE … FOR UPDATE SKIP LOCKED` per job, woken
 * by the launch's NOTIFY, 1 s poll (executor/claim-next-job.ts, executor/take-jobs.ts).
 * The same figures for the pg-boss paths this replaced (an outbox column feeding pg-boss;
 * pg-boss `send` in the launch transaction) come from this file at commit 4b6a1a0
 * (`git show 4b6a1a0:bench/launch.ts`), run with pg-boss installed.
 * Workers are in this process, each with its own connection pool. Uses a fresh PostgreSQL
 * database (BENCH_LAUNCH_DATABASE_URL, default zuoye_bench_launch on 127.0.0.1, dropped
 * at the end) and a fresh PGlite directory.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, rowsOf, type Database } from "@/db/client";
import { claimNextJob } from "@/executor/claim-next-job";
import { takeJobs } from "@/executor/take-jobs";
import { acquireWorkerLease, releaseWorkerLease } from "@/executor/worker-lease";
import { percentile } from "./load";

const BASE = process.env.BENCH_LAUNCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/zuoye_bench_launch";
const DRAIN = 1000;
const SAMPLES = 30;
const CAPACITY = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/** Who claimed what, when: shared by the workers of one run. */
class Claims {
  at = new Map<number, number>();
  duplicates = 0;
  waiters: { ids: number[]; resolve: () => void }[] = [];
  record(id: number) {
    if (this.at.has(id)) this.duplicates++;
    else this.at.set(id, performance.now());
    for (const w of this.waiters) if (w.ids.every((i) => this.at.has(i))) w.resolve();
  }
  until(ids: number[]): Promise<void> {
    if (ids.every((i) => this.at.has(i))) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ ids, resolve }));
  }
}

/** An executor's intake as `startExecutor` wires it, running nothing: a claimed job is marked finished. */
async function startWorker(database: Database, workerId: string, claims: Claims): Promise<() => Promise<void>> {
  const lease = await acquireWorkerLease(database.db, { workerId, capacity: CAPACITY, sandbox: "off" }, { waitMs: 0 });
  const intake = takeJobs({
    capacity: CAPACITY,
    pollMs: 1000,
    claim: (recover) => claimNextJob(database.db, lease, recover),
    run: async (job) => {
      claims.record(job.id);
      await database.db.execute(sql`update jobs set state = 'successful', finish_time = 0 where id = ${job.id}`);
    },
    giveBack: async () => {},
  });
  const unlisten = await database.listen("zuoye_new_job", intake.wake);
  return async () => {
    await unlisten();
    await intake.stop();
    await releaseWorkerLease(database.db, lease);
  };
}

/** Launches `n` jobs in one transaction (one statement); their ids. */
async function launch(database: Database, n: number): Promise<number[]> {
  const rows = await database.db.execute(sql`insert into jobs (cuser_id, ctime, state) select 1, 0, 'new' from generate_series(1, ${n}::int) returning id`);
  return rowsOf<{ id: number }>(rows).map((r) => Number(r.id));
}

type Result = { drainMs: number; duplicates: number; p50: number; p95: number };

async function measure(databases: Database[]): Promise<Result> {
  const [main] = databases;
  if (!main) throw new Error("no database to measure");
  await main.db.execute(sql`delete from jobs`);
  const claims = new Claims();
  const workers = await Promise.all(databases.map((d, i) => startWorker(d, `bench-launch-${i}`, claims)));
  try {
    await sleep(1500);
    const ids = await launch(main, DRAIN);
    const t0 = performance.now();
    await claims.until(ids);
    const drainMs = Math.max(...ids.map((i) => claims.at.get(i)!)) - t0;
    const latencies: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      await sleep(200 + Math.random() * 300);
      const t = performance.now();
      const [id] = await launch(main, 1);
      if (id === undefined) throw new Error("launch inserted no job");
      await claims.until([id]);
      latencies.push(claims.at.get(id)! - t);
    }
    await sleep(200);
    latencies.sort((a, b) => a - b);
    return { drainMs, duplicates: claims.duplicates, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
  } finally {
    for (const stop of workers) await stop();
  }
}

async function recreateDatabase(create: boolean): Promise<void> {
  const u = new URL(BASE);
  const admin = postgres({
    host: u.hostname,
    port: Number(u.port || 5432),
    username: decodeURIComponent(u.username || "postgres"),
    database: "postgres",
    max: 1,
    onnotice: () => {},
  });
  await admin.unsafe(`drop database if exists ${u.pathname.slice(1)} with (force)`);
  if (create) await admin.unsafe(`create database ${u.pathname.slice(1)}`);
  await admin.end();
}

async function main() {
  const loadBefore = os.loadavg()[0]!.toFixed(2);
  const rows: string[] = [];
  const add = (where: string, workers: string, r: Result) =>
    rows.push(
      `| ${where} | ${workers} | ${fmt(r.drainMs)} (${Math.round(DRAIN / (r.drainMs / 1000))} jobs/s) | ${r.duplicates} | ${fmt(r.p50)} | ${fmt(r.p95)} |`,
    );

  console.log("[bench] PostgreSQL ...");
  await recreateDatabase(true);
  const pg = await Promise.all([0, 1].map(() => openDatabase({ databaseUrl: BASE, pgliteDir: "", poolSize: CAPACITY + 2 })));
  try {
    add("PostgreSQL", `2 × ${CAPACITY}`, await measure(pg));
  } finally {
    for (const d of pg) await d.close();
    await recreateDatabase(false);
  }

  console.log("[bench] PGlite ...");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zuoye-bench-launch-"));
  const lite = await openDatabase({ pgliteDir: path.join(dir, "pglite") });
  try {
    add("PGlite", `1 × ${CAPACITY}`, await measure([lite]));
  } finally {
    await lite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  console.log(
    `\nLaunch path (jobs table, FOR UPDATE SKIP LOCKED) — ${os.cpus().length} cores, load average ${loadBefore} before, ${new Date().toISOString().slice(0, 10)}\n`,
  );
  console.log(`| database | workers × capacity | claim ${DRAIN.toLocaleString("en")} queued jobs | claimed twice | launch → claimed p50 | p95 |`);
  console.log("|---|---|---|---|---|---|");
  for (const r of rows) console.log(r);
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
