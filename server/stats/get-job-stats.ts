import { desc, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs, templates } from "@/db/schema";
import type { JobStats, StatsFigures } from "@/lib/contracts/stats";
import { percentileOf } from "@/lib/jobs/duration-buckets";
import { dateOfDay } from "@/lib/jobs/stats-days";
import { nowSeconds } from "@/lib/time";
import { countJobStats } from "./count-job-stats";
import { countKeptStats } from "./count-kept-stats";
import { readStatsQuery } from "./read-stats-query";
import type { StatsCounts } from "./stats-counts";

/**
 * `GET /api/job/stats/`: the history's figures over the last `days` days — totals, success
 * rate, duration percentiles, one entry per day, and the templates and hosts failing most.
 * From the kept roll-ups when the filters are their dimensions (template, inventory,
 * project) and the zone is theirs; otherwise from the jobs (`{ kept: false }` forces it).
 */
export async function getJobStats(db: Db, url: URL, opts: { now?: number; kept?: boolean } = {}): Promise<JobStats> {
  const q = readStatsQuery(url, opts.now ?? nowSeconds());
  const { statsWhere, durationsWhere, hostsWhere } = q;
  const counts: StatsCounts =
    opts.kept !== false && statsWhere && durationsWhere && hostsWhere
      ? await countKeptStats(db, { ...q, statsWhere, durationsWhere, hostsWhere })
      : await countJobStats(db, q);
  const names = await templateNames(
    db,
    counts.templates.map((t) => t.template),
  );
  const days = Array.from({ length: q.days }, (_, i) => q.fromDay + i);
  const byDay = groupByDay(counts);
  const all = { states: counts.states, durations: counts.durations };
  return {
    days: q.days,
    timezone: q.timeZone,
    from: dateOfDay(q.fromDay),
    to: dateOfDay(q.toDay),
    total: figures(all),
    series: days.map((day) => ({ date: dateOfDay(day), ...figures(byDay.get(day) ?? { states: [], durations: [] }) })),
    failing_templates: counts.templates.map((t) => ({ ...t, template_name: names.get(t.template) ?? `#${t.template}` })),
    failing_hosts: counts.hosts,
  };
}

type DayCounts = Pick<StatsCounts, "states" | "durations">;

function groupByDay(counts: StatsCounts): Map<number, DayCounts> {
  const days = new Map<number, DayCounts>();
  const dayOf = (day: number) => {
    let d = days.get(day);
    if (!d) days.set(day, (d = { states: [], durations: [] }));
    return d;
  };
  for (const r of counts.states) dayOf(r.day).states.push(r);
  for (const r of counts.durations) dayOf(r.day).durations.push(r);
  return days;
}

function figures(counts: DayCounts): StatsFigures {
  const by: Record<string, number> = { successful: 0, failed: 0, error: 0, canceled: 0 };
  for (const r of counts.states) by[r.state] = (by[r.state] ?? 0) + r.n;
  const buckets = new Map<number, number>();
  for (const r of counts.durations) buckets.set(r.bucket, (buckets.get(r.bucket) ?? 0) + r.n);
  const judged = by.successful! + by.failed! + by.error!;
  return {
    jobs: judged + by.canceled!,
    successful: by.successful!,
    failed: by.failed!,
    error: by.error!,
    canceled: by.canceled!,
    success_rate: judged ? by.successful! / judged : null,
    duration_p50: percentileOf(buckets, 0.5),
    duration_p95: percentileOf(buckets, 0.95),
  };
}

/** Current names of the templates; a deleted one keeps the name its newest job recorded. */
async function templateNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  if (!ids.length) return names;
  for (const t of await db.select({ id: templates.id, name: templates.name }).from(templates).where(inArray(templates.id, ids))) names.set(t.id, t.name);
  const gone = ids.filter((id) => !names.has(id));
  if (gone.length) {
    const rows = await db
      .selectDistinctOn([jobs.templateId], { id: jobs.templateId, name: jobs.templateName })
      .from(jobs)
      .where(inArray(jobs.templateId, gone))
      .orderBy(jobs.templateId, desc(jobs.id));
    for (const r of rows) if (r.id !== null && r.name) names.set(r.id, r.name);
  }
  return names;
}
