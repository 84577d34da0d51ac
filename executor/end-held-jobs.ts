import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { endJob } from "./reap-jobs";

/** Why a job of this worker ends `error`: the explanation column and the output's last line. */
export type EndReason = { explanation: string; line: string };

/**
 * Ends `error` the waiting/running jobs held by this worker id except `keep` (the ones it
 * is running), with the reason as the last output line. Only for the process holding the
 * id's lease: with it, every such job is this process's own.
 */
export async function endJobsHeldBy(db: Db, workerId: string, reason: EndReason, keep: ReadonlySet<number> = new Set()): Promise<number[]> {
  const held = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.workerId, workerId), inArray(jobs.state, ["waiting", "running"])));
  const ended: number[] = [];
  for (const { id } of held) {
    if (keep.has(id)) continue;
    if (await endJob(db, id, sql`worker_id = ${workerId}`, reason.explanation, reason.line)) ended.push(id);
  }
  return ended;
}
