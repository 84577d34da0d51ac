import { toScheduleRecord, type ScheduleRecord } from "@/lib/contracts/schedule";
import type { ScheduleWithName } from "./select-schedules";

export type { ScheduleRecord };

/** `next_run` is computed now from the cron and zone: null while the schedule is disabled. */
export function serializeSchedule({ schedule, ...joined }: ScheduleWithName): ScheduleRecord {
  return toScheduleRecord({ ...schedule, ...joined });
}
