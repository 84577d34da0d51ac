import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobEvents } from "@/db/schema";
import { TASK_RESULT_EVENTS, TASK_START_EVENTS } from "@/lib/compare/compare-tasks";
import { isLiveState } from "@/lib/jobs/enums";
import { outlineOfRun, PLAY_START_EVENT, type JobOutline } from "@/lib/jobs/outline";
import { TASK_EVENT_COLUMNS } from "../compare/read-run-tasks";
import { getJob } from "../jobs/get-job";

/**
 * A job's plays and tasks with their times and host counts (`GET …/outline/`): only the
 * play and task starts and each host's final result are read, and of their data only the
 * keys that place a result. A job still running has its last task and play unfinished.
 */
export async function readOutline(db: Db, jobId: number): Promise<JobOutline> {
  const job = await getJob(db, jobId);
  const rows = await db
    .select({ ...TASK_EVENT_COLUMNS, created: jobEvents.created })
    .from(jobEvents)
    .where(and(eq(jobEvents.jobId, jobId), inArray(jobEvents.event, [PLAY_START_EVENT, ...TASK_START_EVENTS, ...TASK_RESULT_EVENTS])))
    .orderBy(jobEvents.seq);
  const ended = isLiveState(job.state) ? null : (job.finishTime ?? null);
  return outlineOfRun(rows, ended);
}
