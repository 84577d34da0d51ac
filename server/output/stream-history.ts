import type { HistoryChange, HistoryHub } from "./history-hub";
import { logError } from "@/lib/log/log-error";

const KEEP_ALIVE_MS = 15_000;
/** a client that reads nothing is cut off past this; its EventSource reconnects and refetches */
const MAX_QUEUED_BYTES = 1024 * 1024;

/**
 * The history's live channel as Server-Sent Events: a `jobs` event with the newest job id
 * at once, then one per batch of changes (`HistoryChange`). There is nothing to resume: a
 * reconnected client refetches its page.
 */
export function openHistoryStream(hub: HistoryHub, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const gone = new AbortController();
  let keepAlive: NodeJS.Timeout | undefined;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stop = () => {
    if (gone.signal.aborted) return false;
    gone.abort();
    clearInterval(keepAlive);
    signal.removeEventListener("abort", close);
    return true;
  };
  function close() {
    if (!stop()) return;
    try {
      controller.close();
    } catch {
      // the client canceled the stream first
    }
  }
  const write = (text: string) => {
    if (gone.signal.aborted) return;
    controller.enqueue(encoder.encode(text));
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) {
      stop();
      controller.error(new Error("the client reads too slowly"));
    }
  };
  const send = (change: HistoryChange) => write(`event: jobs\ndata: ${JSON.stringify(change)}\n\n`);

  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      if (signal.aborted) return close();
      signal.addEventListener("abort", close, { once: true });
      keepAlive = setInterval(() => write(": keep-alive\n\n"), KEEP_ALIVE_MS);
      hub.subscribe(send, gone.signal).catch((e) => {
        if (!gone.signal.aborted) logError("[stream] history", e);
        close();
      });
    },
    cancel() {
      stop();
    },
  });
}
