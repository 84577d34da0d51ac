import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobEvents } from "@/db/schema";
import { TASK_RESULT_EVENTS, TASK_START_EVENTS, tasksOfRun, type RunTask } from "@/lib/compare/compare-tasks";

/** An event's columns that place a task's start or a host's result (of its data, only the keys that do). */
export const TASK_EVENT_COLUMNS = {
  event: jobEvents.event,
  play: jobEvents.play,
  task: jobEvents.task,
  host: jobEvents.host,
  changed: jobEvents.changed,
  uuid: sql<string | null>`coalesce(${jobEvents.data} ->> 'task_uuid', ${jobEvents.data} ->> 'uuid')`,
  ignoreErrors: sql<boolean>`coalesce((${jobEvents.data} ->> 'ignore_errors') = 'true', false)`,
  rescued: sql<boolean>`coalesce((${jobEvents.data} ->> 'rescued') = 'true', false)`,
};

/**
 * A job's tasks and their per-host results from its events: only task starts and each
 * host's final result are read, and of their data only the keys that place them.
 */
export async function readRunTasks(db: Db, jobId: number): Promise<RunTask[]> {
  const rows = await db
    .select({ ...TASK_EVENT_COLUMNS, path: sql<string | null>`${jobEvents.data} ->> 'path'` })
    .from(jobEvents)
    .where(and(eq(jobEvents.jobId, jobId), inArray(jobEvents.event, [...TASK_START_EVENTS, ...TASK_RESULT_EVENTS])))
    .orderBy(jobEvents.seq);
  return tasksOfRun(rows);
}
