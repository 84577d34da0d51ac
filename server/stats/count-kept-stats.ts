import { and, between, desc, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { hostFailuresDaily, jobDurationsDaily, jobStatsDaily } from "@/db/schema";
import { num, TOP, type StatsCounts } from "./stats-counts";

const failed = sql<string>`sum(${jobStatsDaily.n}) filter (where ${jobStatsDaily.state} = 'failed')`;
const errored = sql<string>`sum(${jobStatsDaily.n}) filter (where ${jobStatsDaily.state} = 'error')`;
const hostFailed = sql<string>`sum(${hostFailuresDaily.n}) filter (where ${hostFailuresDaily.status} = 'failed')`;
const hostUnreachable = sql<string>`sum(${hostFailuresDaily.n}) filter (where ${hostFailuresDaily.status} = 'unreachable')`;

/** The stats from the kept roll-ups: a few rows per day and dimension. */
export async function countKeptStats(
  db: Db,
  q: { fromDay: number; toDay: number; statsWhere: SQL[]; durationsWhere: SQL[]; hostsWhere: SQL[] },
): Promise<StatsCounts> {
  const s = jobStatsDaily;
  const d = jobDurationsDaily;
  const inStats = and(between(s.day, q.fromDay, q.toDay), ...q.statsWhere);
  const [states, durations, templates, hosts] = await Promise.all([
    db
      .select({ day: s.day, state: s.state, n: sql<string>`sum(${s.n})` })
      .from(s)
      .where(inStats)
      .groupBy(s.day, s.state),
    db
      .select({ day: d.day, bucket: d.bucket, n: sql<string>`sum(${d.n})` })
      .from(d)
      .where(and(between(d.day, q.fromDay, q.toDay), ...q.durationsWhere))
      .groupBy(d.day, d.bucket),
    db
      .select({ template: s.templateId, failed, error: errored, jobs: sql<string>`sum(${s.n})` })
      .from(s)
      .where(and(inStats, ne(s.templateId, 0)))
      .groupBy(s.templateId)
      .having(sql`sum(${s.n}) filter (where ${inArray(s.state, ["failed", "error"])}) > 0`)
      .orderBy(desc(sql`sum(${s.n}) filter (where ${inArray(s.state, ["failed", "error"])})`), s.templateId)
      .limit(TOP),
    db
      .select({ host: hostFailuresDaily.host, failed: hostFailed, unreachable: hostUnreachable })
      .from(hostFailuresDaily)
      .where(and(between(hostFailuresDaily.day, q.fromDay, q.toDay), ...q.hostsWhere))
      .groupBy(hostFailuresDaily.host)
      .having(sql`sum(${hostFailuresDaily.n}) > 0`)
      .orderBy(desc(sql`sum(${hostFailuresDaily.n})`), hostFailuresDaily.host)
      .limit(TOP),
  ]);
  return {
    states: states.map((r) => ({ day: r.day, state: r.state, n: num(r.n) })),
    durations: durations.map((r) => ({ day: r.day, bucket: r.bucket, n: num(r.n) })),
    templates: templates.map((r) => ({ template: r.template, failed: num(r.failed), error: num(r.error), jobs: num(r.jobs) })),
    hosts: hosts.map((r) => ({ host: r.host, failed: num(r.failed), unreachable: num(r.unreachable) })),
  };
}
