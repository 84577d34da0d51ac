"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { isLive } from "@/lib/jobs/format";
import { cancelJob, fetchHostSummaries, fetchOutline, fetchRelaunchOptions, relaunchJob, type RelaunchBody } from "@/lib/jobs/output-api";
import type { JobRecord } from "@/lib/jobs/job-record";
import { jobKeys } from "../use-job-queries";

export const outputKeys = {
  hosts: (id: number) => ["jobs", "hosts", id] as const,
  relaunch: (id: number) => ["jobs", "relaunch", id] as const,
  outline: (id: number) => ["jobs", "outline", id] as const,
};

/** The plays and tasks with their times (the output's sections); read once the job has ended. */
export function useOutline(jobId: number, state: string) {
  return useQuery({
    queryKey: [...outputKeys.outline(jobId), state],
    queryFn: ({ signal }) => fetchOutline(jobId, signal),
    enabled: !isLive(state),
    staleTime: Infinity,
  });
}

/** The per-host recap; read again when the job's state changes (it is written at the end). */
export function useHostSummaries(jobId: number, state: string) {
  return useQuery({
    queryKey: [...outputKeys.hosts(jobId), state],
    queryFn: ({ signal }) => fetchHostSummaries(jobId, signal),
    refetchInterval: isLive(state) ? 5_000 : false,
  });
}

/** What a relaunch can do (the failed task to start at); read once the job has ended. */
export function useRelaunchOptions(jobId: number, state: string) {
  return useQuery({
    queryKey: [...outputKeys.relaunch(jobId), state],
    queryFn: ({ signal }) => fetchRelaunchOptions(jobId, signal),
    enabled: !isLive(state),
  });
}

export function useCancelJob(jobId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => cancelJob(jobId),
    // who asked goes into the page's record at once (it says "canceling" from it); the state
    // itself keeps coming from the stream. The refetches are not waited for: the dialog closes
    // when the server has taken the cancel, not after the lists have been read again
    onSuccess: (answer) => client.setQueryData<JobRecord>(jobKeys.one(jobId), (job) => job && { ...job, canceled_by: answer.canceled_by }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: jobKeys.one(jobId) });
      void client.invalidateQueries({ queryKey: ["jobs", "list"] });
    },
  });
}

export function useRelaunchJob(jobId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RelaunchBody) => relaunchJob(jobId, body),
    onSuccess: (job) => {
      client.setQueryData(jobKeys.one(job.id), job);
      return client.invalidateQueries({ queryKey: ["jobs", "list"] });
    },
  });
}
