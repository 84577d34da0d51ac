/**
 * npx tsx bench/explain-list.ts '<query string>' [...]: the statements `GET /api/job/job/?…`
 * sends for each query, under EXPLAIN (ANALYZE, BUFFERS), on BENCH_DATABASE_URL (default
 * zuoye_bench). To see which plan a list case of `bench:api` gets.
 */
import postgres from "postgres";
import { readListQuery } from "@/server/drf/list-query";
import { JOB_LIST } from "@/server/jobs/job-list-spec";
import { listJobs } from "@/server/jobs/list-jobs";
import { openTracedDb } from "./sql-time";

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/zuoye_bench";
  const traced = openTracedDb(url);
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const q of process.argv.slice(2)) {
      const statements = await traced.capture((db) => listJobs(db, readListQuery(new URL(`http://x/api/job/job/?${q}`), JOB_LIST)));
      for (const s of statements) {
        console.log(`\n### ${q}\n${s.sql}\n${JSON.stringify(s.params)}`);
        const rows = await client.unsafe(`explain (analyze, buffers) ${s.sql}`, s.params as never[]);
        console.log(rows.map((r) => r["QUERY PLAN"]).join("\n"));
      }
    }
  } finally {
    await traced.close();
    await client.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
