import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { integer } from "@/lib/drf/fields";
import type { FieldErrors } from "@/lib/drf/serializer";
import type { JobState } from "@/lib/jobs/enums";
import { readQueryField } from "../drf/query-field";
import { assertValid } from "../http/errors";
import { getJob } from "../jobs/get-job";
import { MAX_LINE_NO, readLinesAfter } from "./read-lines";
import { logError } from "@/lib/log/log-error";

export const SSE_HEADERS = {
  "content-type": "text/event-stream",
  // no-transform: Next's gzip would otherwise hold events back until its buffer fills
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

const FINAL_STATES: readonly string[] = ["successful", "failed", "canceled", "error"] satisfies JobState[];

export type StreamTiming = { pollMs: number; keepAliveMs: number; batch: number };
const DEFAULT_TIMING: StreamTiming = { pollMs: 300, keepAliveMs: 15_000, batch: 2000 };

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
 * is out. Polls the database; stops when the client goes away.
 */
export async function openJobStream(db: Db, id: number, after: number, signal: AbortSignal, timing: Partial<StreamTiming> = {}): Promise<ReadableStream<Uint8Array>> {
  await getJob(db, id);
  const { pollMs, keepAliveMs, batch } = { ...DEFAULT_TIMING, ...timing };
  const encoder = new TextEncoder();
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal.addEventListener("abort", onAbort, { once: true });
  let cursor = after;
  let sentState = "";
  let lastWrite = Date.now();

  const finish = (controller: ReadableStreamDefaultController<Uint8Array>, last = "") => {
    signal.removeEventListener("abort", onAbort);
    stop.abort();
    try {
      if (last) controller.enqueue(encoder.encode(last));
      controller.close();
    } catch {
      // the client canceled the stream first
    }
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        while (!stop.signal.aborted) {
          // The state is read before the lines: the executor stores its last lines before it
          // sets a final state, so a final state seen here means this read gets them all.
          const [job] = await db
            .select({ state: jobs.state, start_time: jobs.startTime, finish_time: jobs.finishTime })
            .from(jobs)
            .where(eq(jobs.id, id));
          if (!job) return finish(controller, endEvent(null));
          const lines = await readLinesAfter(db, id, cursor, batch);
          const isFinal = FINAL_STATES.includes(job.state);
          const state = `event: state\ndata: ${JSON.stringify(job)}\n\n`;
          const isNewState = state !== sentState;
          let out = "";
          if (isNewState && !isFinal) {
            out += state;
            sentState = state;
          }
          for (const l of lines) out += `id: ${l.lineNo}\nevent: line\ndata: ${JSON.stringify({ line: l.lineNo, text: l.text })}\n\n`;
          if (lines.length) cursor = lines[lines.length - 1].lineNo;
          if (isFinal && lines.length < batch) return finish(controller, out + (isNewState ? state : "") + endEvent(job.state));
          const now = Date.now();
          if (!out && now - lastWrite >= keepAliveMs) out = ": keep-alive\n\n";
          if (out) {
            lastWrite = now;
            controller.enqueue(encoder.encode(out));
            return;
          }
          await sleep(pollMs, stop.signal);
        }
        finish(controller);
      } catch (e) {
        // the client reconnects with Last-Event-ID, so closing loses nothing
        if (!stop.signal.aborted) logError("[stream] job", id, e);
        finish(controller);
      }
    },
    cancel() {
      signal.removeEventListener("abort", onAbort);
      stop.abort();
    },
  });
}

const endEvent = (state: string | null) => `event: end\ndata: ${JSON.stringify({ state })}\n\n`;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
