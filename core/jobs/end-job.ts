import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
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
export async function endJob(db: Db, id: number, end: JobEnd, guard: SQL = sql`true`): Promise<boolean> {
  const now = nowSeconds();
  return db.transaction(async (tx) => {
    const rows = rowsOf<{ id: number }>(
      await tx.execute(sql`
        update jobs set state = ${end.state}, finish_time = ${now}, explanation = ${end.explanation},
          start_time = ${end.neverStarted ? sql`coalesce(start_time, ${now})` : sql`start_time`}
        where id = ${id} and state in ('waiting', 'running') and ${guard}
        returning id`),
    );
    if (rows.length === 0) return false;
    if (end.lines?.length) {
      await tx.execute(sql`
        insert into job_output_lines (job_id, line_no, text)
        select ${id}, base.n + x.i, x.t
        from (select coalesce(max(line_no), 0) as n from job_output_lines where job_id = ${id}) base,
          json_to_recordset(${JSON.stringify(end.lines.map((t, i) => ({ i: i + 1, t })))}::json) as x(i int, t text)`);
    }
    return true;
  });
}

/** A reason line as the output shows it: red. */
export const reasonLine = (text: string) => `${RED}${text}${RESET}`;
