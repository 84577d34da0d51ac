import { and, eq, inArray, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { errorLine } from "@/db/retry";
import { jobEvents, jobOutputLines, jobs, retentionSettings, type RetentionRunResult } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { retentionMessages } from "@/lib/contracts/retention";
import { DELETE_BATCH, deleteEndedJobs } from "../jobs/delete-ended-jobs";
import { Conflict } from "../errors";
import { countRetention, readRetentionPolicy, type RetentionPolicy } from "./retention-policy";
import { readRetentionSettings, runFree, type RetentionSettingsRow } from "./retention-settings";

export type RunOptions = { batch?: number; pauseMs?: number; now?: number };

/** The counts a real run would give now, without changing anything. */
export async function dryRunRetention(db: Db, now = nowSeconds()): Promise<{ jobs: number; output_jobs: number; output_lines: number }> {
  const settings = await readRetentionSettings(db);
  return countRetention(db, await readRetentionPolicy(db, settings, now));
}

/**
 * "Run now": claims the cleanup (409 while one runs), runs it in batches, records the result.
 * Synchronous: the answer comes when the last batch has committed.
 */
export async function runRetentionNow(db: Db, opts: RunOptions = {}): Promise<RetentionRunResult> {
  const now = opts.now ?? nowSeconds();
  await readRetentionSettings(db);
  const [claimed] = await db
    .update(retentionSettings)
    .set({ runningSince: now })
    .where(and(eq(retentionSettings.id, 1), runFree(now)))
    .returning();
  if (!claimed) throw new Conflict(retentionMessages.running);
  return runClaimed(db, claimed, "manual", opts);
}

/**
 * The cleanup itself, by the process that claimed it (`running_since` set): jobs first, then
 * the output of the jobs that stay, each in transactions of `batch` jobs. A failing batch
 * stops the run; what committed stays, and the error is recorded. Releases the claim.
 */
export async function runClaimed(
  db: Db,
  settings: RetentionSettingsRow,
  trigger: RetentionRunResult["trigger"],
  opts: RunOptions = {},
): Promise<RetentionRunResult> {
  const startedAt = opts.now ?? nowSeconds();
  const result: RetentionRunResult = { trigger, started_at: startedAt, finished_at: startedAt, jobs_deleted: 0, output_jobs: 0, output_lines: 0, errors: [] };
  const beat = async () => {
    await db.update(retentionSettings).set({ runningSince: nowSeconds() }).where(eq(retentionSettings.id, 1));
    if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
  };
  try {
    const policy = await readRetentionPolicy(db, settings, startedAt);
    if (policy.deletes) result.jobs_deleted = await deleteEndedJobs(db, policy.deletes, { limit: opts.batch, onBatch: beat });
    if (policy.dropsOutput) await dropOutput(db, policy, result, opts.batch ?? DELETE_BATCH, beat);
  } catch (e) {
    result.errors.push(errorLine(e));
  }
  result.finished_at = nowSeconds();
  await db.update(retentionSettings).set({ runningSince: null, lastRun: result }).where(eq(retentionSettings.id, 1));
  return result;
}

/** Marks batches of jobs `output_purged` and deletes their lines and events; host results and reason stay. */
async function dropOutput(db: Db, policy: RetentionPolicy, result: RetentionRunResult, batch: number, beat: () => Promise<void>): Promise<void> {
  let after = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const picked = tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(policy.dropsOutput, sql`${jobs.id} > ${after}`))
        .orderBy(jobs.id)
        .limit(batch)
        .for("update", { skipLocked: true });
      const marked = await tx.update(jobs).set({ outputPurged: true }).where(inArray(jobs.id, picked)).returning({ id: jobs.id });
      const ids = marked.map((r) => r.id).sort((a, b) => a - b);
      if (ids.length === 0) return ids;
      const [lines] = rowsOf<{ n: string | number }>(
        await tx.execute(
          sql`with gone as (delete from ${jobOutputLines} where ${inArray(jobOutputLines.jobId, ids)} returning 1) select count(*) as n from gone`,
        ),
      );
      await tx.delete(jobEvents).where(inArray(jobEvents.jobId, ids));
      result.output_jobs += ids.length;
      result.output_lines += Number(lines?.n ?? 0);
      return ids;
    });
    if (done.length === 0) return;
    after = done.at(-1)!;
    await beat();
  }
}
