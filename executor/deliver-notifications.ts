import { and, eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationOutbox, notifications } from "@/db/schema";
import type { Config } from "@/core/config";
import { secretBox } from "@/core/crypto/secret-box";
import { composeMessage, type DeliveryEvent } from "@/core/notifications/compose-message";
import { openTarget } from "@/core/notifications/open-target";
import { readJobFacts } from "@/core/notifications/read-job-facts";
import { recordDelivery } from "@/core/notifications/record-delivery";
import { sendNotification, type SendResult } from "@/core/notifications/send-notification";

/** How deliveries are retried: as pg-boss's retryLimit, retryDelay and retryBackoff. */
export type DeliveryOptions = {
  /** attempts after the first one that failed */
  retryLimit: number;
  /** the wait before the first retry; each next one waits twice as long */
  retryDelayMs: number;
  /** how long one send may take */
  timeoutMs: number;
};

/** 6 attempts over ~5 minutes: 10 s, 20 s, 40 s, 80 s, 160 s apart. */
export const DELIVERY_DEFAULTS: DeliveryOptions = { retryLimit: 5, retryDelayMs: 10_000, timeoutMs: 10_000 };

/** A claim outlives any send (its timeout): a sender that died mid-send lets the row go after this. */
const LOCK_MS = 120_000;

type Claimed = typeof notificationOutbox.$inferSelect;

/**
 * Sends every due delivery of the outbox, one at a time, until none is due; several
 * processes may run this at once (SKIP LOCKED gives each row to one of them). Returns
 * how many attempts it made.
 */
export async function deliverDueNotifications(db: Db, config: Config, opts: DeliveryOptions = DELIVERY_DEFAULTS): Promise<number> {
  let attempts = 0;
  for (let claimed = await claimDue(db); claimed; claimed = await claimDue(db)) {
    await deliver(db, config, claimed, opts);
    attempts++;
  }
  return attempts;
}

async function claimDue(db: Db): Promise<Claimed | undefined> {
  const now = Date.now();
  const O = notificationOutbox;
  const due = db
    .select({ id: O.id })
    .from(O)
    .where(and(lte(O.dueAt, now), lte(O.lockedUntil, now)))
    .orderBy(O.dueAt, O.id)
    .limit(1)
    .for("update", { skipLocked: true });
  const [row] = await db
    .update(O)
    .set({ attempts: sql`${O.attempts} + 1`, lockedUntil: now + LOCK_MS })
    .where(eq(O.id, sql`(${due})`))
    .returning();
  return row;
}

/**
 * One attempt: the message is composed now from the job as stored (redacted output, host
 * results), sent, and logged; then the row is deleted (sent, or out of retries) or due
 * again after its backoff. A crash between the send and the log sends it again later.
 */
async function deliver(db: Db, config: Config, claimed: Claimed, opts: DeliveryOptions): Promise<void> {
  const [notification] = await db.select().from(notifications).where(eq(notifications.id, claimed.notificationId));
  if (!notification) return; // deleted meanwhile: its outbox rows went with it
  const event = claimed.event as DeliveryEvent;
  const facts = await readJobFacts(db, claimed.jobId);
  const result: SendResult = facts
    ? await sendNotification(openTarget(notification, secretBox(config)), composeMessage(facts, event, config.linkBaseUrl), { timeoutMs: opts.timeoutMs })
    : { ok: false, responseCode: null, error: `作业 #${claimed.jobId} 已被删除，通知未发送。` };
  const retries = facts && !result.ok && claimed.attempts <= opts.retryLimit;
  const retryAtMs = retries ? Date.now() + opts.retryDelayMs * 2 ** (claimed.attempts - 1) : null;
  await db.transaction(async (tx) => {
    await recordDelivery(tx, {
      notificationId: notification.id,
      jobId: claimed.jobId,
      event,
      attempt: claimed.attempts,
      result,
      retryAt: retryAtMs === null ? null : Math.ceil(retryAtMs / 1000),
    });
    if (retryAtMs === null) await tx.delete(notificationOutbox).where(eq(notificationOutbox.id, claimed.id));
    else await tx.update(notificationOutbox).set({ dueAt: retryAtMs, lockedUntil: 0 }).where(eq(notificationOutbox.id, claimed.id));
  });
  if (!result.ok)
    console.warn(`[notifications] ${notification.kind} #${notification.id}, job ${claimed.jobId} ${event}, attempt ${claimed.attempts}: ${result.error}`);
}
