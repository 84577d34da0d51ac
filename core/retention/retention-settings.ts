import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { retentionSettings } from "@/db/schema";
import { nextRunAfter } from "@/lib/schedules/cron";
import { DEFAULT_TIMEZONE } from "@/lib/schedules/zone-time";

export type RetentionSettingsRow = typeof retentionSettings.$inferSelect;

/** The policy's one row (made again if a reset emptied the table). */
export async function readRetentionSettings(db: Db, opts: { forUpdate?: boolean } = {}): Promise<RetentionSettingsRow> {
  await db.insert(retentionSettings).values({ id: 1 }).onConflictDoNothing();
  const q = db.select().from(retentionSettings).where(eq(retentionSettings.id, 1));
  const [row] = opts.forUpdate ? await q.for("update") : await q;
  return row!;
}

/** The daily run's next time after `now`: `run_at` ("HH:MM") in Asia/Shanghai. */
export function nextDailyRun(runAt: string, now: number): number | null {
  const [hh, mm] = runAt.split(":").map(Number);
  return nextRunAfter(`${mm} ${hh} * * *`, DEFAULT_TIMEZONE, now);
}

/** A cleanup whose heartbeat is older than this died with its process: another may start. */
export const STALE_RUN_S = 600;

/** `running_since` free (or stale) — the condition of every claim. */
export const runFree = (now: number) => sql`(${retentionSettings.runningSince} is null or ${retentionSettings.runningSince} < ${now - STALE_RUN_S})`;
