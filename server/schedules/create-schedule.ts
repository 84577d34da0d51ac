import type { Db } from "@/db/client";
import { schedules } from "@/db/schema";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { nowSeconds } from "@/lib/time";
import { DEFAULT_TIMEZONE } from "@/lib/schedules/zone-time";
import type { Actor } from "@/core/actor";
import { assertValid } from "@/core/errors";
import { getSchedule } from "./get-schedule";
import { SCHEDULE_FIELDS } from "./schedule-fields";
import { scheduleColumns } from "./schedule-row";
import type { ScheduleWithName } from "./select-schedules";

export async function createSchedule(db: Db, user: Actor, source: FieldSource): Promise<ScheduleWithName> {
  const { values, errors } = parseFields(SCHEDULE_FIELDS, source);
  return db.transaction(async (tx) => {
    const columns = await scheduleColumns(tx, values, undefined, errors);
    assertValid(errors);
    const [created] = await tx
      .insert(schedules)
      .values({
        timezone: DEFAULT_TIMEZONE,
        ...columns,
        name: columns.name!,
        templateId: columns.templateId!,
        cron: columns.cron!,
        ownerId: user.id,
        ctime: nowSeconds(),
      })
      .returning({ id: schedules.id });
    return getSchedule(tx, created!.id);
  });
}
