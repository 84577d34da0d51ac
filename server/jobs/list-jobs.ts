import { and, count, getTableColumns, inArray, SQL, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { JOB_ID_BLOCK, jobCounts, jobs } from "@/db/schema";
import type { ListQuery } from "../drf/list-query";
import type { Page } from "../drf/pagination";
import type { QueuePlace } from "@/lib/jobs/queue-place";
import { withQueuePlaces } from "./read-queue-places";
import type { JobRow } from "./serialize-job";

/** From this offset on, an unfiltered page ordered by id starts from `job_id_blocks`. */
const BLOCK_SEEK_FROM = 10_000;

/**
 * One page of jobs and the exact count, in one statement. The page is a deferred join:
 * the ids are found by an index-only scan, then only those rows are read. A deep
 * unfiltered page ordered by id first finds its block in `job_id_blocks`. The count, an
 * uncorrelated subquery evaluated once, comes from `job_counts` when every filter is one
 * of its dimensions; only an empty page needs a second statement to count. A page with
 * `pending` jobs reads their queue places with one more.
 */
export async function listJobs(db: Db, query: ListQuery): Promise<{ count: number; rows: (JobRow & QueuePlace)[] }> {
  const { ordering, orderBy, page } = query;
  const filters = query;
  const where = filters.where.length ? and(...filters.where) : undefined;
  const [firstTerm] = ordering;
  const idOnly = ordering.length === 1 && firstTerm?.field === "id" ? firstTerm : undefined;
  const ids: SQL | ReturnType<typeof idPage> =
    !where && idOnly && page.offset >= BLOCK_SEEK_FROM ? sql`(${blockSeekIds(idOnly.desc, page)})` : idPage(db, where, orderBy, page);
  const found = await db
    .select({ ...getTableColumns(jobs), total: sql<string>`(${countQuery(db, filters)})` })
    .from(jobs)
    .where(inArray(jobs.id, ids))
    .orderBy(...orderBy);
  const [head] = found;
  if (!head) return { count: await countJobs(db, filters), rows: [] };
  const rows = found.map(({ total: _, ...row }) => row);
  return { count: Number(head.total), rows: await withQueuePlaces(db, rows) };
}

function idPage(db: Db, where: SQL | undefined, orderBy: SQL[], page: Page) {
  return db
    .select({ id: jobs.id })
    .from(jobs)
    .where(where)
    .orderBy(...orderBy)
    .limit(page.limit)
    .offset(page.offset);
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

export async function countJobs(db: Db, filters: Pick<ListQuery, "where" | "countWhere" | "countAlone">): Promise<number> {
  const q = countQuery(db, filters);
  const [r] = q instanceof SQL ? rowsOf<{ n: string | number }>(await db.execute(q)) : await q;
  return Number(r!.n);
}

function countQuery(db: Db, filters: Pick<ListQuery, "where" | "countWhere" | "countAlone">) {
  if (filters.countAlone) return sql`select coalesce((${filters.countAlone}), 0)::int8 as n`;
  if (filters.countWhere) {
    const cw: SQL | undefined = filters.countWhere.length ? and(...filters.countWhere) : undefined;
    return db
      .select({ n: sql<string>`coalesce(sum(${jobCounts.n}), 0)::int8` })
      .from(jobCounts)
      .where(cw);
  }
  return db
    .select({ n: count() })
    .from(jobs)
    .where(filters.where.length ? and(...filters.where) : undefined);
}
