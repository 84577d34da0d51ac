import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

/** A worker whose heartbeat is older than this is dead. */
export const WORKER_STALE_S = 30;

const explain = (worker: string | null) =>
  `作业执行器 ${worker ?? "(未知)"} 已失联（超过 ${WORKER_STALE_S} 秒没有心跳），作业被标记为错误。`;

/**
 * Ends `error` every waiting/running job whose worker stopped beating (killed, machine
 * gone), with the reason as the last line of its output. Nothing stays running forever.
 */
export async function reapOrphanedJobs(db: Db): Promise<number[]> {
  const now = Math.floor(Date.now() / 1000);
  const rows = rowsOf<{ id: number; worker_id: string | null }>(
    await db.execute(sql`
      update jobs set state = 'error', finish_time = ${now},
        start_time = coalesce(start_time, ${now}),
        explanation = '作业执行器已失联'
      where state in ('waiting', 'running')
        and (worker_id is null or worker_id not in (select id from workers where heartbeat_at >= ${now - WORKER_STALE_S}))
      returning id, worker_id`),
  );
  for (const r of rows) await appendLine(db, Number(r.id), explain(r.worker_id));
  return rows.map((r) => Number(r.id));
}

/** Ends the jobs a worker of this id held in an earlier life (it restarted). */
export async function endJobsOf(db: Db, workerId: string): Promise<number[]> {
  const now = Math.floor(Date.now() / 1000);
  const rows = rowsOf<{ id: number }>(
    await db.execute(sql`
      update jobs set state = 'error', finish_time = ${now}, start_time = coalesce(start_time, ${now}),
        explanation = '作业执行器重启'
      where worker_id = ${workerId} and state in ('waiting', 'running')
      returning id`),
  );
  for (const r of rows) await appendLine(db, Number(r.id), `作业执行器 ${workerId} 在作业运行时重启，作业被标记为错误。`);
  return rows.map((r) => Number(r.id));
}

async function appendLine(db: Db, jobId: number, text: string): Promise<void> {
  await db.execute(sql`
    insert into job_output_lines (job_id, line_no, text)
    select ${jobId}, coalesce(max(line_no), 0) + 1, ${`\u001b[0;31m${text}\u001b[0m`} from job_output_lines where job_id = ${jobId}`);
}
