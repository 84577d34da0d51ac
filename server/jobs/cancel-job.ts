import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { isActiveState, QUEUED_STATES } from "@/lib/jobs/enums";
import { explain } from "@/lib/jobs/explanations";
import { jobMessages } from "@/lib/jobs/job-fields";
import { nowSeconds } from "@/lib/time";
import type { Actor } from "@/core/actor";
import { Conflict } from "@/core/errors";
import { getJob } from "./get-job";
import type { JobRow } from "./serialize-job";

/**
 * POST .../cancel/: a job no worker has claimed yet (`new`, or `pending` behind a limit) ends `canceled` at once; a waiting or
 * running one gets `cancel_requested`, which its worker watches and acts on. Who asked,
 * and when, is kept: the job's explanation names them.
 */
export async function cancelJob(db: Db, user: Actor, id: number): Promise<JobRow> {
  const by = { canceledBy: user.id, canceledAt: nowSeconds() };
  return db.transaction(async (tx) => {
    // Conditional on being queued, so a worker's concurrent claim (→ waiting) wins or loses whole.
    const [canceled] = await tx
      .update(jobs)
      .set({
        state: "canceled",
        finishTime: by.canceledAt,
        cancelRequested: true,
        ...by,
        explanation: explain.canceled(user.displayName || user.username, by.canceledAt),
      })
      .where(and(eq(jobs.id, id), inArray(jobs.state, [...QUEUED_STATES])))
      .returning();
    if (canceled) return canceled;
    const job = await getJob(tx, id, { forUpdate: true });
    if (!isActiveState(job.state)) throw new Conflict(jobMessages.notCancelable);
    if (job.cancelRequested) return job;
    const [requested] = await tx
      .update(jobs)
      .set({ cancelRequested: true, ...by })
      .where(eq(jobs.id, id))
      .returning();
    return requested!;
  });
}
