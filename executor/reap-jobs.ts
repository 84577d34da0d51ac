import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

/** A worker whose heartbeat is older than this is dead. */
export const WORKER_STALE_S = 30;

const RED = "\u001b[0;31m";
const RESET = "\u001b[0m";

/**
 * Ends `error` every waiting/running job whose worker stopped beating (killed, machine
 * gone), with the reason as the last line of its output. Nothing stays running forever.
 */
export async function reapOrphanedJobs(db: Db): Promise<number[]> {
  const now = Math.floor(Date.now() / 1000);
  const stale = sql`(worker_id is null or worker_id not in (select id from workers where heartbeat_at >= ${now - WORKER_STALE_S}))`;
  const candidates = rowsOf<{ id: number; worker_id: string | null }>(
    await db.execute(sql`select id, worker_id from jobs where state in ('waiting', 'running') and ${stale}`),
  );
  const ended: number[] = [];
  for (const c of candidates) {
    const why = `作业执行器 ${c.worker_id ?? "(未知)"} 已失联（超过 ${WORKER_STALE_S} 秒没有心跳），作业被标记为错误。`;
    if (await endJob(db, Number(c.id), sql`${stale}`, "作业执行器已失联", why)) ended.push(Number(c.id));
  }
  return ended;
}

/** Ends the jobs a worker of this id held in an earlier life (it restarted). */
export async function endJobsOf(db: Db, workerId: string): Promise<number[]> {
  const held = rowsOf<{ id: number }>(
    await db.execute(sql`select id from jobs where worker_id = ${workerId} and state in ('waiting', 'running')`),
  );
  const ended: number[] = [];
  for (const h of held) {
    const why = `作业执行器 ${workerId} 在作业运行时重启，作业被标记为错误。`;
    if (await endJob(db, Number(h.id), sql`worker_id = ${workerId}`, "作业执行器重启", why)) ended.push(Number(h.id));
  }
  return ended;
}

/**
 * The reason line and the final state in one transaction, so a client streaming the
 * output never sees the job end before the line that says why.
 */
export async function endJob(db: Db, id: number, stillMatches: ReturnType<typeof sql>, explanation: string, line: string): Promise<boolean> {
  const now = Math.floor(Date.now() / 1000);
  return db.transaction(async (tx) => {
    const rows = rowsOf<{ id: number }>(
      await tx.execute(sql`
        update jobs set state = 'error', finish_time = ${now}, start_time = coalesce(start_time, ${now}), explanation = ${explanation}
        where id = ${id} and state in ('waiting', 'running') and ${stillMatches}
        returning id`),
    );
    if (rows.length === 0) return false;
    await tx.execute(sql`
      insert into job_output_lines (job_id, line_no, text)
      select ${id}, coalesce(max(line_no), 0) + 1, ${`${RED}${line}${RESET}`} from job_output_lines where job_id = ${id}`);
    return true;
  });
}
