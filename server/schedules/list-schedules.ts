import type { Db } from "@/db/client";
import { schedules } from "@/db/schema";
import { listResource } from "../resources/list-resource";
import { SCHEDULE_LIST } from "./schedule-fields";
import { selectSchedules } from "./select-schedules";

export async function listSchedules(db: Db, url: URL) {
  return listResource(db, schedules, SCHEDULE_LIST, selectSchedules, url);
}
