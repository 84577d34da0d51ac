import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { ACTIVE_STATES } from "@/lib/jobs/enums";
import { endJob, reasonLine, type JobEnd } from "@/core/jobs/end-job";

/**
 * Ends `error` the waiting/running jobs held by this worker id except `keep` (the ones it
 * is running), with `why` as their explanation and last output line. Only for the process
 * holding the id's lease: with it, every such job is this process's own (or an earlier
 * life's).
 */
export async function endJobsHeldBy(db: Db, workerId: string, why: string, keep: ReadonlySet<number> = new Set()): Promise<number[]> {
  const held = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.workerId, workerId), inArray(jobs.state, [...ACTIVE_STATES])));
  const ended: number[] = [];
  for (const { id } of held) {
    if (keep.has(id)) continue;
    const end: JobEnd = { state: "error", explanation: why, lines: [reasonLine(why)], neverStarted: true };
    if (await endJob(db, id, end, sql`worker_id = ${workerId}`)) ended.push(id);
  }
  return ended;
}
