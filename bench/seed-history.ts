/**
 * The benchmarks' history: 1M jobs from the demo generator over two years and per-host
 * results for each, on a PostgreSQL database of their own (kept between runs: filled once).
 */
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { openDatabase, rowsOf, type Database, type Db } from "@/db/client";
import { nowSeconds } from "@/lib/time";
import { seedCatalog } from "@/server/demo/seed-catalog";
import { seedJobs } from "@/server/demo/seed-jobs";

export const BENCH_HISTORY_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/zuoye_bench_hosts";

async function createDatabaseIfMissing(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  u.pathname = "/postgres";
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  try {
    if (!(await admin`select 1 from pg_database where datname = ${name}`).length) await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
}

export const count = async (db: Db, table: string) => Number(rowsOf<{ n: string }>(await db.execute(sql.raw(`select count(*) as n from ${table}`)))[0]!.n);

/** Jobs from the demo generator; then `perJob` results per job over `hostCount` hosts, their roll-up rebuilt as the migration does. */
async function fill(db: Db, jobs: number, perJob: number, hostCount: number) {
  const have = await count(db, "jobs");
  if (have < jobs) {
    const now = nowSeconds();
    console.log(`[bench] seeding ${(jobs - have).toLocaleString("en")} jobs ...`);
    await seedCatalog(db, { projectsRoot: path.join(os.tmpdir(), "zuoye-bench-hosts", "projects"), now });
    await seedJobs(db, { count: jobs - have, from: now - 730 * 86400, to: now });
  }
  const results = await count(db, "job_host_summaries");
  if (results < jobs * perJob) {
    console.log(`[bench] seeding ${(jobs * perJob).toLocaleString("en")} per-host results ...`);
    const t = Date.now();
    await db.execute(sql`truncate job_host_summaries, hosts, host_failures_daily`);
    // one trigger call per row would take hours at this size: seed, then build the roll-up in one statement
    await db.execute(sql`alter table job_host_summaries disable trigger job_host_summaries_keep_hosts`);
    await db.execute(sql`alter table job_host_summaries disable trigger job_host_summaries_keep_failures`);
    await db.execute(sql`alter table job_host_summaries disable trigger job_host_summaries_take_job_dimensions`);
    await db.execute(sql`
      insert into job_host_summaries (job_id, host, ok, changed, failures, unreachable, skipped, first_failed_task, seen_at, template_id, inventory_id, project_id)
      select j.id, 'host-' || lpad(((j.id * 7 + k * 613) % ${hostCount})::text, 5, '0'),
        5, (j.id % 3 = 0)::int, (j.state = 'failed' and k = 1)::int, (j.state = 'error' and k = 1)::int, 1,
        case when j.state = 'failed' and k = 1 then 'restart service' else '' end,
        coalesce(j.finish_time, j.ctime), coalesce(j.template_id, 0), coalesce(j.inventory_id, 0), coalesce(j.project_id, 0)
      from jobs j cross join generate_series(1, ${perJob}) k
      on conflict do nothing`);
    await db.execute(sql`
      insert into hosts (name, jobs, last_job_id, last_status, last_seen)
      select distinct on (host) host, count(*) over (partition by host), job_id, status, seen_at
      from job_host_summaries order by host, job_id desc`);
    await db.execute(sql`
      insert into host_failures_daily (day, host, status, template_id, inventory_id, project_id, n)
      select job_stats_day(seen_at), host, status, template_id, inventory_id, project_id, count(*) from job_host_summaries
      where status in ('failed', 'unreachable') group by 1, 2, 3, 4, 5, 6`);
    await db.execute(sql`alter table job_host_summaries enable trigger job_host_summaries_keep_hosts`);
    await db.execute(sql`alter table job_host_summaries enable trigger job_host_summaries_keep_failures`);
    await db.execute(sql`alter table job_host_summaries enable trigger job_host_summaries_take_job_dimensions`);
    console.log(`[bench]   in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
  await db.execute(sql`vacuum analyze jobs, job_host_summaries, hosts, job_stats_daily, job_durations_daily, host_failures_daily`);
}

/** The benchmark database, created and filled when it is not yet (only on 127.0.0.1). */
export async function openBenchHistory(opts: { jobs: number; perJob: number; hosts: number; url?: string }): Promise<Database> {
  const url = opts.url ?? BENCH_HISTORY_URL;
  if (!["127.0.0.1", "localhost"].includes(new URL(url).hostname)) throw new Error("the benchmark only talks to 127.0.0.1");
  await createDatabaseIfMissing(url);
  const database = await openDatabase({ databaseUrl: url, pgliteDir: "", poolSize: 2 });
  await fill(database.db, opts.jobs, opts.perJob, opts.hosts);
  return database;
}

/** `PostgreSQL 17.x` and the load average, for the figures' header. */
export async function describeMachine(db: Db): Promise<string> {
  const [{ v } = { v: "" }] = rowsOf<{ v: string }>(await db.execute(sql`select version() as v`));
  return `${v.split(" on ")[0]}; load ${os.loadavg()[0]!.toFixed(2)}`;
}
