import { and, eq, exists, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs, workers } from "@/db/schema";
import { ACTIVE_STATES } from "@/lib/jobs/enums";
import { endJob, reasonLine, type JobEnd } from "@/core/jobs/end-job";

/**
 * Ends `error` the waiting/running jobs held by this worker id except `keep` (the ones it
 * is running), with `why` as their explanation and last output line. Only for the process
 * holding the id's lease: with it, every such job is this process's own (or an earlier
 * life's). With `instance`, each job is ended only while that instance still holds the
 * lease, checked in the ending statement itself: a process that lost its id in the
 * meantime leaves the new holder's jobs alone.
 */
export async function endJobsHeldBy(db: Db, workerId: string, why: string, keep: ReadonlySet<number> = new Set(), instance?: string): Promise<number[]> {
  const held = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.workerId, workerId), inArray(jobs.state, [...ACTIVE_STATES])));
  const ended: number[] = [];
  for (const { id } of held) {
    if (keep.has(id)) continue;
    const end: JobEnd = { state: "error", explanation: why, lines: [reasonLine(why)], neverStarted: true };
    const holds =
      instance === undefined
        ? undefined
        : exists(
            db
              .select({ one: sql`1` })
              .from(workers)
              .where(and(eq(workers.id, workerId), eq(workers.instance, instance))),
          );
    if (await endJob(db, id, end, and(eq(jobs.workerId, workerId), holds))) ended.push(id);
  }
  return ended;
}
