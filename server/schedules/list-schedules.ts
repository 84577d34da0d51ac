import type { Db } from "@/db/client";
import { schedules } from "@/db/schema";
import { listResource } from "../resources/list-resource";
import { SCHEDULE_ORDERABLE } from "./schedule-fields";
import { selectSchedules } from "./select-schedules";

export async function listSchedules(db: Db, url: URL) {
  return listResource(
    db,
    {
      table: schedules,
      orderable: SCHEDULE_ORDERABLE,
      name: schedules.name,
      search: [schedules.name, schedules.description],
      idFilters: { template: schedules.templateId },
      select: selectSchedules,
    },
    url,
  );
}
