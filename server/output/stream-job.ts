import { integer } from "@/lib/drf/fields";
import type { FieldErrors } from "@/lib/drf/serializer";
import { readQueryField } from "../drf/query-field";
import { assertValid } from "@/core/errors";
import { getJob } from "../jobs/get-job";
import type { FollowSink, LiveHub } from "./live-hub";
import { MAX_LINE_NO } from "./read-lines";
import type { JobSnapshot } from "./read-job-snapshot";
import { logError } from "@/lib/log/log-error";

export const SSE_HEADERS = {
  "content-type": "text/event-stream",
  // no-transform: Next's gzip would otherwise hold events back until its buffer fills
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

export type StreamTiming = { keepAliveMs: number };
const DEFAULT_TIMING: StreamTiming = { keepAliveMs: 15_000 };
/** bytes queued for a client that reads nothing: past this it is cut off and resumes by Last-Event-ID */
const MAX_QUEUED_BYTES = 16 * 1024 * 1024;
/** the backlog is read while less than this is queued */
const HIGH_WATER_BYTES = 256 * 1024;

/** Where a (re)connection resumes: the `Last-Event-ID` an EventSource sends back, else `?after=`. */
export function readStreamCursor(request: Request, url: URL): number {
  const header = request.headers.get("last-event-id")?.trim() ?? "";
  if (/^\d{1,10}$/.test(header)) return Math.min(Number(header), MAX_LINE_NO);
  const errors: FieldErrors = {};
  const after = readQueryField(url, "after", integer({ min: 0 }), errors);
  assertValid(errors);
  return Math.min(after ?? 0, MAX_LINE_NO);
}

/**
 * A job's output and state as Server-Sent Events: every line after `after` once, as
 * `line` events whose id is the line number (so a reconnect resumes exactly), `state`
 * events (no id) when the state changes, and `end` once the job is final and every line
 * is out. The process's live hub feeds it (no query per client once it is live); it
 * stops when the client goes away.
 */
export async function openJobStream(
  hub: LiveHub,
  id: number,
  after: number,
  signal: AbortSignal,
  timing: Partial<StreamTiming> = {},
): Promise<ReadableStream<Uint8Array>> {
  await getJob(hub.db, id);
  const { keepAliveMs } = { ...DEFAULT_TIMING, ...timing };
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let isClosed = false;
  let lastWrite = Date.now();
  let keepAlive: NodeJS.Timeout | undefined;
  const gone = new AbortController();
  let wakeReader: (() => void) | undefined;

  const stop = () => {
    if (isClosed) return false;
    isClosed = true;
    clearTimeout(keepAlive);
    signal.removeEventListener("abort", onAbort);
    gone.abort();
    wakeReader?.();
    return true;
  };
  const close = (last = "") => {
    if (!stop()) return;
    try {
      if (last) controller.enqueue(encoder.encode(last));
      controller.close();
    } catch {
      // the client canceled the stream first
    }
  };
  const onAbort = () => close();
  const write = (text: string) => {
    if (isClosed) return;
    lastWrite = Date.now();
    controller.enqueue(encoder.encode(text));
    if ((controller.desiredSize ?? 0) < HIGH_WATER_BYTES - MAX_QUEUED_BYTES) {
      stop();
      controller.error(new Error("the client reads too slowly"));
    }
  };
  const scheduleKeepAlive = () => {
    keepAlive = setTimeout(
      () => {
        if (isClosed) return;
        if (Date.now() - lastWrite >= keepAliveMs) write(": keep-alive\n\n");
        scheduleKeepAlive();
      },
      Math.max(0, lastWrite + keepAliveMs - Date.now()),
    );
  };
  const stateEvent = (snapshot: JobSnapshot) => `event: state\ndata: ${JSON.stringify(snapshot)}\n\n`;
  const sink: FollowSink = {
    lines: (lines) => write(lines.map((l) => `id: ${l.lineNo}\nevent: line\ndata: ${JSON.stringify({ line: l.lineNo, text: l.text })}\n\n`).join("")),
    state: (snapshot) => write(stateEvent(snapshot)),
    end: (snapshot) => close((snapshot ? stateEvent(snapshot) : "") + endEvent(snapshot?.state ?? null)),
    ready: () => (isClosed || (controller.desiredSize ?? 0) > 0 ? Promise.resolve() : new Promise<void>((resolve) => (wakeReader = resolve))),
    drop: () => close(),
  };

  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        if (signal.aborted) return close();
        signal.addEventListener("abort", onAbort, { once: true });
        scheduleKeepAlive();
        hub.follow(id, after, sink, gone.signal).catch((e) => {
          // the client reconnects with Last-Event-ID, so closing loses nothing
          if (!isClosed) logError("[stream] job", id, e);
          close();
        });
      },
      pull() {
        const wake = wakeReader;
        wakeReader = undefined;
        wake?.();
      },
      cancel() {
        stop();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_BYTES }),
  );
}

const endEvent = (state: string | null) => `event: end\ndata: ${JSON.stringify({ state })}\n\n`;
