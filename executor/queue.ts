import PgBoss from "pg-boss";
import type { PGlite } from "@electric-sql/pglite";
import type { Database } from "@/db/client";
import { logError } from "@/lib/log/log-error";

export const RUN_JOB_QUEUE = "run-job";

export type RunJobMessage = { jobId: number };

/**
 * pg-boss on the application's own database. On PostgreSQL it opens a small pool of its
 * own; on embedded PGlite it shares the single connection through an adapter (pg-boss's
 * setup SQL has several statements, which only PGlite's `exec` accepts). Its cron is off
 * (schedules are ours); its pool's connection errors arrive as `error` events, logged.
 */
export async function startQueue(database: Database): Promise<PgBoss> {
  const common = { schema: "pgboss", supervise: true, schedule: false, migrate: true } as const;
  const boss = database.url
    ? new PgBoss({ ...common, connectionString: database.url, max: 4, application_name: "zuoye-executor" })
    : new PgBoss({ ...common, db: pgliteAdapter(database.pglite!) });
  boss.on("error", (e) => logError("[queue] pg-boss error:", e.message));
  await boss.start();
  await ensureQueue(boss);
  return boss;
}

function pgliteAdapter(pg: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length) return (await pg.query(text, values)) as { rows: unknown[] };
      try {
        const results = await pg.exec(text);
        return (results.at(-1) ?? { rows: [] }) as { rows: unknown[] };
      } catch (e) {
        // a failed multi-statement script leaves the one connection inside an aborted transaction
        await pg.exec("ROLLBACK").catch(() => {});
        throw e;
      }
    },
  };
}

/**
 * Creates the run-job queue unless it exists. Several processes starting at once on a
 * new database race in pg-boss's createQueue (seen: "deadlock detected"): the loser
 * retries, and finds the queue there.
 */
async function ensureQueue(boss: PgBoss): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (await boss.getQueue(RUN_JOB_QUEUE)) return;
      // retryLimit 0: a job runs at most once; a lost message is re-sent by the dispatcher
      await boss.createQueue(RUN_JOB_QUEUE, { name: RUN_JOB_QUEUE, retryLimit: 0, expireInHours: 23 });
      return;
    } catch (e) {
      if (attempt >= 8) throw e;
      await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 200));
    }
  }
}
