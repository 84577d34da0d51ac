import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobOutputLines, jobs } from "@/db/schema";
import { names } from "@/db/sql-names";
import { ACTIVE_STATES } from "@/lib/jobs/enums";
import { nowSeconds } from "@/lib/time";

export const RED = "\u001b[0;31m";
export const RESET = "\u001b[0m";

export type JobEnd = {
  state: "successful" | "failed" | "canceled" | "error";
  /** the API's `explanation`: why it ended so ("" for a plain success) */
  explanation: string;
  /** lines to add after everything stored, in one transaction with the state */
  lines?: string[];
  /** the job never reached `running`: its start time becomes its end time */
  neverStarted?: boolean;
};

/**
 * Ends a waiting or running job that still matches `guard` (held by this worker, its
 * worker stale …): final state, finish time, explanation, and the lines that say why,
 * numbered after the last stored line, in one transaction — a client streaming the
 * output never sees the job end before the line that says why. False when the job had
 * ended already or no longer matches.
 */
export async function endJob(db: Db, id: number, end: JobEnd, guard?: SQL): Promise<boolean> {
  const now = nowSeconds();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(jobs)
      .set({
        state: end.state,
        finishTime: now,
        explanation: end.explanation,
        ...(end.neverStarted ? { startTime: sql`coalesce(${jobs.startTime}, ${now})` } : {}),
      })
      .where(and(eq(jobs.id, id), inArray(jobs.state, [...ACTIVE_STATES]), guard))
      .returning({ id: jobs.id });
    if (rows.length === 0) return false;
    if (end.lines?.length) {
      const L = jobOutputLines;
      await tx.execute(sql`
        insert into ${L} (${names(L.jobId, L.lineNo, L.text)})
        select ${id}, base.n + x.i, x.t
        from (select coalesce(max(${L.lineNo}), 0) as n from ${L} where ${L.jobId} = ${id}) base,
          json_to_recordset(${JSON.stringify(end.lines.map((t, i) => ({ i: i + 1, t })))}::json) as x(i int, t text)`);
    }
    return true;
  });
}

/** A reason line as the output shows it: red. */
export const reasonLine = (text: string) => `${RED}${text}${RESET}`;
