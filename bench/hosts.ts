/**
 * Host queries at a realistic size: 1M jobs (the demo generator's mix) and 4 per-host
 * results per job over 2,000 hosts (4M rows), on PostgreSQL. Prints p50/p95 of each
 * query as the API runs it (the same functions, one at a time, after a warm-up).
 *
 *   npm run bench:hosts [-- --jobs 1000000 --per-job 4 --hosts 2000]
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { readListQuery } from "@/server/drf/list-query";
import { readPage } from "@/server/drf/pagination";
import { listHostResults } from "@/server/hosts/list-host-results";
import { listHosts } from "@/server/hosts/list-hosts";
import { JOB_LIST } from "@/server/jobs/job-list-spec";
import { listJobs } from "@/server/jobs/list-jobs";
import { printTimings } from "./load";
import { count, describeMachine, openBenchHistory } from "./seed-history";

const { values: args } = parseArgs({
  options: {
    jobs: { type: "string", default: "1000000" },
    "per-job": { type: "string", default: "4" },
    hosts: { type: "string", default: "2000" },
  },
});

async function main() {
  const database = await openBenchHistory({ jobs: Number(args.jobs), perJob: Number(args["per-job"]), hosts: Number(args.hosts) });
  const { db } = database;
  try {
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
    console.log(
      `[bench] ${(await count(db, "jobs")).toLocaleString("en")} jobs, ${(await count(db, "job_host_summaries")).toLocaleString("en")} per-host results, ` +
        `${(await count(db, "hosts")).toLocaleString("en")} hosts; ${await describeMachine(db)}`,
    );
    await printTimings("query", cases, 50);
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
