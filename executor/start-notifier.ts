import type { Database } from "@/db/client";
import { errorLine } from "@/db/retry";
import type { Config } from "@/core/config";
import { DELIVERY_DEFAULTS, deliverDueNotifications, type DeliveryOptions } from "./deliver-notifications";

export type NotifierOptions = Partial<DeliveryOptions> & {
  /** how often the outbox is read without a wake-up (retries that come due, a lost NOTIFY) */
  pollMs?: number;
};

/** How long a stop waits for a send under way (its own timeout bounds it). */
const STOP_WAIT_MS = 5_000;

/**
 * An executor's notification sender: woken by the trigger's NOTIFY when a job's state
 * change queues deliveries, and by a poll for retries that come due. One drain at a time
 * per process; a wake during a drain runs another after it.
 */
export async function startNotifier(database: Database, config: Config, opts: NotifierOptions = {}): Promise<() => Promise<void>> {
  const options: DeliveryOptions = { ...DELIVERY_DEFAULTS, ...opts };
  let stopped = false;
  let draining: Promise<void> | undefined;
  let again = false;
  const kick = () => {
    if (stopped) return;
    if (draining) {
      again = true;
      return;
    }
    draining = (async () => {
      do {
        again = false;
        await deliverDueNotifications(database.db, config, options).catch((e) => console.error("[notifications]", errorLine(e)));
      } while (again && !stopped);
    })().finally(() => (draining = undefined));
  };
  const unlisten = await database.listen("zuoye_notification", kick, kick);
  const timer = setInterval(kick, opts.pollMs ?? 1_000);
  kick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await unlisten().catch(() => {});
    if (draining) await Promise.race([draining, new Promise((r) => setTimeout(r, STOP_WAIT_MS))]);
  };
}
