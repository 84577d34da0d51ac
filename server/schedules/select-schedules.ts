import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs, schedules, templates } from "@/db/schema";
import { lastJobOf } from "../jobs/last-job-of";

/** Schedules with the current name of their template (null when it is gone) and their newest job. */
export function selectSchedules(db: Db) {
  const last = lastJobOf(db, jobs.scheduleId, schedules.id);
  return db
    .select({ schedule: schedules, templateName: templates.name, lastJobId: last.lastJobId, lastJobState: last.lastJobState, lastJobTime: last.lastJobTime })
    .from(schedules)
    .leftJoin(templates, eq(templates.id, schedules.templateId))
    .leftJoinLateral(last, sql`true`)
    .$dynamic();
}

export type ScheduleWithName = Awaited<ReturnType<typeof selectSchedules>>[number];
export type ScheduleRow = typeof schedules.$inferSelect;
