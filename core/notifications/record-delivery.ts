import type { Db } from "@/db/client";
import { notificationDeliveries } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import type { DeliveryEvent } from "./compose-message";
import type { SendResult } from "./send-notification";

export type DeliveryRow = typeof notificationDeliveries.$inferSelect;

/** One line of a notification's delivery log. */
export async function recordDelivery(
  db: Db,
  attempt: { notificationId: number; jobId: number | null; event: DeliveryEvent; attempt: number; result: SendResult; retryAt: number | null },
): Promise<DeliveryRow> {
  const [row] = await db
    .insert(notificationDeliveries)
    .values({
      notificationId: attempt.notificationId,
      jobId: attempt.jobId,
      event: attempt.event,
      attempt: attempt.attempt,
      status: attempt.result.ok ? "ok" : "failed",
      responseCode: attempt.result.responseCode,
      error: attempt.result.error,
      retryAt: attempt.retryAt,
      time: nowSeconds(),
    })
    .returning();
  return row!;
}
