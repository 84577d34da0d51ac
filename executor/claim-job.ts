import { and, eq, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { retryTransient } from "@/db/retry";
import { jobs } from "@/db/schema";

/**
 * The claim `new → waiting`: one conditional UPDATE, so whichever worker gets the row runs
 * it and any other copy of the message is dropped. Repeated when the connection drops; a
 * claim that committed before its answer was lost is then found as "waiting, this worker"
 * (no other process runs as this worker — its id is a lease — and the queue consumer never
 * hands one job to two slots at once).
 */
export async function claimJob(db: Db, jobId: number, workerId: string): Promise<typeof jobs.$inferSelect | undefined> {
  let attempt = 0;
  const [job] = await retryTransient(() => {
    const claimable = attempt++ === 0 ? eq(jobs.state, "new") : or(eq(jobs.state, "new"), and(eq(jobs.state, "waiting"), eq(jobs.workerId, workerId)));
    return db.update(jobs).set({ state: "waiting", workerId, progressAt: Math.floor(Date.now() / 1000) }).where(and(eq(jobs.id, jobId), claimable)).returning();
  });
  return job;
}
