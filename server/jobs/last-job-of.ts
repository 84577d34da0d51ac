import { and, desc, gte, lte, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";

/**
 * The newest job whose `reference` (`jobs.template_id`, `jobs.schedule_id`) is `owner`, to
 * join laterally: for each row one backward read of that reference's `(…, id)` index, never
 * a scan of its jobs. A deleted job is simply not there: the one before it is the last.
 */
export function lastJobOf(db: Db, reference: AnyPgColumn, owner: AnyPgColumn) {
  return (
    db
      .select({
        lastJobId: sql<number | null>`${jobs.id}`.as("last_job_id"),
        lastJobState: sql<string | null>`${jobs.state}`.as("last_job_state"),
        // when it ended, else started, else was created
        lastJobTime: sql<number | null>`coalesce(${jobs.finishTime}, ${jobs.startTime}, ${jobs.ctime})`.mapWith(Number).as("last_job_time"),
      })
      .from(jobs)
      // `=` would let the planner drop the reference from the order and, guessing that jobs
      // are spread evenly, walk the primary key backward through every newer job of the
      // others; as a range, only the (reference, id) index gives this order
      .where(and(gte(reference, owner), lte(reference, owner)))
      .orderBy(desc(reference), desc(jobs.id))
      .limit(1)
      .as("last_job")
  );
}
