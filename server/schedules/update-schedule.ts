import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { schedules } from "@/db/schema";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import type { Actor } from "@/core/actor";
import { assertValid } from "@/core/errors";
import { firstOrNotFound } from "../resources/find-by-id";
import { getSchedule } from "./get-schedule";
import { SCHEDULE_FIELDS } from "./schedule-fields";
import { scheduleColumns } from "./schedule-row";
import type { ScheduleWithName } from "./select-schedules";

/**
 * PUT (`partial: false`: name, template and cron must be sent) and PATCH. The user who
 * changes a schedule becomes its owner: its timed fires run as them from then on, so
 * an edit never launches jobs in the name of someone who did not make it.
 */
export async function updateSchedule(db: Db, user: Actor, id: number, source: FieldSource, opts: { partial: boolean }): Promise<ScheduleWithName> {
  const { values, errors } = parseFields(SCHEDULE_FIELDS, source, opts);
  return db.transaction(async (tx) => {
    const current = firstOrNotFound(await tx.select().from(schedules).where(eq(schedules.id, id)).for("update"));
    const columns = await scheduleColumns(tx, values, current, errors);
    assertValid(errors);
    if (Object.keys(columns).length > 0)
      await tx
        .update(schedules)
        .set({ ...columns, ownerId: user.id })
        .where(eq(schedules.id, id));
    return getSchedule(tx, id);
  });
}
