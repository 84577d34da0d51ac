"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { isLive } from "@/lib/jobs/format";
import { cancelJob, fetchHostSummaries, relaunchJob } from "@/lib/jobs/output-api";
import { jobKeys } from "../use-job-queries";

export const outputKeys = {
  hosts: (id: number) => ["jobs", "hosts", id] as const,
};

/** The per-host recap; read again when the job's state changes (it is written at the end). */
export function useHostSummaries(jobId: number, state: string) {
  return useQuery({
    queryKey: [...outputKeys.hosts(jobId), state],
    queryFn: ({ signal }) => fetchHostSummaries(jobId, signal),
    refetchInterval: isLive(state) ? 5_000 : false,
  });
}

export function useCancelJob(jobId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => cancelJob(jobId),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: jobKeys.one(jobId) }), client.invalidateQueries({ queryKey: ["jobs", "list"] })]),
  });
}

export function useRelaunchJob(jobId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (hosts: "all" | "failed") => relaunchJob(jobId, { hosts }),
    onSuccess: (job) => {
      client.setQueryData(jobKeys.one(job.id), job);
      return client.invalidateQueries({ queryKey: ["jobs", "list"] });
    },
  });
}
