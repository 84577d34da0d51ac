import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";
import { DEFAULT_EVENTS } from "@/lib/contracts/notification";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { nowSeconds } from "@/lib/time";
import { assertValid } from "@/core/errors";
import type { SecretBox } from "@/core/crypto/secret-box";
import { NOTIFICATION_FIELDS } from "./notification-fields";
import { notificationColumns, type NotificationRow } from "./notification-row";

export async function createNotification(db: Db, box: SecretBox, source: FieldSource): Promise<NotificationRow> {
  const { values, errors } = parseFields(NOTIFICATION_FIELDS, source);
  const columns = await notificationColumns(db, box, values, undefined, errors);
  assertValid(errors);
  const [created] = await db
    .insert(notifications)
    .values({ events: DEFAULT_EVENTS, ...columns, name: columns.name!, kind: columns.kind!, ctime: nowSeconds() })
    .returning();
  return created!;
}
