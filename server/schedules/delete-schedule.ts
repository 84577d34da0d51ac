import type { Db } from "@/db/client";
import { schedules } from "@/db/schema";
import { deleteById } from "../resources/delete-by-id";

/** Jobs the schedule launched keep its id and name. */
export async function deleteSchedule(db: Db, id: number): Promise<void> {
  await deleteById(db, schedules, schedules.id, id);
}
