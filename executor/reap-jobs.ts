import { and, gte, inArray, isNotNull, isNull, lt, not, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs, workers } from "@/db/schema";
import { ACTIVE_STATES } from "@/lib/jobs/enums";
import { explain } from "@/lib/jobs/explanations";
import { nowSeconds } from "@/lib/time";
import { endJob, reasonLine } from "@/core/jobs/end-job";
import { endJobsHeldBy } from "./end-held-jobs";

/** A worker whose heartbeat is older than this is dead. */
export const WORKER_STALE_S = 30;
/** A job its live worker has not reported progress on for this long is stuck (its output cannot be stored). */
export const JOB_STALL_S = 180;

/**
 * Ends `error` every waiting/running job whose worker stopped beating (killed, machine
 * gone), and every job whose worker beats but has not seen it make progress (a writer
 * stuck on the database), with the reason as the last line of its output. Nothing stays
 * running forever.
 *
 * With `afterRestartGrace` (a PostgreSQL server, which can restart under running workers),
 * no worker counts as lost until the server has been up for WORKER_STALE_S: the beats it
 * missed while the server was down say nothing about the worker, and a failover that took
 * a minute must not end every running job the moment the database is back.
 */
export async function reapOrphanedJobs(db: Db, opts: { afterRestartGrace?: boolean } = {}): Promise<number[]> {
  const now = nowSeconds();
  const justStarted = opts.afterRestartGrace ? sql`pg_postmaster_start_time() > now() - make_interval(secs => ${WORKER_STALE_S})` : sql`false`;
  const beating = db
    .select({ id: workers.id })
    .from(workers)
    .where(gte(workers.heartbeatAt, now - WORKER_STALE_S));
  const stale = or(isNull(jobs.workerId), and(not(justStarted), notInArray(jobs.workerId, beating)))!;
  const stalled = and(isNotNull(jobs.progressAt), lt(jobs.progressAt, now - JOB_STALL_S))!;
  const candidates = await db
    .select({ id: jobs.id, workerId: jobs.workerId, lost: sql<boolean>`${stale}` })
    .from(jobs)
    .where(and(inArray(jobs.state, [...ACTIVE_STATES]), or(stale, stalled)));
  const ended: number[] = [];
  for (const c of candidates) {
    const why = c.lost ? explain.executorLost(c.workerId, WORKER_STALE_S) : explain.stalled(c.workerId, JOB_STALL_S);
    const guard = c.lost ? stale : stalled;
    if (await endJob(db, c.id, { state: "error", explanation: why, lines: [reasonLine(why)], neverStarted: true }, guard)) ended.push(c.id);
  }
  return ended;
}

/** Ends the jobs a worker of this id held in an earlier life (it restarted; it holds the id's lease now). */
export function endJobsOf(db: Db, workerId: string): Promise<number[]> {
  return endJobsHeldBy(db, workerId, explain.executorRestarted(workerId));
}
