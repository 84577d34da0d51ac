import { and, asc, eq, exists, notExists, notInArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inventories, jobs, templates, workers } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { HAS_ROOM, LIMITED_CLAIM_LOCK } from "@/core/jobs/queue-limits";

export type ClaimedJob = typeof jobs.$inferSelect;

/** The worker id and the token of the process holding it (`workers.instance`). */
export type ClaimLease = { workerId: string; instance: string };

/**
 * The queue is the jobs table: takes the oldest `new` job (`new → waiting`, this worker)
 * in one statement. SKIP LOCKED lets workers claim side by side, each row exactly once,
 * and a launch is claimable the moment its INSERT commits. Only while `lease` still holds
 * the worker id: a process that lost its id takes nothing more.
 *
 * A job whose template or inventory limits how many run at once, or any job while some
 * wait `pending`, goes through `claimLimitedJob` instead (oldest first, under a lock).
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
  // The oldest `new` job is taken here only when nothing limits it and nothing waits `pending`
  // (which may have gained a slot and is older): one index probe each, no lock.
  const unlimited = recover ? [] : [notExists(limitingTemplate(db)), notExists(limitingInventory(db)), notExists(pendingJob(db))];
  const [job] = await db
    .update(jobs)
    .set({ state: "waiting", workerId: lease.workerId, progressAt: nowSeconds() })
    .where(and(eq(jobs.id, sql`(${next})`), ...wanted, ...unlimited))
    .returning();
  if (job || recover) return job;
  return claimLimitedJob(db, lease);
}

const limitingTemplate = (db: Db) =>
  db
    .select({ one: sql`1` })
    .from(templates)
    .where(and(eq(templates.id, jobs.templateId), sql`(not ${templates.allowSimultaneous} or ${templates.maxConcurrentJobs} > 0)`));
const limitingInventory = (db: Db) =>
  db
    .select({ one: sql`1` })
    .from(inventories)
    .where(and(eq(inventories.id, jobs.inventoryId), sql`${inventories.maxConcurrentJobs} > 0`));
const pendingJob = (db: Db) =>
  db
    .select({ one: sql`1` })
    .from(jobs)
    .where(eq(jobs.state, "pending"));

/**
 * Claims the oldest queued job (`new` or `pending`) whose template and inventory both have a
 * free slot, then marks the `new` jobs that have none `pending`. Counting the slots and
 * claiming must be one step across every worker, or two workers could each see the last
 * free slot: they take one transaction-scoped advisory lock first. One lock rather than
 * locking the template and inventory rows: a job may be limited by both, the scan passes
 * jobs of several templates (row locks in scan order could deadlock with each other and
 * with edits of those rows), and an advisory lock works alike on PGlite. It serialises
 * only these claims (a few ms); jobs nothing limits are claimed above without it. No SKIP
 * LOCKED here: the oldest job must not be passed because the claim above, or a cancel, holds
 * its row for an instant; holding the lock, this claim competes with no other.
 */
async function claimLimitedJob(db: Db, lease: ClaimLease): Promise<ClaimedJob | undefined> {
  return db.transaction(async (tx) => {
    await tx.execute(LIMITED_CLAIM_LOCK);
    const holdsLease = sql`exists (select 1 from ${workers} w where w.id = ${lease.workerId} and w.instance = ${lease.instance})`;
    const [claimed] = await tx
      .update(jobs)
      .set({ state: "waiting", workerId: lease.workerId, progressAt: nowSeconds() })
      .where(
        and(
          sql`${jobs.id} = (select j.id from ${jobs} j where j.state in ('new', 'pending') and ${holdsLease} and ${HAS_ROOM}
            order by j.id limit 1 for update of j)`,
          sql`${jobs.state} in ('new', 'pending')`,
        ),
      )
      .returning();
    await tx.execute(sql`update ${jobs} set state = 'pending'
      where id in (select j.id from ${jobs} j where j.state = 'new' and ${holdsLease} and not ${HAS_ROOM}) and state = 'new'`);
    if (claimed) {
      // the places of the jobs queued behind it moved up: their pages follow (jobs_notify_change covers the rest)
      await tx.execute(sql`select pg_notify('zuoye_job', id::text) from ${jobs}
        where state = 'pending' and (template_id = ${claimed.templateId} or inventory_id = ${claimed.inventoryId})`);
    }
    return claimed;
  });
}
