import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";
import { firstOrNotFound } from "../resources/find-by-id";
import type { NotificationRow } from "./notification-row";

export async function getNotification(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<NotificationRow> {
  const q = db.select().from(notifications).where(eq(notifications.id, id));
  return firstOrNotFound(opts.forUpdate ? await q.for("update") : await q);
}
