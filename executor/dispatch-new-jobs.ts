import { sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { rowsOf, type Db } from "@/db/client";
import { RUN_JOB_QUEUE, type RunJobMessage } from "./queue";

/** A `new` job handed to the queue but still `new` this long after is handed again. */
export const REQUEUE_AFTER_S = 60;

/**
 * The outbox of launched jobs: the web side only inserts `new` rows; every executor
 * process moves them into pg-boss (rows locked with SKIP LOCKED, so each is sent by one
 * dispatcher). Returns the ids sent.
 */
export async function dispatchNewJobs(db: Db, boss: PgBoss, limit = 50): Promise<number[]> {
  const now = Math.floor(Date.now() / 1000);
  const rows = rowsOf<{ id: number }>(
    await db.execute(sql`
      update jobs set queued_at = ${now}
      where id in (
        select id from jobs
        where state = 'new' and (queued_at is null or queued_at < ${now - REQUEUE_AFTER_S})
        order by id limit ${limit}
        for update skip locked)
      returning id`),
  );
  const ids = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  for (const id of ids) {
    const message: RunJobMessage = { jobId: id };
    await boss.send(RUN_JOB_QUEUE, message, { retryLimit: 0, expireInHours: 23 });
  }
  return ids;
}
