import { and, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { rowsOf, type Db } from "@/db/client";
import { BUCKET_AXES, jobBuckets, jobBucketTotals, jobCounts, jobs, jobUserCounts, NULL_BUCKET, TIME_BUCKET } from "@/db/schema";
import type { KeptTerm, ListQuery, TimeRange } from "../drf/list-query";

export type CountFilters = Pick<ListQuery, "where" | "terms" | "ranges" | "countAlone">;

const byName = (table: PgTable): Record<string, AnyPgColumn> =>
  Object.fromEntries(Object.values(getTableColumns(table)).map((c) => [c.name, c as AnyPgColumn]));
const COUNTS = byName(jobCounts);
const USER_COUNTS = byName(jobUserCounts);
export const BUCKETS = byName(jobBuckets);
export const JOB_COLUMNS = byName(jobs);
const ROLLUP_ONLY = new Set(["n", "axis", "bucket"]);

/** The terms as conditions on a kept table keyed by the jobs' column names; undefined when one is not among its dimensions. */
export function keptWhere(columns: Record<string, AnyPgColumn>, terms: readonly KeptTerm[]): SQL[] | undefined {
  const out: SQL[] = [];
  for (const t of terms) {
    const c = columns[t.column];
    if (!c || ROLLUP_ONLY.has(t.column)) return undefined;
    out.push(t.values.length === 1 ? eq(c, t.values[0]) : inArray(c, t.values));
  }
  return out;
}

/** Where the buckets of an axis are summed: per combination of the dimensions, or already summed when nothing is filtered. */
export const bucketsFor = (kept: SQL[]) => (kept.length ? jobBuckets : jobBucketTotals);

/** The `job_buckets` axis of a column of `jobs`, if it is one. */
export const axisOf = (column: string): string | undefined => (BUCKET_AXES as Record<string, string>)[column];

const whereOf = (conditions: SQL[]) => (conditions.length ? and(...conditions) : sql`true`);

/**
 * The statement whose one row `n` is the exact number of jobs the filters match, read from
 * the cheapest place that has it: a filter's own roll-up (`countAlone`), `job_counts` or
 * `job_user_counts` when every filter is among their dimensions, the whole days of
 * `job_buckets` plus the jobs of the partial days at its ends for a time range, else
 * `count(*)`.
 */
export function countSql(f: CountFilters): SQL {
  if (f.countAlone) return sql`select coalesce((${f.countAlone}), 0)::int8 as n`;
  if (f.terms && f.ranges.length === 0) {
    for (const [table, columns] of [
      [jobCounts, COUNTS],
      [jobUserCounts, USER_COUNTS],
    ] as const) {
      const kept = keptWhere(columns, f.terms);
      if (kept) return sql`select coalesce(sum(${table.n}), 0)::int8 as n from ${table} where ${whereOf(kept)}`;
    }
  }
  const [range, ...more] = f.ranges;
  if (f.terms && range && more.length === 0) {
    const axis = axisOf(range.column);
    const kept = axis && keptWhere(BUCKETS, f.terms);
    if (axis && kept) {
      const days = wholeDays(range);
      if (days) return rangeCountSql(f.where, kept, axis, range.column, days);
    }
  }
  return sql`select count(*)::int8 as n from ${jobs} where ${whereOf(f.where)}`;
}

type Days = { first?: bigint; last?: bigint };

/** The UTC day (the kept tables' bucket) a time in seconds falls on; before 1970 negative. */
export function utcDay(seconds: bigint | number): bigint {
  const D = BigInt(TIME_BUCKET);
  const a = BigInt(seconds);
  return a >= 0n ? a / D : -((-a + D - 1n) / D);
}

/** The whole days (UTC) inside a range, or undefined when it holds none (then the range itself is at most two days). */
export function wholeDays(r: TimeRange): Days | undefined {
  const D = BigInt(TIME_BUCKET);
  const first = r.gte === undefined ? undefined : utcDay(BigInt(r.gte) + D - 1n);
  const last = r.lte === undefined ? undefined : utcDay(BigInt(r.lte) + 1n) - 1n;
  if (first !== undefined && last !== undefined && first > last) return undefined;
  return { first, last };
}

/** Whole days from `job_buckets` (or their totals), the partial first and last day counted from the jobs (the filters hold there too). */
function rangeCountSql(where: SQL[], kept: SQL[], axis: string, column: string, days: Days): SQL {
  const col = JOB_COLUMNS[column]!;
  const D = TIME_BUCKET;
  const table = bucketsFor(kept);
  const buckets = [
    eq(table.axis, axis),
    sql`${table.bucket} < ${NULL_BUCKET}`,
    ...(days.first !== undefined ? [sql`${table.bucket} >= ${days.first.toString()}::int8`] : []),
    ...(days.last !== undefined ? [sql`${table.bucket} <= ${days.last.toString()}::int8`] : []),
    ...kept,
  ];
  const parts = [sql`(select coalesce(sum(${table.n}), 0) from ${table} where ${and(...buckets)})`];
  const all = whereOf(where);
  if (days.first !== undefined) parts.push(sql`(select count(*) from ${jobs} where ${all} and ${col} < ${days.first.toString()}::int8 * ${D})`);
  if (days.last !== undefined) parts.push(sql`(select count(*) from ${jobs} where ${all} and ${col} >= (${days.last.toString()}::int8 + 1) * ${D})`);
  return sql`select (${sql.join(parts, sql` + `)})::int8 as n`;
}

export async function countJobs(db: Db, filters: CountFilters): Promise<number> {
  const [r] = rowsOf<{ n: string | number }>(await db.execute(countSql(filters)));
  return Number(r!.n);
}
