"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { fetchJobPage } from "@/lib/jobs/job-api";
import type { JobPage } from "@/lib/jobs/job-record";
import { jobKeys } from "./use-job-queries";

export const HISTORY_STREAM = "/api/job/job/stream/";
/** a page is asked for again at most this often, however busy the channel */
const MIN_REFETCH_MS = 1_500;
/** scrolled less than this from the top of page 1 the list takes new jobs in by itself */
const TOP_PX = 120;

type Change = { latest: number; changed: number[]; resync?: boolean };

/**
 * The history page on the live channel (`/api/job/job/stream/`, no polling): rows on the
 * page that change state are read again; new jobs come into page 1 by themselves while the
 * user is at its top, otherwise the jobs matching the filters are counted for a "N 个新作业"
 * bar. `isLive` is false while the channel is down: the list then polls its live rows.
 */
export function useHistoryLive(query: URLSearchParams, isFirstPage: boolean) {
  const client = useQueryClient();
  const [isLive, setLive] = useState(false);
  const [fresh, setFresh] = useState<{ key: string; count: number }>({ key: "", count: 0 });
  const key = query.toString();
  const view = useRef({ key, isFirstPage });
  useEffect(() => {
    view.current = { key, isFirstPage };
  });

  useEffect(() => {
    let latest = 0;
    let lastRefetch = 0;
    let timer: number | undefined;
    let opened = 0;
    const refetch = () => {
      if (timer !== undefined) return;
      timer = window.setTimeout(
        () => {
          timer = undefined;
          lastRefetch = Date.now();
          void client.invalidateQueries({ queryKey: jobKeys.list(view.current.key), exact: true });
        },
        Math.max(0, lastRefetch + MIN_REFETCH_MS - Date.now()),
      );
    };
    const countMatching = async (atKey: string) => {
      const probe = new URLSearchParams(atKey);
      probe.set("limit", "1");
      probe.set("offset", "0");
      const now = await fetchJobPage(probe).catch(() => null);
      if (now && view.current.key === atKey) setFresh({ key: atKey, count: now.count });
    };
    const onJobs = (e: MessageEvent<string>) => {
      const change = JSON.parse(e.data) as Change;
      const { key: atKey, isFirstPage: onFirst } = view.current;
      const shown = client.getQueryData<JobPage>(jobKeys.list(atKey));
      // the first event says where the channel starts: newer than the page's rows, a job came between the two
      const isNew = latest > 0 ? change.latest > latest : change.latest > Math.max(0, ...(shown?.results.map((j) => j.id) ?? [Infinity]));
      latest = Math.max(latest, change.latest);
      const onPage = shown?.results.some((j) => change.changed.includes(j.id)) ?? false;
      const isFollowing = onFirst && window.scrollY < TOP_PX;
      if (change.resync || onPage || (isFollowing && (isNew || change.changed.length > 0))) refetch();
      else if (isNew) void countMatching(atKey);
    };
    const source = new EventSource(HISTORY_STREAM);
    source.addEventListener("jobs", onJobs as EventListener);
    source.onopen = () => {
      setLive(true);
      // changes made while it was down are not sent again
      if (opened++ > 0) refetch();
    };
    source.onerror = () => setLive(source.readyState === EventSource.OPEN);
    return () => {
      source.close();
      window.clearTimeout(timer);
    };
  }, [client]);

  /** how many jobs match the page's filters now, once new ones came: more than the page's count are new ones to show */
  const matching = fresh.key === key ? fresh.count : null;
  return { isLive, matching };
}
