import type { notifications } from "@/db/schema";
import type { NotificationKind } from "@/lib/contracts/notification";
import type { SecretBox } from "../crypto/secret-box";
import type { NotificationTarget } from "./send-notification";

/** A stored notification as a sender needs it: its secrets decrypted, for this send only. */
export function openTarget(row: typeof notifications.$inferSelect, box: SecretBox): NotificationTarget {
  return {
    name: row.name,
    kind: row.kind as NotificationKind,
    url: row.url,
    secret: box.open(row.secret),
    smtpHost: row.smtpHost,
    smtpPort: row.smtpPort,
    smtpTls: row.smtpTls,
    smtpUsername: row.smtpUsername,
    smtpPassword: box.open(row.smtpPassword),
    smtpFrom: row.smtpFrom,
    smtpTo: row.smtpTo,
  };
}
