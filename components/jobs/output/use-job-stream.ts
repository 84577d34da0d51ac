"use client";

import { useEffect, useRef } from "react";
import type { JobLiveState } from "@/lib/jobs/job-record";
import { streamUrl } from "@/lib/jobs/output-api";

export type StreamHandlers = {
  onLine: (line: number, text: string) => void;
  onState: (state: JobLiveState) => void;
  onEnd: (state: string | null) => void;
};

/**
 * Follows a job's `/stream/` from line `after` while `enabled`. EventSource reconnects by
 * itself and sends the last line's id back (Last-Event-ID), so nothing is lost or doubled;
 * a connection the browser gave up on is opened again from the last line seen.
 */
export function useJobStream(jobId: number, after: number | null, enabled: boolean, handlers: StreamHandlers) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    if (!enabled || after === null) return;
    let last = after;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let ended = false;

    const open = () => {
      const es = new EventSource(streamUrl(jobId, last));
      source = es;
      es.addEventListener("line", (e) => {
        const { line, text } = JSON.parse((e as MessageEvent<string>).data) as { line: number; text: string };
        if (line <= last) return;
        last = line;
        latest.current.onLine(line, text);
      });
      es.addEventListener("state", (e) => latest.current.onState(JSON.parse((e as MessageEvent<string>).data) as JobLiveState));
      es.addEventListener("end", (e) => {
        ended = true;
        es.close();
        latest.current.onEnd((JSON.parse((e as MessageEvent<string>).data) as { state: string | null }).state);
      });
      es.onerror = () => {
        if (ended || es.readyState !== EventSource.CLOSED) return;
        retry = setTimeout(open, 3000);
      };
    };
    open();
    return () => {
      ended = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [jobId, after, enabled]);
}
