/**
 * The retention cleanup at a realistic size: on a history of 1M jobs (bench:hosts's, 4
 * per-host results each), a cleanup deleting about half of them (every job older than the
 * median age, keeping each template's newest 20) while one loop reads job lists as the API
 * does (the filters served by kept counts and indexes; `search` counts with count(*) and
 * takes seconds at 1M whatever else runs, see "What misses its target"). Prints the lists' p50/p95 before and during the cleanup, the dry run's time, and
 * the cleanup's pace; checks that the kept counts still equal count(*) afterwards.
 *
 *   npm run bench:retention [-- --from zuoye_bench_hosts] [-- --keep] [-- --batch 1000 --pause 0]
 *
 * It works on a database of its own (BENCH_RETENTION_URL, default zuoye_bench_retention,
 * on 127.0.0.1), dropped at the end unless --keep: a copy of --from when that database
 * exists (CREATE DATABASE … TEMPLATE, seconds), else seeded here (minutes).
 */
import { parseArgs } from "node:util";
import os from "node:os";
import postgres from "postgres";
import { eq, sql } from "drizzle-orm";
import { openDatabase, rowsOf, type Db } from "@/db/client";
import { retentionSettings } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { dryRunRetention, runRetentionNow } from "@/core/retention/run-retention";
import { readListQuery } from "@/server/drf/list-query";
import { JOB_LIST } from "@/server/jobs/job-list-spec";
import { listJobs } from "@/server/jobs/list-jobs";
import { percentile, printTimings } from "./load";
import { count, describeMachine, openBenchHistory } from "./seed-history";

const { values: args } = parseArgs({
  options: {
    from: { type: "string", default: "zuoye_bench_hosts" },
    jobs: { type: "string", default: "1000000" },
    "per-job": { type: "string", default: "4" },
    hosts: { type: "string", default: "2000" },
    keep: { type: "boolean", default: false },
    batch: { type: "string", default: "1000" },
    pause: { type: "string", default: "0" },
  },
});

const URL_ = process.env.BENCH_RETENTION_URL ?? "postgres://postgres@127.0.0.1:5432/zuoye_bench_retention";

function onServer(url: string) {
  const u = new URL(url);
  if (!["127.0.0.1", "localhost"].includes(u.hostname)) throw new Error("the benchmark only talks to 127.0.0.1");
  const name = u.pathname.slice(1);
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  u.pathname = "/postgres";
  return { name, admin: postgres(u.toString(), { max: 1, onnotice: () => {} }) };
}

/** A fresh copy of `--from` when it exists; else the database is seeded by openBenchHistory. */
async function prepare(): Promise<void> {
  const { name, admin } = onServer(URL_);
  try {
    await admin.unsafe(`drop database if exists ${name}`);
    const from = args.from!;
    if (/^[A-Za-z0-9_]+$/.test(from) && (await admin`select 1 from pg_database where datname = ${from}`).length) {
      console.log(`[bench] copying ${from} ...`);
      await admin.unsafe(`create database ${name} template ${from}`);
    }
  } finally {
    await admin.end();
  }
}

async function dropCopy(): Promise<void> {
  const { name, admin } = onServer(URL_);
  try {
    await admin.unsafe(`drop database if exists ${name}`);
  } finally {
    await admin.end();
  }
}

/** Kept counts against count(*): a non-empty answer is a bug. */
async function rollupsDiffer(db: Db): Promise<string[]> {
  const q = (s: string) => db.execute(sql.raw(s)).then((r) => Number(rowsOf<{ n: string }>(r)[0]!.n));
  const jobs = await q("select count(*) as n from jobs");
  const wrong: string[] = [];
  if ((await q("select coalesce(sum(n), 0) as n from job_counts")) !== jobs) wrong.push("job_counts");
  if ((await q("select coalesce(sum(n), 0) as n from job_id_blocks")) !== jobs) wrong.push("job_id_blocks");
  const ended = await q("select count(*) as n from jobs where state in ('successful', 'failed', 'canceled', 'error')");
  if ((await q("select coalesce(sum(n), 0) as n from job_stats_daily")) !== ended) wrong.push("job_stats_daily");
  if ((await q("select coalesce(sum(jobs), 0) as n from hosts")) !== (await q("select count(*) as n from job_host_summaries"))) wrong.push("hosts");
  return wrong;
}

async function main() {
  await prepare();
  const seeded = await openBenchHistory({ url: URL_, jobs: Number(args.jobs), perJob: Number(args["per-job"]), hosts: Number(args.hosts) });
  await seeded.close();
  // two pools: the cleanup's and the lists', as two processes would have
  const cleaner = await openDatabase({ databaseUrl: URL_, pgliteDir: "", poolSize: 2 });
  const reader = await openDatabase({ databaseUrl: URL_, pgliteDir: "", poolSize: 2 });
  const db = reader.db;
  try {
    const [median] = rowsOf<{ t: string }>(await db.execute(sql`select percentile_disc(0.5) within group (order by ctime) as t from jobs`));
    const days = Math.ceil((nowSeconds() - Number(median!.t)) / 86_400);
    await cleaner.db.insert(retentionSettings).values({ id: 1 }).onConflictDoNothing();
    await cleaner.db.update(retentionSettings).set({ jobDays: days, keepPerTemplate: 20, outputDays: null }).where(eq(retentionSettings.id, 1));
    const [top] = rowsOf<{ template_id: number }>(await db.execute(sql`select template_id from jobs where template_id is not null order by id desc limit 1`));
    const list = (q: string) => () => listJobs(db, readListQuery(new URL(`http://x/api/job/job/?${q}`), JOB_LIST));
    const cases: [string, () => Promise<unknown>][] = [
      ["default page (-id)", list("")],
      ["?state=failed", list("state=failed")],
      ["?template=", list(`template=${top!.template_id}`)],
      ["?ordering=-start_time", list("ordering=-start_time")],
      ["?kind=adhoc", list("kind=adhoc")],
      ["?offset=100000", list("offset=100000")],
    ];
    console.log(
      `[bench] ${(await count(db, "jobs")).toLocaleString("en")} jobs; policy: older than ${days} days, newest 20 per template kept; ` +
        `batches of ${args.batch}, ${args.pause} ms apart; ${await describeMachine(db)}`,
    );

    let t = performance.now();
    const dry = await dryRunRetention(cleaner.db);
    console.log(`[bench] dry run: ${dry.jobs.toLocaleString("en")} jobs would go, in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
    await printTimings("list, before the cleanup", cases, 30);

    const during = new Map<string, number[]>(cases.map(([name]) => [name, []]));
    let done = false;
    t = performance.now();
    const cleanup = runRetentionNow(cleaner.db, { batch: Number(args.batch), pauseMs: Number(args.pause) }).finally(() => (done = true));
    const loads: number[] = [];
    for (let i = 0; !done; i++) {
      const [name, run] = cases[i % cases.length]!;
      const s = performance.now();
      await run();
      during.get(name)!.push(performance.now() - s);
      if (i % 200 === 0) loads.push(os.loadavg()[0]!);
    }
    const result = await cleanup;
    const seconds = (performance.now() - t) / 1000;
    console.log(`\n| list, during the cleanup | requests | p50 | p95 |\n|---|---|---|---|`);
    const all: number[] = [];
    for (const [name, lat] of during) {
      const sorted = [...lat].sort((a, b) => a - b);
      all.push(...lat);
      console.log(`| ${name} | ${lat.length} | ${percentile(sorted, 50).toFixed(2)} ms | ${percentile(sorted, 95).toFixed(2)} ms |`);
    }
    const sortedAll = all.sort((a, b) => a - b);
    console.log(`| all | ${all.length} | ${percentile(sortedAll, 50).toFixed(2)} ms | ${percentile(sortedAll, 95).toFixed(2)} ms |`);
    console.log(
      `\n[bench] cleanup: ${result.jobs_deleted.toLocaleString("en")} jobs deleted (dry run said ${dry.jobs.toLocaleString("en")}) in ${seconds.toFixed(1)} s ` +
        `(${Math.round(result.jobs_deleted / seconds).toLocaleString("en")} jobs/s), errors: ${result.errors.length ? result.errors.join("; ") : "none"}; ` +
        `load average during it ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`,
    );
    await db.execute(sql`vacuum analyze jobs, job_host_summaries`);
    await printTimings("list, after the cleanup (vacuumed)", cases, 30);
    const wrong = await rollupsDiffer(db);
    console.log(
      `[bench] kept counts vs count(*): ${wrong.length ? `DIFFER: ${wrong.join(", ")}` : "equal"}; ${(await count(db, "jobs")).toLocaleString("en")} jobs left`,
    );
  } finally {
    await cleaner.close();
    await reader.close();
    if (!args.keep) await dropCopy();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
