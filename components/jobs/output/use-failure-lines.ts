"use client";

import { useQuery } from "@tanstack/react-query";
import { isLive } from "@/lib/jobs/format";
import { BANNER_SEARCH, banners, FAILURE_SEARCHES, failureLines, type Banner, type FailureLine } from "@/lib/jobs/failure-lines";
import { fetchLines } from "@/lib/jobs/output-api";

const PAGE = 5000;
/** Pages read per search: 20,000 failure lines or task banners are more than anyone steps through. */
const MAX_PAGES = 4;

export type FailureMap = { failures: FailureLine[]; banners: Banner[] };

async function searchAll(jobId: number, search: string, signal: AbortSignal): Promise<[number, string][]> {
  const out: [number, string][] = [];
  let start: number | null = 1;
  for (let page = 0; start !== null && page < MAX_PAGES; page++) {
    const got = await fetchLines(jobId, { start, limit: PAGE, search }, signal);
    out.push(...got.lines);
    start = got.next;
  }
  return out;
}

/**
 * Where the output shows failures (each failed or unreachable line and its host) and the
 * task banners above them, found by the output search once the job has ended.
 */
export function useFailureLines(jobId: number, state: string) {
  return useQuery({
    queryKey: ["jobs", "failure-lines", jobId, state],
    enabled: !isLive(state),
    staleTime: Infinity,
    queryFn: async ({ signal }): Promise<FailureMap> => {
      const [fatal, failed, taskBanners] = await Promise.all([...FAILURE_SEARCHES, BANNER_SEARCH].map((s) => searchAll(jobId, s, signal)));
      return { failures: failureLines([...fatal!, ...failed!]), banners: banners(taskBanners!) };
    },
  });
}
