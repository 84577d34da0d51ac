import type { Db } from "@/db/client";
import type { DeliveryRecord } from "@/lib/contracts/notification";
import type { Actor } from "@/core/actor";
import type { Config } from "@/core/config";
import { secretBox } from "@/core/crypto/secret-box";
import { composeMessage, sampleFacts } from "@/core/notifications/compose-message";
import { openTarget } from "@/core/notifications/open-target";
import { recordDelivery } from "@/core/notifications/record-delivery";
import { sendNotification } from "@/core/notifications/send-notification";
import { getNotification } from "./get-notification";
import { serializeDelivery } from "./serialize-delivery";

/**
 * POST …/notification/<id>/test/: a sample message (a made-up failed run) sent now, once,
 * whether the notification is enabled or not; the attempt is logged like any other and
 * answered, failed or not.
 */
export async function testNotification(db: Db, config: Config, user: Actor, id: number): Promise<DeliveryRecord> {
  const notification = await getNotification(db, id);
  const message = composeMessage(sampleFacts(user.displayName || user.username || ""), "test", config.linkBaseUrl, { isTest: true });
  const result = await sendNotification(openTarget(notification, secretBox(config)), message);
  return serializeDelivery(await recordDelivery(db, { notificationId: id, jobId: null, event: "test", attempt: 1, result, retryAt: null }));
}
