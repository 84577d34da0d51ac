import { errorLine } from "@/db/retry";

/**
 * Repeats `fn` every `ms`, never two at once, logging a failure instead of throwing. A
 * failing tick is tried again sooner when `retryMs` is given (doubling up to `ms`), so a
 * heartbeat lost to a dropped connection is sent again within a second.
 */
export function every(ms: number, name: string, fn: () => Promise<unknown>, opts: { retryMs?: number; first?: number } = {}): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout;
  let retry = opts.retryMs;
  const tick = async () => {
    let next = ms;
    try {
      await fn();
      retry = opts.retryMs;
    } catch (e) {
      if (stopped) return;
      console.error(`[${name}]`, errorLine(e));
      if (retry) {
        next = Math.min(retry, ms);
        retry = Math.min(retry * 2, ms);
      }
    }
    if (!stopped) timer = setTimeout(tick, next);
  };
  timer = setTimeout(tick, opts.first ?? 0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
