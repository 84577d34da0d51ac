import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { schedules } from "@/db/schema";
import { firstOrNotFound } from "../resources/find-by-id";
import { selectSchedules, type ScheduleWithName } from "./select-schedules";

export async function getSchedule(db: Db, id: number): Promise<ScheduleWithName> {
  return firstOrNotFound(await selectSchedules(db).where(eq(schedules.id, id)));
}
