import { and, asc, count, desc, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobCounts, jobs } from "@/db/schema";
import type { Page } from "../drf/pagination";
import type { OrderTerm } from "../drf/ordering";
import { JOB_COLUMNS } from "./job-columns";
import type { JobFilters } from "./job-filters";
import type { JobRow } from "./serialize-job";

/**
 * One page of jobs and the exact count. The page is a deferred join: the ids are found
 * by an index-only scan (cheap even at offset 500,000), then only those rows are read.
 * The count comes from `job_counts` when every filter is one of its dimensions.
 */
export async function listJobs(db: Db, filters: Pick<JobFilters, "where" | "countWhere">, ordering: OrderTerm[], page: Page): Promise<{ count: number; rows: JobRow[] }> {
  const orderBy = ordering.map((t) => {
    const col = JOB_COLUMNS[t.field as keyof typeof JOB_COLUMNS];
    return t.desc ? desc(col) : asc(col);
  });
  const where = filters.where.length ? and(...filters.where) : undefined;
  const ids = db.select({ id: jobs.id }).from(jobs).where(where).orderBy(...orderBy).limit(page.limit).offset(page.offset);
  const [total, rows] = await Promise.all([
    countJobs(db, filters),
    db.select().from(jobs).where(inArray(jobs.id, ids)).orderBy(...orderBy),
  ]);
  return { count: total, rows };
}

export async function countJobs(db: Db, filters: Pick<JobFilters, "where" | "countWhere">): Promise<number> {
  if (filters.countWhere) {
    const cw: SQL | undefined = filters.countWhere.length ? and(...filters.countWhere) : undefined;
    const [r] = await db.select({ n: sql<string>`coalesce(sum(${jobCounts.n}), 0)::int8` }).from(jobCounts).where(cw);
    return Number(r.n);
  }
  const [r] = await db.select({ n: count() }).from(jobs).where(filters.where.length ? and(...filters.where) : undefined);
  return Number(r.n);
}
