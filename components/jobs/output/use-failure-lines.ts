"use client";

import { useQuery } from "@tanstack/react-query";
import { isLive } from "@/lib/jobs/format";
import { BANNER_SEARCH, FAILURE_SEARCHES, failureLines, taskBanners, type Banner, type FailureLine } from "@/lib/jobs/failure-lines";
import { fetchLines } from "@/lib/jobs/output-api";
import { bannersFoundSoFar, sectionBanners, type SectionBanner } from "@/lib/jobs/output-sections";

const PAGE = 5000;
/** Pages read per search: 20,000 failure lines or task banners are more than anyone steps through. */
const MAX_PAGES = 4;

/** The failures; the task banners above them; every banner (plays, tasks, handlers, the recap) for the foldable sections. */
export type FailureMap = { failures: FailureLine[]; banners: Banner[]; sections: SectionBanner[] };
const RECAP_SEARCH = "PLAY RECAP *";

type Hits = { lines: [number, string][]; complete: boolean };

async function searchAll(jobId: number, search: string, signal: AbortSignal): Promise<Hits> {
  const lines: [number, string][] = [];
  let start: number | null = 1;
  for (let page = 0; start !== null && page < MAX_PAGES; page++) {
    const got = await fetchLines(jobId, { start, limit: PAGE, search }, signal);
    lines.push(...got.lines);
    start = got.next;
  }
  return { lines, complete: start === null };
}

/**
 * Where the output shows failures (each failed or unreachable line and its host) and the
 * task banners above them, found by the output search once the job has ended; with the
 * play banners and the recap, where the output's sections begin and end.
 */
export function useFailureLines(jobId: number, state: string) {
  return useQuery({
    queryKey: ["jobs", "failure-lines", jobId, state],
    enabled: !isLive(state),
    staleTime: Infinity,
    queryFn: async ({ signal }): Promise<FailureMap> => {
      const [fatal, failed, bannerHits, recap] = await Promise.all([...FAILURE_SEARCHES, BANNER_SEARCH, RECAP_SEARCH].map((s) => searchAll(jobId, s, signal)));
      const found = sectionBanners(bannerHits!.lines);
      // banners past the last one found are unknown: so is whether the recap ends what came before it
      const sections = bannerHits!.complete ? [...found, ...sectionBanners(recap!.lines)].sort((a, b) => a.line - b.line) : bannersFoundSoFar(found);
      return { failures: failureLines([...fatal!.lines, ...failed!.lines]), banners: taskBanners(found), sections };
    },
  });
}
