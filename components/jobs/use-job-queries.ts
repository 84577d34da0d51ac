"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { isNotFound } from "@/lib/api/http";
import { createJob, deleteJobs, fetchJob, fetchJobPage, fetchReference, searchReferences, type ReferenceKind } from "@/lib/jobs/job-api";
import { STATE_NAMES, type JobState } from "@/lib/jobs/enums";
import { isLive } from "@/lib/jobs/format";
import type { JobLiveState, JobPage, JobRecord } from "@/lib/jobs/job-record";
import { jobKeys } from "@/lib/jobs/job-keys";

/** How often listed jobs that may still change are asked for again (a job's own page follows its stream instead). */
export const LIVE_REFETCH_MS = 2_000;

const liveInterval = (page: JobPage | undefined) => (page?.results.some((j) => isLive(j.state)) ? LIVE_REFETCH_MS : false);

export { jobKeys };

/**
 * One page of the history; the previous page stays on screen while the next loads. Its
 * live rows are polled unless `isLive` (the history's live channel reads them again).
 */
export function useJobList(query: URLSearchParams, isLive = false) {
  return useQuery({
    queryKey: jobKeys.list(query.toString()),
    queryFn: ({ signal }) => fetchJobPage(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (isLive ? false : liveInterval(q.state.data)),
  });
}

/** One job. Its state and times while it runs come from its output stream (`setLiveState`), not from polling. */
export function useJob(id: number, initialData?: JobRecord) {
  return useQuery({
    queryKey: jobKeys.one(id),
    queryFn: ({ signal }) => fetchJob(id, signal),
    initialData,
  });
}

/** A `state` event of a job's stream, put into the page's job record. */
export function setLiveState(client: QueryClient, id: number, live: JobLiveState): void {
  client.setQueryData<JobRecord>(
    jobKeys.one(id),
    (job) =>
      job && {
        ...job,
        state: live.state,
        state_name: STATE_NAMES[live.state as JobState] ?? live.state,
        start_time: live.start_time,
        finish_time: live.finish_time,
        queue_position: live.queue_position ?? null,
        queue_reason: live.queue_reason ?? null,
        queue_limit: live.queue_limit ?? null,
      },
  );
}

export function useReferenceSearch(kind: ReferenceKind, search: string, enabled: boolean) {
  return useQuery({
    queryKey: ["ref", kind, "search", search],
    queryFn: ({ signal }) => searchReferences(kind, search, signal),
    enabled,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

/** The current name of a referenced object; null when it no longer exists (or its API is not there). */
export function useReferenceName(kind: ReferenceKind, id: number | null) {
  return useQuery({
    queryKey: ["ref", kind, "one", id],
    queryFn: async ({ signal }) => {
      try {
        return (await fetchReference(kind, id!, signal)).name;
      } catch (e) {
        if (isNotFound(e)) return null;
        throw e;
      }
    },
    enabled: id !== null,
    staleTime: 60_000,
  });
}

export function useCreateJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createJob,
    onSuccess: (job) => {
      client.setQueryData(jobKeys.one(job.id), job);
      return client.invalidateQueries({ queryKey: ["jobs", "list"] });
    },
  });
}

export function useDeleteJobs() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteJobs,
    onSettled: () => client.invalidateQueries({ queryKey: ["jobs", "list"] }),
  });
}
