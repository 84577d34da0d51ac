"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { fetchLines } from "@/lib/jobs/output-api";

export type LineFilter = { search?: string; host?: string };

type Matches = { key: string; lines: [number, string][]; next: number | null; done: boolean; loading: boolean; error: unknown };

const POLL_MS = 2_000;

/**
 * The lines that match a search or name a host, a page at a time (`loadMore`). While the
 * job runs, the end of the list is asked again every few seconds for lines written since.
 */
export function useLineMatches(jobId: number, filter: LineFilter | null, live: boolean, pageSize: number) {
  const key = filter ? JSON.stringify([jobId, filter.search ?? "", filter.host ?? ""]) : "";
  const [m, setM] = useState<Matches>({ key: "", lines: [], next: 1, done: false, loading: false, error: null });
  const current = m.key === key ? m : { key, lines: [], next: 1, done: false, loading: false, error: null };
  const busy = useRef(false);
  const filterRef = useRef(filter);
  useEffect(() => {
    filterRef.current = filter;
  });

  const load = useCallback(
    (from: number, append: boolean) => {
      const f = filterRef.current;
      if (!f || busy.current) return;
      busy.current = true;
      setM((prev) => ({ ...(prev.key === key ? prev : { key, lines: [], next: 1, done: false, error: null }), loading: true }));
      fetchLines(jobId, { start: from, limit: pageSize, search: f.search, host: f.host })
        .then((page) =>
          setM((prev) => {
            if (prev.key !== key) return prev;
            const lines = append ? [...prev.lines, ...page.lines.filter(([n]) => n >= from)] : page.lines;
            return { key, lines, next: page.next, done: page.next === null, loading: false, error: null };
          }),
        )
        .catch((error) => setM((prev) => (prev.key === key ? { ...prev, loading: false, error } : prev)))
        .finally(() => {
          busy.current = false;
        });
    },
    [jobId, key, pageSize],
  );

  useEffect(() => {
    if (!key) return;
    busy.current = false;
    load(1, false);
  }, [key, load]);

  const last = current.lines.at(-1)?.[0] ?? 0;
  const isComplete = current.done;
  // the end of a running job's matches: look again for lines written since
  useEffect(() => {
    if (!key || !live || !isComplete) return;
    const t = setInterval(() => load(last + 1, true), POLL_MS);
    return () => clearInterval(t);
  }, [key, live, isComplete, last, load]);
  // and once more when it ends
  const [wasLive, setWasLive] = useState(live);
  if (wasLive !== live) setWasLive(live);
  useEffect(() => {
    if (key && !wasLive && isComplete) load(last + 1, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on the job's end
  }, [wasLive]);

  return {
    lines: current.lines,
    hasMore: current.next !== null,
    isLoading: current.loading && current.lines.length === 0,
    isLoadingMore: current.loading && current.lines.length > 0,
    isStarted: current.lines.length > 0 || current.done,
    error: current.error,
    loadMore: () => {
      if (current.next !== null && !current.loading) load(current.next, true);
    },
    retry: () => load(current.next ?? last + 1, current.lines.length > 0),
  };
}
