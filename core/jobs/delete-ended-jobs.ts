import { and, gt, inArray, notInArray, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { LIVE_STATES } from "@/lib/jobs/enums";
import { deleteJobOutput } from "./delete-job-output";

/** Ids one cleanup transaction deletes: short locks and small trigger deltas, so lists stay fast meanwhile. */
export const DELETE_BATCH = 1000;

/** Never a job that may still change by itself (queued or owned by an executor). */
export const notLive = (): SQL => notInArray(jobs.state, [...LIVE_STATES]);

/**
 * Deletes, in one transaction, up to `limit` jobs matching `where` with ids above `after`,
 * never a live one, with their output, events and host results (the kept counts follow by
 * trigger). Rows another transaction holds are skipped, not waited for. Returns the ids.
 */
export async function deleteEndedJobsBatch(db: Db, where: SQL | undefined, after: number, limit = DELETE_BATCH): Promise<number[]> {
  return db.transaction(async (tx) => {
    const doomed = tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(where, notLive(), gt(jobs.id, after)))
      .orderBy(jobs.id)
      .limit(limit)
      .for("update", { skipLocked: true });
    const deleted = await tx.delete(jobs).where(inArray(jobs.id, doomed)).returning({ id: jobs.id });
    const ids = deleted.map((r) => r.id).sort((a, b) => a - b);
    await deleteJobOutput(tx, ids);
    return ids;
  });
}

/**
 * Deletes every job matching `where` that is not live, batch after batch in id order
 * (each its own transaction). `onBatch` runs after each (a heartbeat, a pause).
 */
export async function deleteEndedJobs(
  db: Db,
  where: SQL | undefined,
  opts: { onBatch?: (deleted: number) => Promise<void>; limit?: number } = {},
): Promise<number> {
  let after = 0;
  let total = 0;
  for (;;) {
    const ids = await deleteEndedJobsBatch(db, where, after, opts.limit);
    if (ids.length === 0) return total;
    total += ids.length;
    after = ids.at(-1)!;
    await opts.onBatch?.(total);
  }
}

/** How many jobs matching `where` are live (a bulk delete skips them), and how many are not. */
export async function countByLiveness(db: Db, where: SQL | undefined): Promise<{ deletable: number; live: number }> {
  const [row] = rowsOf<{ deletable: string | number; live: string | number }>(
    await db.execute(
      sql`select count(*) filter (where ${notLive()}) as deletable, count(*) filter (where not ${notLive()}) as live from ${jobs} ${where ? sql`where ${where}` : sql``}`,
    ),
  );
  return { deletable: Number(row?.deletable ?? 0), live: Number(row?.live ?? 0) };
}
