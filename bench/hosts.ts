/**
 * Host queries at a realistic size: 1M jobs (the demo generator's mix) and 4 per-host
 * results per job over 2,000 hosts (4M rows), on PostgreSQL. Prints p50/p95 of each
 * query as the API runs it (the same functions, one at a time, after a warm-up).
 *
 *   npm run bench:hosts [-- --jobs 1000000 --per-job 4 --hosts 2000]
 */
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { openDatabase, rowsOf, type Db } from "@/db/client";
import { nowSeconds } from "@/lib/time";
import { seedCatalog } from "@/server/demo/seed-catalog";
import { seedJobs } from "@/server/demo/seed-jobs";
import { readListQuery } from "@/server/drf/list-query";
import { readPage } from "@/server/drf/pagination";
import { listHostResults } from "@/server/hosts/list-host-results";
import { listHosts } from "@/server/hosts/list-hosts";
import { JOB_LIST } from "@/server/jobs/job-list-spec";
import { listJobs } from "@/server/jobs/list-jobs";
import { timeSequential } from "./load";

const { values: args } = parseArgs({
  options: {
    jobs: { type: "string", default: "1000000" },
    "per-job": { type: "string", default: "4" },
    hosts: { type: "string", default: "2000" },
  },
});

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

const count = async (db: Db, table: string) => Number(rowsOf<{ n: string }>(await db.execute(sql.raw(`select count(*) as n from ${table}`)))[0]!.n);

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
    await db.execute(sql`truncate job_host_summaries, hosts`);
    // one trigger call per row would take hours at this size: seed, then build the roll-up in one statement
    await db.execute(sql`alter table job_host_summaries disable trigger job_host_summaries_keep_hosts`);
    await db.execute(sql`
      insert into job_host_summaries (job_id, host, ok, changed, failures, unreachable, skipped, first_failed_task, seen_at)
      select j.id, 'host-' || lpad(((j.id * 7 + k * 613) % ${hostCount})::text, 5, '0'),
        5, (j.id % 3 = 0)::int, (j.state = 'failed' and k = 1)::int, (j.state = 'error' and k = 1)::int, 1,
        case when j.state = 'failed' and k = 1 then 'restart service' else '' end,
        coalesce(j.finish_time, j.ctime)
      from jobs j cross join generate_series(1, ${perJob}) k
      on conflict do nothing`);
    await db.execute(sql`
      insert into hosts (name, jobs, last_job_id, last_status, last_seen)
      select distinct on (host) host, count(*) over (partition by host), job_id, status, seen_at
      from job_host_summaries order by host, job_id desc`);
    await db.execute(sql`alter table job_host_summaries enable trigger job_host_summaries_keep_hosts`);
    console.log(`[bench]   in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
  await db.execute(sql`vacuum analyze jobs, job_host_summaries, hosts`);
}

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/zuoye_bench_hosts";
  if (!["127.0.0.1", "localhost"].includes(new URL(url).hostname)) throw new Error("the benchmark only talks to 127.0.0.1");
  await createDatabaseIfMissing(url);
  const database = await openDatabase({ databaseUrl: url, pgliteDir: "", poolSize: 2 });
  const { db } = database;
  try {
    await fill(db, Number(args.jobs), Number(args["per-job"]), Number(args.hosts));
    const [busiest] = rowsOf<{ name: string; id: number; jobs: number }>(
      await db.execute(sql`select name, id, jobs from hosts order by jobs desc, name limit 1`),
    );
    if (!busiest) throw new Error("no hosts");
    const h = encodeURIComponent(busiest.name);
    const jobList = (q: string) => () => listJobs(db, readListQuery(new URL(`http://x/api/job/job/?${q}`), JOB_LIST));
    const cases: [string, () => Promise<unknown>][] = [
      [`jobs ?host= (${busiest.jobs.toLocaleString("en")} jobs), first page`, jobList(`host=${h}`)],
      ["jobs ?host= &offset=1000", jobList(`host=${h}&offset=1000`)],
      ["jobs ?host= &state=failed", jobList(`host=${h}&state=failed`)],
      ["jobs ?host= &ordering=-start_time", jobList(`host=${h}&ordering=-start_time`)],
      ["jobs ?search=<a host name>", jobList(`search=${h}`)],
      ["hosts, newest first", () => listHosts(db, new URL("http://x/api/job/host/?ordering=-last_seen"))],
      ["hosts ?last_status=failed", () => listHosts(db, new URL("http://x/api/job/host/?last_status=failed"))],
      ["hosts ?search=host-01", () => listHosts(db, new URL("http://x/api/job/host/?search=host-01"))],
      ["a host's timeline, first page", () => listHostResults(db, busiest.id, readPage(new URL("http://x/?limit=20")))],
      ["a host's timeline, offset 1000", () => listHostResults(db, busiest.id, readPage(new URL("http://x/?limit=20&offset=1000")))],
    ];
    const [{ v } = { v: "" }] = rowsOf<{ v: string }>(await db.execute(sql`select version() as v`));
    console.log(
      `[bench] ${(await count(db, "jobs")).toLocaleString("en")} jobs, ${(await count(db, "job_host_summaries")).toLocaleString("en")} per-host results, ` +
        `${(await count(db, "hosts")).toLocaleString("en")} hosts; ${v.split(" on ")[0]}; load ${os.loadavg()[0]!.toFixed(2)}`,
    );
    console.log("| query | p50 | p95 |\n|---|---|---|");
    for (const [name, run] of cases) {
      const s = await timeSequential(run, 50);
      console.log(`| ${name} | ${s.p50.toFixed(2)} ms | ${s.p95.toFixed(2)} ms |`);
    }
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
