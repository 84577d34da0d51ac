import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { compareMessages } from "@/lib/compare/messages";
import type { CompareCandidates } from "@/lib/contracts/job-compare";
import { getJob } from "../jobs/get-job";
import { serializeJob } from "../jobs/serialize-job";

/**
 * The newest successful run of the same template created before this job (a lower id):
 * one step down `jobs_template_state_id_idx`. None: why, as `last_successful_error`.
 */
export async function findLastSuccessful(db: Db, id: number): Promise<CompareCandidates> {
  const job = await getJob(db, id);
  if (job.templateId === null) return { last_successful: null, last_successful_error: compareMessages.noTemplate };
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.templateId, job.templateId), eq(jobs.state, "successful"), lt(jobs.id, id)))
    .orderBy(desc(jobs.id))
    .limit(1);
  if (!row) return { last_successful: null, last_successful_error: compareMessages.noEarlierSuccess(job.templateName ?? String(job.templateId)) };
  return { last_successful: serializeJob(row), last_successful_error: null };
}
