import { and, eq, gt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobEvents, jobHostSummaries } from "@/db/schema";

const isFalsy = (key: "ignore_errors" | "rescued") =>
  sql`coalesce(${jobEvents.data} -> ${sql.raw(`'${key}'`)}, 'null'::jsonb) in ('null'::jsonb, 'false'::jsonb, '0'::jsonb, '""'::jsonb)`;

/**
 * A runner failure that made its host fail: not ignored (ignore_errors missing or falsy)
 * and not caught by a block's rescue (`rescued`, recorded by the callback plugin); or an
 * unreachable host.
 */
export const failedEvent = sql`(${jobEvents.event} = 'runner_on_unreachable' or (${jobEvents.event} = 'runner_on_failed'
  and ${isFalsy("ignore_errors")} and ${isFalsy("rescued")}))`;

/**
 * The hosts of a job that failed or were unreachable, sorted by code point. Read from the
 * host summaries; a job without any (stopped before its stats) falls back to its runner
 * events, where a failure with `ignore_errors` or rescued does not count.
 */
export async function listFailedHosts(db: Db, jobId: number): Promise<string[]> {
  const summaries = await db
    .select({ host: jobHostSummaries.host, failed: sql<boolean>`${or(gt(jobHostSummaries.failures, 0), gt(jobHostSummaries.unreachable, 0))}` })
    .from(jobHostSummaries)
    .where(eq(jobHostSummaries.jobId, jobId));
  let hosts: string[];
  if (summaries.length > 0) hosts = summaries.filter((s) => s.failed).map((s) => s.host);
  else {
    const rows = await db
      .selectDistinct({ host: jobEvents.host })
      .from(jobEvents)
      .where(and(eq(jobEvents.jobId, jobId), sql`${jobEvents.host} <> ''`, failedEvent));
    hosts = rows.map((r) => r.host);
  }
  return hosts.sort();
}
