/**
 * `GET /api/job/stats/` at a realistic size: the history of bench:hosts (1M jobs over two
 * years from the demo generator, 4M per-host results), on PostgreSQL. Prints p50/p95 of
 * each call as the API makes it (the same function, one at a time, after a warm-up): from
 * the kept roll-ups, and from the jobs for the filters and zones they do not keep.
 *
 *   npm run bench:stats [-- --jobs 1000000 --per-job 4 --hosts 2000]
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { getJobStats } from "@/server/stats/get-job-stats";
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
    const [top] = rowsOf<{ template_id: number; inventory_id: number; project_id: number; cuser_id: number }>(
      await db.execute(sql`select template_id, inventory_id, project_id, cuser_id from jobs where template_id is not null order by id desc limit 1`),
    );
    const [host] = rowsOf<{ name: string }>(await db.execute(sql`select name from hosts order by jobs desc limit 1`));
    if (!top || !host) throw new Error("no history");
    const stats = (q: string) => () => getJobStats(db, new URL(`http://x/api/job/stats/?${q}`));
    const cases: [string, () => Promise<unknown>][] = [];
    for (const days of [7, 30, 90]) cases.push([`kept: ?days=${days}`, stats(`days=${days}`)]);
    cases.push(
      ["kept: ?days=30&template=", stats(`days=30&template=${top.template_id}`)],
      ["kept: ?days=30&inventory=&project=", stats(`days=30&inventory=${top.inventory_id}&project=${top.project_id}`)],
      ["kept: ?days=366", stats("days=366")],
      ["jobs: ?days=7&timezone=UTC", stats("days=7&timezone=UTC")],
      ["jobs: ?days=30&timezone=UTC", stats("days=30&timezone=UTC")],
      ["jobs: ?days=30&cuser=", stats(`days=30&cuser=${top.cuser_id}`)],
      ["jobs: ?days=30&host=", stats(`days=30&host=${encodeURIComponent(host.name)}`)],
      ["jobs: ?days=30&kind=adhoc", stats("days=30&kind=adhoc")],
    );
    console.log(
      `[bench] ${(await count(db, "jobs")).toLocaleString("en")} jobs, ${(await count(db, "job_host_summaries")).toLocaleString("en")} per-host results; ` +
        `roll-ups: ${(await count(db, "job_stats_daily")).toLocaleString("en")} + ${(await count(db, "job_durations_daily")).toLocaleString("en")} + ` +
        `${(await count(db, "host_failures_daily")).toLocaleString("en")} rows; ${await describeMachine(db)}`,
    );
    await printTimings("call", cases, 30);
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
