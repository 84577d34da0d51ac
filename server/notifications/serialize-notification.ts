import { toNotificationRecord, type NotificationRecord } from "@/lib/contracts/notification";
import type { NotificationRow } from "./notification-row";

/** A notification without its secrets, saying only whether each is set: what a list reads. */
export type NotificationView = Omit<NotificationRow, "secret" | "smtpPassword"> & { hasSecret: boolean; hasSmtpPassword: boolean };

/** Secrets are write-only: a response only tells whether each is set. */
export function serializeNotification(row: NotificationRow | NotificationView): NotificationRecord {
  return toNotificationRecord("secret" in row ? withoutSecrets(row) : row);
}

function withoutSecrets({ secret, smtpPassword, ...rest }: NotificationRow): NotificationView {
  return { ...rest, hasSecret: Boolean(secret), hasSmtpPassword: Boolean(smtpPassword) };
}

export type { NotificationRecord };
