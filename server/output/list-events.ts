import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobEvents } from "@/db/schema";
import { lastParam } from "../drf/query-string";
import type { Page } from "../drf/pagination";
import { getJob } from "../jobs/get-job";

/** django-filter's BooleanWidget: true/false/1/0 in any case; anything else filters nothing. */
const BOOLEAN_VALUES: Record<string, boolean> = { true: true, "1": true, false: false, "0": false };

/** `event` and `host` match exactly; `failed` and `changed` read as django-filter booleans. */
export function readEventFilters(url: URL): SQL[] {
  const where: SQL[] = [];
  const value = (key: string) => lastParam(url, key)?.trim() || undefined;
  const event = value("event");
  if (event) where.push(eq(jobEvents.event, event));
  const host = value("host");
  if (host) where.push(eq(jobEvents.host, host));
  for (const [key, col] of [
    ["failed", jobEvents.failed],
    ["changed", jobEvents.changed],
  ] as const) {
    const b = BOOLEAN_VALUES[value(key)?.toLowerCase() ?? ""];
    if (b !== undefined) where.push(eq(col, b));
  }
  return where;
}

export async function listEvents(db: Db, id: number, filters: SQL[], page: Page) {
  await getJob(db, id);
  const where = and(eq(jobEvents.jobId, id), ...filters);
  const [{ count } = { count: 0 }] = await db
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(jobEvents)
    .where(where);
  const rows = await db.select().from(jobEvents).where(where).orderBy(jobEvents.seq).limit(page.limit).offset(page.offset);
  return { count, rows };
}

export function serializeEvent(e: typeof jobEvents.$inferSelect) {
  return {
    id: e.seq,
    event: e.event,
    play: e.play,
    task: e.task,
    host: e.host,
    changed: e.changed,
    failed: e.failed,
    line: e.lineNo,
    created: e.created,
    event_data: e.data,
  };
}
