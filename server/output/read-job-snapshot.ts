import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { FINAL_STATES, type JobState } from "@/lib/jobs/enums";

/** What a job's stream says of its state: the `state` event's data. */
export type JobSnapshot = { state: string; start_time: number | null; finish_time: number | null };

export const isFinalSnapshot = (s: JobSnapshot) => FINAL_STATES.includes(s.state as JobState);

/** A job's state and times, null when the job is gone. */
export async function readJobSnapshot(db: Db, id: number): Promise<JobSnapshot | null> {
  const [job] = await db.select({ state: jobs.state, start_time: jobs.startTime, finish_time: jobs.finishTime }).from(jobs).where(eq(jobs.id, id));
  return job ?? null;
}
