import { and, getTableColumns, inArray, SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import type { ListQuery } from "../drf/list-query";
import type { Page } from "../drf/pagination";
import type { QueuePlace } from "@/lib/jobs/queue-place";
import { countJobs, countSql } from "./count-jobs";
import { withQueuePlaces } from "./read-queue-places";
import { rangeIdBounds } from "./range-id-bounds";
import { seekIds } from "./seek-page";
import type { JobRow } from "./serialize-job";

export { countJobs } from "./count-jobs";

/**
 * One page of jobs and the exact count, in one statement. The page is a deferred join:
 * the ids are found by an index-only scan, then only those rows are read. A deep page
 * first finds the bucket of kept counts its first row lies in (`seek-page.ts`); a page
 * ordered by id with a time range starts from the range's id blocks (`range-id-bounds.ts`). The
 * count, an uncorrelated subquery evaluated once, comes from kept counts where the
 * filters allow (`count-jobs.ts`); only an empty page needs a second statement to count.
 * A page with `pending` jobs reads their queue places with one more.
 */
export async function listJobs(db: Db, query: ListQuery): Promise<{ count: number; rows: (JobRow & QueuePlace)[] }> {
  const { orderBy, page } = query;
  const seek = seekIds(query, page);
  const where = seek ? undefined : and(...query.where, ...rangeIdBounds(query));
  const ids: SQL | ReturnType<typeof idPage> = seek ? sql`(${seek})` : idPage(db, where, orderBy, page);
  const found = await db
    .select({ ...getTableColumns(jobs), total: sql<string>`(${countSql(query)})` })
    .from(jobs)
    .where(inArray(jobs.id, ids))
    .orderBy(...orderBy);
  const [head] = found;
  if (!head) return { count: await countJobs(db, query), rows: [] };
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
