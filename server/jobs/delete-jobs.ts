import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { isActiveState } from "@/lib/jobs/enums";
import { jobMessages } from "@/lib/jobs/job-fields";
import { Conflict } from "@/core/errors";
import { deleteJobOutput } from "@/core/jobs/delete-job-output";
import { getJob } from "./get-job";

/** DELETE of one job: a waiting or running job must be canceled first. */
export async function deleteJob(db: Db, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const job = await getJob(tx, id, { forUpdate: true });
    if (isActiveState(job.state)) throw new Conflict(jobMessages.notDeletable);
    await tx.delete(jobs).where(eq(jobs.id, id));
    await deleteJobOutput(tx, [id]);
  });
}

/** Bulk DELETE: all or nothing; ids that do not exist are skipped. */
export async function deleteJobs(db: Db, ids: number[]): Promise<void> {
  const existing = ids.filter((id) => id > 0 && id <= 2147483647);
  if (existing.length === 0) return;
  await db.transaction(async (tx) => {
    const locked = await tx.select({ id: jobs.id, state: jobs.state }).from(jobs).where(inArray(jobs.id, existing)).orderBy(jobs.id).for("update");
    const active = locked.filter((j) => isActiveState(j.state)).map((j) => j.id);
    if (active.length) throw new Conflict(jobMessages.someNotDeletable(active));
    await tx.delete(jobs).where(and(inArray(jobs.id, existing)));
    await deleteJobOutput(
      tx,
      locked.map((j) => j.id),
    );
  });
}
