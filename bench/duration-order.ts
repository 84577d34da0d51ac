/**
 * `ordering=duration` / `-duration` of the job list at size: the list's statements as the
 * API sends them, under EXPLAIN ANALYZE, for a first page and deep ones (the plan says which
 * index serves the order). A PostgreSQL database of its own, filled once by the demo generator.
 *
 *   npx tsx bench/duration-order.ts [-- --jobs 300000]
 */
import { parseArgs } from "node:util";
import postgres from "postgres";
import { readListQuery } from "@/server/drf/list-query";
import { JOB_LIST } from "@/server/jobs/job-list-spec";
import { listJobs } from "@/server/jobs/list-jobs";
import { count, describeMachine, openBenchHistory } from "./seed-history";
import { openTracedDb } from "./sql-time";

const { values: args } = parseArgs({
  options: {
    jobs: { type: "string", default: "300000" },
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432/zuoye_bench_duration" },
  },
});

async function main() {
  const database = await openBenchHistory({ jobs: Number(args.jobs), perJob: 0, hosts: 1, url: args.url });
  const traced = openTracedDb(args.url);
  const client = postgres(args.url, { max: 1, onnotice: () => {} });
  try {
    console.log(`[bench] ${(await count(database.db, "jobs")).toLocaleString("en")} jobs; ${await describeMachine(database.db)}`);
    // the same pages ordered by start_time (the index the others use) for comparison
    const cases = [
      "ordering=-duration&limit=20",
      "ordering=duration&limit=20",
      "ordering=-duration&limit=20&offset=100000",
      "ordering=duration&limit=20&offset=250000",
      "ordering=-start_time&limit=20&offset=100000",
      "ordering=-duration&limit=20&state=failed",
      "ordering=-start_time&limit=20&state=failed",
    ];
    for (const q of cases) {
      const statements = await traced.capture((db) => listJobs(db, readListQuery(new URL(`http://x/api/job/job/?${q}`), JOB_LIST)));
      console.log(`\n=== ?${q}`);
      for (const s of statements) {
        const rows = await client.unsafe(`explain (analyze, buffers, costs off) ${s.sql}`, s.params as never[]);
        console.log(rows.map((r) => r["QUERY PLAN"]).join("\n"));
      }
    }
  } finally {
    await client.end();
    await traced.close();
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
