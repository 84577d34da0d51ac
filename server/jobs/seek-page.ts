import { and, eq, sql, type SQL } from "drizzle-orm";
import { JOB_ID_BLOCK, jobs, NULL_BUCKET, TIME_BUCKET } from "@/db/schema";
import type { ListQuery } from "../drf/list-query";
import type { Page } from "../drf/pagination";
import { axisOf, BUCKETS, bucketsFor, JOB_COLUMNS, keptWhere } from "./count-jobs";

/** Past the day of any time a job can hold (MAX_TIME_S), before `NULL_BUCKET`. */
const LAST_DAY = 100_000_000_000_000;
/**
 * From this offset on, a page starts from kept buckets: before it, walking the index costs
 * less than summing them. An index-only walk (ordered by id, or by a time unfiltered) is
 * cheap per entry; a filtered walk along a time reads each job to test the filters.
 */
const SEEK_FROM = 10_000;
const FILTERED_TIME_SEEK_FROM = 1_000;

/**
 * The ids of a deep page that need not walk the index from its top: a running sum over
 * kept buckets, in the list's order, finds the bucket holding the page's first row and how
 * many rows come before it; the index scan then starts at that bucket's edge. Only for an
 * ordering by id, or by a time then id in the same direction, and filters that are
 * `job_counts` dimensions (no time range). Undefined when it does not apply.
 */
export function seekIds(query: Pick<ListQuery, "where" | "terms" | "ranges" | "ordering">, page: Page): SQL | undefined {
  const { terms, ranges, ordering } = query;
  if (!terms || ranges.length) return undefined;
  const [first, second, ...rest] = ordering;
  if (!first || rest.length) return undefined;
  const column = first.field === "id" ? "id" : second?.field === "id" && second.desc === first.desc ? first.field : undefined;
  if (column === "id" && second) return undefined;
  const axis = column && axisOf(column);
  if (!axis) return undefined;
  if (page.offset < (column !== "id" && terms.length ? FILTERED_TIME_SEEK_FROM : SEEK_FROM)) return undefined;
  if (column === "id" && terms.length === 0) return blockSeekIds(first.desc, page);
  const kept = keptWhere(BUCKETS, terms);
  if (!kept) return undefined;
  return bucketSeekIds(query.where, kept, axis, column, first.desc, page);
}

/**
 * The ids of an unfiltered page ordered by id: a running sum over `job_id_blocks` finds
 * the block holding the page's first row and how many rows come before that block; the
 * index scan then starts at that block's edge.
 */
function blockSeekIds(descending: boolean, page: Page): SQL {
  const dir = sql.raw(descending ? "desc" : "asc");
  const size = sql.raw(String(JOB_ID_BLOCK));
  const from = descending ? sql`id < (s.block + 1) * ${size}` : sql`id >= s.block * ${size}`;
  return sql`select j.id from (
      select block, upto - n as before from (
        select block, n, sum(n) over (order by block ${dir}) as upto from job_id_blocks
      ) b where upto > ${page.offset}::int8 order by block ${dir} limit 1
    ) s cross join lateral (
      select id from jobs where ${from} order by id ${dir} offset ${page.offset}::int8 - s.before limit ${page.limit}::int8
    ) j`;
}

/**
 * The same over `job_buckets` (`job_bucket_totals` unfiltered) for filters among its dimensions, on the id axis or a time
 * axis. A time's nulls are their own bucket (`NULL_BUCKET`), first descending and last
 * ascending as PostgreSQL sorts them; when the page starts in one part (nulls or times)
 * and runs into the other, the rest of it is the other part's first rows.
 */
function bucketSeekIds(where: SQL[], kept: SQL[], axis: string, column: string, descending: boolean, page: Page): SQL {
  const dir = sql.raw(descending ? "desc" : "asc");
  const col = JOB_COLUMNS[column]!;
  const size = column === "id" ? JOB_ID_BLOCK : TIME_BUCKET;
  const filters = where.length ? and(...where)! : sql`true`;
  const order = column === "id" ? sql`${col} ${dir}` : sql`${col} ${dir}, ${JOB_COLUMNS.id} ${dir}`;
  // least(): the null bucket's edge is never used, but must not overflow where it is written
  const bucket = sql`least(s.bucket, ${LAST_DAY}::int8)`;
  const edge = descending ? sql`${col} < (${bucket} + 1) * ${size}::int8` : sql`${col} >= ${bucket} * ${size}::int8`;
  const offset = sql`${page.offset}::int8 - s.before`;
  const limit = sql`${page.limit}::int8`;
  const table = bucketsFor(kept);
  const seek = sql`s as (
      select bucket, upto - n as before from (
        select bucket, n, sum(n) over (order by bucket ${dir}) as upto from (
          select ${table.bucket} as bucket, sum(${table.n}) as n from ${table}
          where ${and(eq(table.axis, axis), ...kept)} group by 1
        ) g
      ) b where upto > ${page.offset}::int8 order by bucket ${dir} limit 1
    )`;
  if (column === "id") {
    return sql`with ${seek} select j.id from s cross join lateral (
      select ${col} from ${jobs} where ${filters} and ${edge} order by ${order} offset ${offset} limit ${limit}) j`;
  }
  const isNull = sql`s.bucket = ${NULL_BUCKET}::int8`;
  const inTimes = sql`s.bucket < ${NULL_BUCKET}::int8`;
  // the part the page starts in, then (descending: the times after the nulls; ascending: the nulls after the times)
  const start = sql`select j.id from s cross join lateral (
        select ${JOB_COLUMNS.id} from ${jobs} where ${filters} and ${inTimes} and ${edge} order by ${order} offset ${offset} limit ${limit}) j
      union all
      select j.id from s cross join lateral (
        select ${JOB_COLUMNS.id} from ${jobs} where ${filters} and ${isNull} and ${col} is null order by ${order} offset ${offset} limit ${limit}) j`;
  const rest = descending ? sql`${isNull} and ${col} is not null` : sql`${inTimes} and ${col} is null`;
  return sql`with ${seek}, a as (${start}),
    b as (select j.id from s cross join lateral (
      select ${JOB_COLUMNS.id} from ${jobs} where ${filters} and ${rest} order by ${order} limit greatest(${limit} - (select count(*) from a), 0)) j)
    select id from a union all select id from b`;
}
