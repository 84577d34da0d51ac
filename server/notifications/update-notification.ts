import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { assertValid } from "@/core/errors";
import type { SecretBox } from "@/core/crypto/secret-box";
import { getNotification } from "./get-notification";
import { NOTIFICATION_FIELDS } from "./notification-fields";
import { notificationColumns, type NotificationRow } from "./notification-row";

/** PUT (`partial: false`: name and kind must be sent) and PATCH; secrets left out are kept. */
export async function updateNotification(db: Db, box: SecretBox, id: number, source: FieldSource, opts: { partial: boolean }): Promise<NotificationRow> {
  const { values, errors } = parseFields(NOTIFICATION_FIELDS, source, opts);
  return db.transaction(async (tx) => {
    const current = await getNotification(tx, id, { forUpdate: true });
    const columns = await notificationColumns(tx, box, values, current, errors);
    assertValid(errors);
    if (Object.keys(columns).length === 0) return current;
    const [updated] = await tx.update(notifications).set(columns).where(eq(notifications.id, id)).returning();
    return updated!;
  });
}
