import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { retentionSettings, type RetentionRunResult } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { nextDailyRun, readRetentionSettings, runFree } from "./retention-settings";
import { runClaimed, type RunOptions } from "./run-retention";

/**
 * One tick of the daily cleanup, safe in every process at once: the run is claimed by the
 * compare-and-set that moves `next_run_at` to tomorrow and sets `running_since`, so one
 * process runs it. While a "run now" is in progress the due run waits for the next tick.
 * A run missed while everything was down runs once, then continues at the set time.
 */
export async function runDueRetention(db: Db, now = nowSeconds(), opts: RunOptions = {}): Promise<RetentionRunResult | undefined> {
  const s = await readRetentionSettings(db);
  if (!s.enabled) return undefined;
  const next = nextDailyRun(s.runAt, now);
  if (s.nextRunAt === null) {
    await db
      .update(retentionSettings)
      .set({ nextRunAt: next })
      .where(and(eq(retentionSettings.id, 1), isNull(retentionSettings.nextRunAt)));
    return undefined;
  }
  if (s.nextRunAt > now) return undefined;
  const [claimed] = await db
    .update(retentionSettings)
    .set({ nextRunAt: next, runningSince: now })
    .where(and(eq(retentionSettings.id, 1), eq(retentionSettings.enabled, true), eq(retentionSettings.nextRunAt, s.nextRunAt), runFree(now)))
    .returning();
  if (!claimed) return undefined;
  return runClaimed(db, claimed, "schedule", { ...opts, now });
}
