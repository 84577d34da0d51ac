import { count, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationDeliveries } from "@/db/schema";
import type { DeliveryRecord } from "@/lib/contracts/notification";
import type { Page } from "../drf/pagination";
import { getNotification } from "./get-notification";
import { serializeDelivery } from "./serialize-delivery";

/** A notification's delivery log, newest attempt first, a page at a time. */
export async function listDeliveries(db: Db, id: number, page: Page): Promise<{ count: number; rows: DeliveryRecord[] }> {
  await getNotification(db, id);
  const D = notificationDeliveries;
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(D).where(eq(D.notificationId, id)),
    db.select().from(D).where(eq(D.notificationId, id)).orderBy(desc(D.id)).limit(page.limit).offset(page.offset),
  ]);
  return { count: Number(total?.n ?? 0), rows: rows.map(serializeDelivery) };
}
