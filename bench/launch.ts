/**
 * `npm run bench:launch`: the path of one launch, from the committed job row to a worker's
 * claim, without Ansible (a claimed job is marked finished at once).
 *   - drain: 1,000 jobs launched in one transaction, claimed by 2 workers of capacity 4
 *     (PostgreSQL; one embedded executor on PGlite): time from the commit until all are claimed, and how
 *     many claims were duplicates dropped by the conditional claim
 *   - launch → claimed: one job at a time with idle workers (median and p95 of 30)
 * for each way of queueing a launch:
 *   - outbox: the row is inserted `new`; a dispatcher (NOTIFY + 1 s poll) moves it into
 *     pg-boss; slots fetch the message and claim with a conditional UPDATE
 *   - pg-boss send in the launch transaction: the row and its message in one
 *     transaction; slots fetch and claim as above
 *   - jobs table: the row is the queue entry; one claim `UPDATE … FOR UPDATE SKIP LOCKED`
 *     per job, woken by the NOTIFY, 1 s poll
 * Workers are in this process, each with its own connection pool. Uses a fresh PostgreSQL
 * database (BENCH_LAUNCH_DATABASE_URL, default zuoye_bench_launch on 127.0.0.1, dropped
 * at the end) and a fresh PGlite directory.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import type PgBoss from "pg-boss";
import { openDatabase, rowsOf, type Database } from "@/db/client";
import { claimJob } from "@/executor/claim-job";
import { claimNextJob } from "@/executor/claim-next-job";
import { consumeQueue } from "@/executor/consume-queue";
import { dispatchNewJobs } from "@/executor/dispatch-new-jobs";
import { RUN_JOB_QUEUE, startQueue } from "@/executor/queue";
import { takeJobs } from "@/executor/take-jobs";
import { acquireWorkerLease, releaseWorkerLease } from "@/executor/worker-lease";
import { percentile } from "./load";

const BASE = process.env.BENCH_LAUNCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/zuoye_bench_launch";
const DRAIN = 1000;
const SAMPLES = 30;
const CAPACITY = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

type Strategy = "outbox" | "send-in-tx" | "jobs-table";
const STRATEGIES: Record<Strategy, string> = {
  outbox: "outbox column → pg-boss → conditional claim (before)",
  "send-in-tx": "pg-boss send in the launch transaction → conditional claim",
  "jobs-table": "jobs table, FOR UPDATE SKIP LOCKED (now)",
};

/** Who claimed what, when: shared by the workers of one run. */
class Claims {
  at = new Map<number, number>();
  duplicates = 0;
  waiters: { ids: Set<number>; resolve: () => void }[] = [];
  record(id: number) {
    if (this.at.has(id)) this.duplicates++;
    else this.at.set(id, performance.now());
    for (const w of this.waiters) if ([...w.ids].every((i) => this.at.has(i))) w.resolve();
  }
  until(ids: number[]): Promise<void> {
    const set = new Set(ids);
    if (ids.every((i) => this.at.has(i))) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ ids: set, resolve }));
  }
}

type Worker = { stop: () => Promise<void> };

const finish = (database: Database, id: number) =>
  database.db.execute(sql`update jobs set state = 'successful', finish_time = 0 where id = ${id}`);

async function startWorker(strategy: Strategy, database: Database, workerId: string, claims: Claims): Promise<Worker> {
  if (strategy === "jobs-table") {
    const lease = await acquireWorkerLease(database.db, { workerId, capacity: CAPACITY, sandbox: "off" }, { waitMs: 0 });
    const intake = takeJobs({
      capacity: CAPACITY,
      pollMs: 1000,
      claim: (recover) => claimNextJob(database.db, lease, recover),
      run: async (job) => {
        claims.record(job.id);
        await finish(database, job.id);
      },
      giveBack: async () => {},
    });
    const unlisten = await database.listen("zuoye_new_job", intake.wake);
    return {
      stop: async () => {
        await unlisten();
        await intake.stop();
        await releaseWorkerLease(database.db, lease);
      },
    };
  }
  const boss = await startQueue(database);
  const consumer = consumeQueue(boss, {
    slots: CAPACITY,
    pollMs: 500,
    run: async (jobId) => {
      const job = await claimJob(database.db, jobId, workerId);
      if (!job) return void claims.duplicates++;
      claims.record(jobId);
      await finish(database, jobId);
    },
    release: async () => {},
  });
  let unlisten = async () => {};
  let stopDispatch = () => {};
  if (strategy === "outbox") {
    let busy = false;
    const dispatch = async () => {
      if (busy) return;
      busy = true;
      try {
        if ((await dispatchNewJobs(database.db, boss)).length) consumer.wake();
      } finally {
        busy = false;
      }
    };
    unlisten = await database.listen("zuoye_new_job", () => void dispatch());
    const timer = setInterval(() => void dispatch(), 1000);
    stopDispatch = () => clearInterval(timer);
  } else {
    unlisten = await database.listen("zuoye_new_job", consumer.wake);
  }
  return {
    stop: async () => {
      stopDispatch();
      await unlisten();
      consumer.stop();
      await sleep(600);
      await boss.stop({ graceful: false, close: true, wait: true });
    },
  };
}

/** Launches `n` jobs in one transaction (with their pg-boss messages for send-in-tx); their ids. */
async function launch(strategy: Strategy, database: Database, boss: PgBoss | undefined, n: number): Promise<number[]> {
  const insert = `insert into jobs (cuser_id, ctime, state) select 1, 0, 'new' from generate_series(1, ${n}) returning id`;
  if (strategy !== "send-in-tx") return rowsOf<{ id: number }>(await database.db.execute(sql.raw(insert))).map((r) => Number(r.id));
  const send = async (ids: number[], db: PgBoss.Db) => {
    // one send per launch, as a launch would (pg-boss's batch insert double-encodes its JSON on postgres.js)
    for (const id of ids) await boss!.send(RUN_JOB_QUEUE, { jobId: id }, { db, retryLimit: 0, expireInHours: 23 });
    return ids;
  };
  if (database.pglite) {
    return database.pglite.transaction(async (tx) => {
      const ids = (await tx.query<{ id: number }>(insert)).rows.map((r) => Number(r.id));
      return send(ids, { executeSql: (text, values) => tx.query(text, values) as Promise<{ rows: unknown[] }> });
    });
  }
  const client = postgres(database.url!, { max: 1, onnotice: () => {} });
  try {
    return await client.begin(async (tx) => {
      const ids = (await tx.unsafe<{ id: number }[]>(insert)).map((r) => Number(r.id));
      return send(ids, { executeSql: async (text, values) => ({ rows: await tx.unsafe(text, (values ?? []).map((v) => v ?? null) as never[]) }) });
    });
  } finally {
    await client.end({ timeout: 5 });
  }
}

type Result = { drainMs: number; duplicates: number; p50: number; p95: number };

async function measure(strategy: Strategy, databases: Database[]): Promise<Result> {
  const [main] = databases;
  await main.db.execute(sql`delete from jobs`);
  const claims = new Claims();
  const workers = await Promise.all(databases.map((d, i) => startWorker(strategy, d, `bench-${strategy}-${i}`, claims)));
  // send-in-tx launches through a pg-boss of its own, as the web process would
  const boss = strategy === "send-in-tx" ? await startQueue(main) : undefined;
  try {
    await sleep(1500);
    const ids = await launch(strategy, main, boss, DRAIN);
    const t0 = performance.now();
    await claims.until(ids);
    const drainMs = Math.max(...ids.map((i) => claims.at.get(i)!)) - t0;
    const latencies: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      await sleep(200 + Math.random() * 300);
      const t = performance.now();
      const [id] = await launch(strategy, main, boss, 1);
      await claims.until([id]);
      latencies.push(claims.at.get(id)! - t);
    }
    latencies.sort((a, b) => a - b);
    return { drainMs, duplicates: claims.duplicates, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
  } finally {
    for (const w of workers) await w.stop();
    await boss?.stop({ graceful: false, close: true, wait: true });
  }
}

async function recreateDatabase(create: boolean): Promise<void> {
  const u = new URL(BASE);
  const admin = postgres({ host: u.hostname, port: Number(u.port || 5432), username: decodeURIComponent(u.username || "postgres"), database: "postgres", max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${u.pathname.slice(1)} with (force)`);
  if (create) await admin.unsafe(`create database ${u.pathname.slice(1)}`);
  await admin.end();
}

async function main() {
  const loadBefore = os.loadavg()[0].toFixed(2);
  const only = process.argv.slice(2).filter((a) => a in STRATEGIES) as Strategy[];
  const strategies = only.length ? only : (Object.keys(STRATEGIES) as Strategy[]);
  const rows: string[] = [];
  const add = (where: string, workers: string, s: Strategy, r: Result) =>
    rows.push(`| ${where} | ${STRATEGIES[s]} | ${workers} | ${fmt(r.drainMs)} (${Math.round(DRAIN / (r.drainMs / 1000))} jobs/s) | ${r.duplicates} | ${fmt(r.p50)} | ${fmt(r.p95)} |`);

  await recreateDatabase(true);
  const pg = await Promise.all([0, 1].map(() => openDatabase({ databaseUrl: BASE, pgliteDir: "", poolSize: CAPACITY + 2 })));
  try {
    for (const s of strategies) {
      console.log(`[bench] PostgreSQL, ${s} ...`);
      add("PostgreSQL", `2 × ${CAPACITY}`, s, await measure(s, pg));
    }
  } finally {
    for (const d of pg) await d.close();
    await recreateDatabase(false);
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zuoye-bench-launch-"));
  const lite = await openDatabase({ pgliteDir: path.join(dir, "pglite") });
  try {
    for (const s of strategies) {
      console.log(`[bench] PGlite, ${s} ...`);
      add("PGlite", `1 × ${CAPACITY}`, s, await measure(s, [lite]));
    }
  } finally {
    await lite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  console.log(`\nLaunch path — ${os.cpus().length} cores, load average ${loadBefore} before, ${new Date().toISOString().slice(0, 10)}\n`);
  console.log(`| database | launch path | workers × capacity | claim ${DRAIN.toLocaleString("en")} queued jobs | duplicate messages | launch → claimed p50 | p95 |`);
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows) console.log(r);
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
