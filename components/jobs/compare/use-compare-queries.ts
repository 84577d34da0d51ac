"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { fetchCompareCandidates, fetchComparison, fetchOutputDiff } from "@/lib/jobs/compare-api";
import type { JobComparison } from "@/lib/contracts/job-compare";
import { isLive } from "@/lib/jobs/format";

/** Rows one window of the output diff asks for. */
export const DIFF_WINDOW_ROWS = 500;

export function useComparison(a: number, b: number, initial: JobComparison) {
  const live = isLive(initial.a.state) || isLive(initial.b.state);
  return useQuery({
    queryKey: ["jobs", "compare", a, b],
    queryFn: ({ signal }) => fetchComparison(a, b, signal),
    initialData: initial,
    refetchInterval: live ? 5_000 : false,
  });
}

/** The aligned output diff, one window after another as the viewer scrolls (`fetchNextPage`). */
export function useOutputDiff(a: number, b: number) {
  return useInfiniteQuery({
    queryKey: ["jobs", "compare", a, b, "output"],
    queryFn: ({ pageParam, signal }) => fetchOutputDiff(a, b, pageParam, DIFF_WINDOW_ROWS, signal),
    initialPageParam: { a: 1, b: 1 },
    getNextPageParam: (last) => (last.a_next === null || last.b_next === null ? undefined : { a: last.a_next, b: last.b_next }),
    staleTime: Infinity,
  });
}

/** The run the job page offers to compare with: the template's last success before it. */
export function useCompareCandidates(id: number, state: string) {
  return useQuery({
    queryKey: ["jobs", "compare-candidates", id, state],
    queryFn: ({ signal }) => fetchCompareCandidates(id, signal),
  });
}
