"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { isLive } from "@/lib/jobs/format";
import { fetchLines, type LinesPage } from "@/lib/jobs/output-api";
import { jobKeys, setLiveState } from "../use-job-queries";
import { CHUNK, chunkOf, chunkStart, LineStore } from "./line-store";
import { outputKeys } from "./use-output-queries";
import { useJobStream } from "./use-job-stream";
import { WindowLoader } from "./window-loader";

/**
 * A job's whole output as a sparse list: the first window at once, others when shown
 * (`show([[first, last], …])`: the ranges of lines on screen), and, while the job may still change, every new line from the
 * stream. The stream's state events are the page's job state; its end refreshes the
 * page's job record once (the fields that are written at the end: explanation, …).
 */
export function useOutputLines(jobId: number, state: string) {
  const client = useQueryClient();
  // the first window the server read for the page's first paint (jobs/[id]/page.tsx), if it did
  const [first] = useState(() => client.getQueryData<LinesPage>(jobKeys.firstLines(jobId)));
  const [store] = useState(() => {
    const s = new LineStore();
    if (first) {
      s.put(first.lines, 0);
      s.setTotal(first.total);
    }
    return s;
  });
  const version = useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  const [streamFrom, setStreamFrom] = useState<number | null>(first ? first.total : null);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(first !== undefined);
  const [attempt, setAttempt] = useState(0);
  const live = isLive(state);
  const [streaming, setStreaming] = useState(live);

  const [loader] = useState(() => new WindowLoader(store, (start, limit) => fetchLines(jobId, { start, limit })));
  useEffect(() => {
    loader.resume();
    return () => loader.dispose();
  }, [loader]);
  const show = useCallback((ranges: [number, number][]) => loader.showRanges(ranges), [loader]);

  useEffect(() => {
    if (first && attempt === 0) return;
    const ctrl = new AbortController();
    fetchLines(jobId, { start: 1, limit: CHUNK }, ctrl.signal)
      .then((page) => {
        store.put(page.lines, 0);
        store.setTotal(page.total);
        setError(null);
        setLoaded(true);
        setStreamFrom(page.total);
      })
      .catch((e) => {
        if (!ctrl.signal.aborted) setError(e);
      });
    return () => ctrl.abort();
  }, [jobId, store, attempt, first]);

  useJobStream(jobId, streamFrom, streaming, {
    onLine: (line, text) => store.put([[line, text]]),
    onState: (live) => setLiveState(client, jobId, live),
    onEnd: () => {
      setStreaming(false);
      store.refetchIncomplete();
      loader.pump();
      void client.invalidateQueries({ queryKey: jobKeys.one(jobId) });
      void client.invalidateQueries({ queryKey: outputKeys.hosts(jobId) });
    },
  });

  // The page saw the job end (the stream's final state, a cancel's answer): read the tail once
  // more. The stream stays open until its own `end`, which refreshes the job record.
  const [wasLive, setWasLive] = useState(live);
  const [endings, setEndings] = useState(0);
  if (wasLive !== live) {
    setWasLive(live);
    if (!live) setEndings((n) => n + 1);
  }
  useEffect(() => {
    if (endings === 0 || !loaded) return;
    const start = chunkStart(chunkOf(Math.max(1, store.total)));
    fetchLines(jobId, { start, limit: CHUNK })
      .then((page) => {
        store.put(page.lines);
        store.setTotal(page.total);
        store.refetchIncomplete();
        loader.pump();
      })
      .catch(() => {});
  }, [endings, loaded, jobId, store, loader]);

  const lineAt = useCallback((n: number) => store.get(n), [store]);
  return {
    total: store.total,
    version,
    lineAt,
    show,
    loaded,
    error: loaded ? null : error,
    retry: () => setAttempt((a) => a + 1),
  };
}
