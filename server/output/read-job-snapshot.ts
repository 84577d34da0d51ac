import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { FINAL_STATES, type JobState } from "@/lib/jobs/enums";
import type { QueueReason } from "@/lib/jobs/queue-place";
import { readQueuePlaces } from "../jobs/read-queue-places";

/** What a job's stream says of its state: the `state` event's data; a `pending` job's also its queue place. */
export type JobSnapshot = {
  state: string;
  start_time: number | null;
  finish_time: number | null;
  queue_position?: number | null;
  queue_reason?: QueueReason | null;
  queue_limit?: number | null;
};

export const isFinalSnapshot = (s: JobSnapshot) => FINAL_STATES.includes(s.state as JobState);

/** A job's state and times, null when the job is gone. */
export async function readJobSnapshot(db: Db, id: number): Promise<JobSnapshot | null> {
  const [job] = await db.select({ state: jobs.state, start_time: jobs.startTime, finish_time: jobs.finishTime }).from(jobs).where(eq(jobs.id, id));
  if (job?.state !== "pending") return job ?? null;
  const place = (await readQueuePlaces(db, [{ id, state: job.state }])).get(id);
  return { ...job, queue_position: place?.queuePosition ?? null, queue_reason: place?.queueReason ?? null, queue_limit: place?.queueLimit ?? null };
}
