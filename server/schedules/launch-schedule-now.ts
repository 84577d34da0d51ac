import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { schedules } from "@/db/schema";
import type { Actor } from "@/core/actor";
import { ValidationError } from "@/core/errors";
import { getJob } from "../jobs/get-job";
import type { JobRow } from "../jobs/serialize-job";
import { firstOrNotFound } from "../resources/find-by-id";
import { launchFromSchedule } from "@/core/schedules/fire-due-schedules";

/**
 * POST /api/job/schedule/<id>/launch/ ("run now"): the job the schedule would launch at
 * its next fire, launched now, whether the schedule is enabled or not; its timetable is
 * left as it is. The job is the caller's (`cuser`), as any launch. When nothing can be launched, the reason the fire recorded is the error.
 */
export async function launchScheduleNow(db: Db, user: Actor, id: number): Promise<JobRow> {
  const schedule = firstOrNotFound(await db.select().from(schedules).where(eq(schedules.id, id)));
  const jobId = await launchFromSchedule(db, schedule, user);
  if (jobId !== undefined) return getJob(db, jobId);
  const [after] = await db.select({ lastError: schedules.lastError }).from(schedules).where(eq(schedules.id, id));
  throw new ValidationError({ non_field_errors: [after?.lastError || "无法启动作业。"] });
}
