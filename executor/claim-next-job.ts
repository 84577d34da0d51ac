import { and, asc, eq, exists, notInArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs, workers } from "@/db/schema";
import { nowSeconds } from "@/lib/time";

export type ClaimedJob = typeof jobs.$inferSelect;

/** The worker id and the token of the process holding it (`workers.instance`). */
export type ClaimLease = { workerId: string; instance: string };

/**
 * The queue is the jobs table: takes the oldest `new` job (`new → waiting`, this worker)
 * in one statement. SKIP LOCKED lets workers claim side by side, each row exactly once,
 * and a launch is claimable the moment its INSERT commits. Only while `lease` still holds
 * the worker id: a process that lost its id takes nothing more.
 *
 * `recover` (the ids this process runs) instead takes back a `waiting` job of this worker
 * that runs in none of them: the one whose claim committed while its answer was lost.
 */
export async function claimNextJob(db: Db, lease: ClaimLease, recover?: ReadonlySet<number>): Promise<ClaimedJob | undefined> {
  const holdsLease = exists(
    db
      .select({ one: sql`1` })
      .from(workers)
      .where(and(eq(workers.id, lease.workerId), eq(workers.instance, lease.instance))),
  );
  const wanted: SQL[] = recover
    ? [eq(jobs.state, "waiting"), eq(jobs.workerId, lease.workerId), ...(recover.size ? [notInArray(jobs.id, [...recover])] : [])]
    : [eq(jobs.state, "new")];
  const next = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(...wanted, holdsLease))
    .orderBy(asc(jobs.id))
    .limit(1)
    .for("update", { skipLocked: true });
  const [job] = await db
    .update(jobs)
    .set({ state: "waiting", workerId: lease.workerId, progressAt: nowSeconds() })
    .where(and(eq(jobs.id, sql`(${next})`), ...wanted))
    .returning();
  return job;
}
