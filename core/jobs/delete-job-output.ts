import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobEvents, jobHostSummaries, jobOutputLines } from "@/db/schema";

/** Removes what the executor stored for these jobs; call inside the job deletion's transaction. */
export async function deleteJobOutput(tx: Db, jobIds: number[]): Promise<void> {
  if (jobIds.length === 0) return;
  await tx.delete(jobOutputLines).where(inArray(jobOutputLines.jobId, jobIds));
  await tx.delete(jobEvents).where(inArray(jobEvents.jobId, jobIds));
  await tx.delete(jobHostSummaries).where(inArray(jobHostSummaries.jobId, jobIds));
}
