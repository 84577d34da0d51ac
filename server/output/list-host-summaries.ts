import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobHostSummaries } from "@/db/schema";
import type { Page } from "../drf/pagination";
import { getJob } from "../jobs/get-job";

export async function listHostSummaries(db: Db, id: number, page: Page) {
  await getJob(db, id);
  const where = eq(jobHostSummaries.jobId, id);
  const [{ count } = { count: 0 }] = await db
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(jobHostSummaries)
    .where(where);
  const rows = await db.select().from(jobHostSummaries).where(where).orderBy(jobHostSummaries.host).limit(page.limit).offset(page.offset);
  return { count, rows };
}

export function serializeHostSummary(s: typeof jobHostSummaries.$inferSelect) {
  return {
    host: s.host,
    ok: s.ok,
    changed: s.changed,
    failures: s.failures,
    unreachable: s.unreachable,
    skipped: s.skipped,
    rescued: s.rescued,
    ignored: s.ignored,
    failed: s.failures > 0 || s.unreachable > 0,
    status: s.status,
    first_failed_task: s.firstFailedTask,
    first_failed_message: s.firstFailedMessage,
  };
}
