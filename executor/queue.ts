import PgBoss from "pg-boss";
import type { PGlite } from "@electric-sql/pglite";
import type { Database } from "@/db/client";

export const RUN_JOB_QUEUE = "run-job";

export type RunJobMessage = { jobId: number };

/**
 * pg-boss on the application's own database. On PostgreSQL it opens a small pool of its
 * own; on embedded PGlite it shares the single connection through an adapter (pg-boss's
 * setup SQL has several statements, which only PGlite's `exec` accepts).
 */
export async function startQueue(database: Database): Promise<PgBoss> {
  const common = { schema: "pgboss", supervise: true, schedule: true, migrate: true } as const;
  const boss = database.url
    ? new PgBoss({ ...common, connectionString: database.url, max: 4, application_name: "zuoye-executor" })
    : new PgBoss({ ...common, db: pgliteAdapter(database.pglite!) });
  boss.on("error", (e) => console.error("[queue] pg-boss error:", e.message));
  await boss.start();
  // retryLimit 0: a job runs at most once; a lost message is re-sent by the dispatcher
  await boss.createQueue(RUN_JOB_QUEUE, { name: RUN_JOB_QUEUE, retryLimit: 0, expireInHours: 23 });
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
