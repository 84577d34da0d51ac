"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchStats } from "@/lib/stats/stats-api";
import { useClock } from "../clock/use-clock";

/**
 * `GET /api/job/stats/` counted in the days of the user's clock (their zone setting, else
 * the browser's), asked once that zone is known. `key` names the caller's view.
 */
export function useStats(key: readonly unknown[], params: Record<string, string>, opts: { refetchInterval?: number } = {}) {
  const zone = useClock().zone;
  return useQuery({
    queryKey: ["stats", ...key, zone],
    queryFn: ({ signal }) => fetchStats(new URLSearchParams({ ...params, timezone: zone! }), signal),
    enabled: zone !== null,
    placeholderData: keepPreviousData,
    refetchInterval: opts.refetchInterval,
  });
}
