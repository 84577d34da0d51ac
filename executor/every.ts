import { errorLine, settleWithin } from "@/db/retry";

/**
 * Repeats `fn` every `ms`, never two at once, logging a failure instead of throwing. A
 * failing tick is tried again sooner when `retryMs` is given (doubling up to `ms`), so a
 * heartbeat lost to a dropped connection is sent again within a second. With `attemptMs`, a
 * tick that has not settled by then counts as failed and the loop goes on: a query handed
 * to a connection at the moment it was cut can stay unanswered forever (postgres.js 3.4),
 * and a heartbeat waiting on it would let the worker be declared lost while it runs fine.
 * Only for idempotent ticks: the abandoned one may still complete later.
 */
export function every(ms: number, name: string, fn: () => Promise<unknown>, opts: { retryMs?: number; first?: number; attemptMs?: number } = {}): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout;
  let retry = opts.retryMs;
  const tick = async () => {
    let next = ms;
    try {
      await (opts.attemptMs ? settleWithin(fn(), opts.attemptMs) : fn());
      retry = opts.retryMs;
    } catch (e) {
      if (stopped) return;
      console.error(`[${name}]`, errorLine(e));
      if (retry) {
        next = Math.min(retry, ms);
        retry = Math.min(retry * 2, ms);
      }
    }
    if (!stopped) timer = setTimeout(() => void tick(), next);
  };
  timer = setTimeout(() => void tick(), opts.first ?? 0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
