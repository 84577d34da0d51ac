import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";
import { deleteById } from "../resources/delete-by-id";

/** Its delivery log and the deliveries still queued go with it (foreign keys, on delete cascade). */
export async function deleteNotification(db: Db, id: number): Promise<void> {
  await deleteById(db, notifications, notifications.id, id);
}
