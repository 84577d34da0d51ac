import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { schedules, templates } from "@/db/schema";

/** Schedules with the current name of their template (null when it is gone). */
export function selectSchedules(db: Db) {
  return db
    .select({ schedule: schedules, templateName: templates.name })
    .from(schedules)
    .leftJoin(templates, eq(templates.id, schedules.templateId))
    .$dynamic();
}

export type ScheduleWithName = Awaited<ReturnType<typeof selectSchedules>>[number];
export type ScheduleRow = typeof schedules.$inferSelect;
