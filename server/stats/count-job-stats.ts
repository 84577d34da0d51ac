import { and, desc, gte, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { QueryBuilder, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { jobHostSummaries, jobs } from "@/db/schema";
import { FINAL_STATES } from "@/lib/jobs/enums";
import { num, TOP, type StatsCounts } from "./stats-counts";

/** The span's calendar days in a zone, and a bound a day before its first (seconds, for indexes). */
type Span = { fromDay: number; toDay: number; timeZone: string };

const dayIn = (sec: SQL | AnyPgColumn, zone: string) => sql<number>`((to_timestamp(${sec}) at time zone ${zone}::text)::date - date '1970-01-01')`;
const looseStart = (q: Span) => (q.fromDay - 1) * 86_400;

/** When a job ended, as the roll-ups count it (a history entry posted as ended may lack its times). */
const endedAt = sql`coalesce(${jobs.finishTime}, ${jobs.startTime}, ${jobs.ctime})`;

/**
 * The stats counted from the jobs themselves: for filters the roll-ups do not keep (host,
 * user, search, times…) and zones other than theirs. Reads every matching job of the span.
 */
export async function countJobStats(db: Db, q: Span & { where: SQL[] }): Promise<StatsCounts> {
  const day = dayIn(endedAt, q.timeZone);
  const inSpan = and(
    ...q.where,
    inArray(jobs.state, [...FINAL_STATES]),
    // an index range on finish_time does most of the work; the day is then exact
    or(gte(jobs.finishTime, looseStart(q)), isNull(jobs.finishTime)),
    sql`${day} between ${q.fromDay} and ${q.toDay}`,
  );
  const failures = sql<string>`count(*) filter (where ${inArray(jobs.state, ["failed", "error"])})`;
  const bucket = sql<number>`job_duration_bucket(${jobs.finishTime} - ${jobs.startTime})`;
  const [states, durations, templates, hosts] = await Promise.all([
    db
      .select({ day, state: jobs.state, n: sql<string>`count(*)` })
      .from(jobs)
      .where(inSpan)
      .groupBy(sql`1`, jobs.state),
    db
      .select({ day, bucket, n: sql<string>`count(*)` })
      .from(jobs)
      .where(and(inSpan, sql`${jobs.state} = 'successful'`, sql`${jobs.startTime} is not null`, sql`${jobs.finishTime} is not null`))
      .groupBy(sql`1`, sql`2`),
    db
      .select({
        template: sql<number>`${jobs.templateId}`,
        failed: sql<string>`count(*) filter (where ${jobs.state} = 'failed')`,
        error: sql<string>`count(*) filter (where ${jobs.state} = 'error')`,
        jobs: sql<string>`count(*)`,
      })
      .from(jobs)
      .where(and(inSpan, sql`${jobs.templateId} is not null and ${jobs.templateId} <> 0`))
      .groupBy(jobs.templateId)
      .having(sql`${failures} > 0`)
      .orderBy(desc(failures), jobs.templateId)
      .limit(TOP),
    countFailingHosts(db, q),
  ]);
  return {
    states: states.map((r) => ({ day: num(r.day), state: r.state, n: num(r.n) })),
    durations: durations.map((r) => ({ day: num(r.day), bucket: num(r.bucket), n: num(r.n) })),
    templates: templates.map((r) => ({ template: num(r.template), failed: num(r.failed), error: num(r.error), jobs: num(r.jobs) })),
    hosts,
  };
}

const qb = new QueryBuilder();

/**
 * Hosts with failed or unreachable results in the span (by when each result was last
 * written, as the host roll-up counts them), among the filtered jobs.
 */
export async function countFailingHosts(db: Db, q: Span & { where: SQL[] }): Promise<StatsCounts["hosts"]> {
  const h = jobHostSummaries;
  const n = sql<string>`count(*)`;
  const rows = await db
    .select({
      host: h.host,
      failed: sql<string>`count(*) filter (where ${h.status} = 'failed')`,
      unreachable: sql<string>`count(*) filter (where ${h.status} = 'unreachable')`,
    })
    .from(h)
    .where(
      and(
        // written out (not bound) so that the partial index on failures applies
        sql`${h.status} in ('failed', 'unreachable')`,
        gte(h.seenAt, looseStart(q)),
        sql`${dayIn(h.seenAt, q.timeZone)} between ${q.fromDay} and ${q.toDay}`,
        q.where.length
          ? inArray(
              h.jobId,
              qb
                .select({ id: jobs.id })
                .from(jobs)
                .where(and(...q.where, or(gte(jobs.finishTime, looseStart(q)), isNull(jobs.finishTime)))),
            )
          : undefined,
      ),
    )
    .groupBy(h.host)
    .orderBy(desc(n), h.host)
    .limit(TOP);
  return rows.map((r) => ({ host: r.host, failed: num(r.failed), unreachable: num(r.unreachable) }));
}
