import { and, eq, sql, type SQL } from "drizzle-orm";
import { BUCKET_AXES, JOB_ID_BLOCK, jobDayBlocks, jobs } from "@/db/schema";
import type { ListQuery } from "../drf/list-query";
import { axisOf, utcDay } from "./count-jobs";

/**
 * Conditions on the id that every job in the list's time ranges meets, for a list ordered
 * by id alone: a job whose time is in a range lies in one of the id blocks `job_day_blocks`
 * keeps for the range's days, so its id is within the lowest and highest of them. The page
 * then walks the primary key from the range's newest (or oldest) block, not past every
 * newer job, and stops at its oldest. No block (nothing in the range): no job passes, as
 * none matches. The rows are those of the plain query: each condition holds for every match.
 */
export function rangeIdBounds(query: Pick<ListQuery, "ranges" | "ordering">): SQL[] {
  const [first, ...rest] = query.ordering;
  if (first?.field !== "id" || rest.length) return [];
  const bounds: SQL[] = [];
  for (const range of query.ranges) {
    const axis = axisOf(range.column);
    if (!axis || axis === BUCKET_AXES.id) continue;
    const days = and(
      eq(jobDayBlocks.axis, axis),
      ...(range.gte !== undefined ? [sql`${jobDayBlocks.day} >= ${utcDay(range.gte).toString()}::int8`] : []),
      ...(range.lte !== undefined ? [sql`${jobDayBlocks.day} <= ${utcDay(range.lte).toString()}::int8`] : []),
    );
    const size = sql.raw(String(JOB_ID_BLOCK));
    bounds.push(
      sql`${jobs.id} >= (select min(${jobDayBlocks.block}) from ${jobDayBlocks} where ${days}) * ${size}`,
      sql`${jobs.id} < (select max(${jobDayBlocks.block}) + 1 from ${jobDayBlocks} where ${days}) * ${size}`,
    );
  }
  return bounds;
}
