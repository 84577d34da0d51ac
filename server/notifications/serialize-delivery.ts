import type { DeliveryRecord } from "@/lib/contracts/notification";
import type { DeliveryRow } from "@/core/notifications/record-delivery";

export function serializeDelivery(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    notification: row.notificationId,
    job: row.jobId,
    event: row.event as DeliveryRecord["event"],
    attempt: row.attempt,
    status: row.status,
    response_code: row.responseCode,
    error: row.error,
    retry_at: row.retryAt,
    time: row.time,
  };
}
