"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { isLiveState } from "@/lib/jobs/enums";
import {
  deleteCatalogItem,
  fetchCatalogItem,
  fetchCatalogPage,
  fetchProjectFolders,
  launchSchedule,
  launchTemplate,
  saveCatalogItem,
  syncProject,
} from "@/lib/catalog/catalog-api";
import type { CatalogKind, CatalogRecords } from "@/lib/catalog/catalog-records";
import { isLive } from "@/lib/jobs/format";
import { jobKeys, LIVE_REFETCH_MS } from "../jobs/use-job-queries";

export const catalogKeys = {
  all: (kind: CatalogKind) => ["catalog", kind] as const,
  list: (kind: CatalogKind, query: string) => ["catalog", kind, "list", query] as const,
  one: (kind: CatalogKind, id: number) => ["catalog", kind, "one", id] as const,
  folders: ["catalog", "project-folders"] as const,
};

/** A list whose rows show a last job that may still change is asked for again, as the history's live rows are. */
const liveInterval = (page: { results: object[] } | undefined) =>
  page?.results.some((r) => "last_job_state" in r && typeof r.last_job_state === "string" && isLive(r.last_job_state)) ? LIVE_REFETCH_MS : false;

export function useCatalogList<K extends CatalogKind>(kind: K, query: URLSearchParams) {
  return useQuery({
    queryKey: catalogKeys.list(kind, query.toString()),
    queryFn: ({ signal }) => fetchCatalogPage(kind, query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => liveInterval(q.state.data),
  });
}

export function useCatalogItem<K extends CatalogKind>(kind: K, id: number | null, initialData?: CatalogRecords[K]) {
  return useQuery({
    queryKey: catalogKeys.one(kind, id ?? 0),
    queryFn: ({ signal }) => fetchCatalogItem(kind, id!, signal),
    enabled: id !== null,
    initialData,
    // a template's or schedule's last job still running: follow it, as the lists do
    refetchInterval: (q) => (isLiveState(String((q.state.data as { last_job_state?: string | null } | undefined)?.last_job_state ?? "")) ? 2_000 : false),
  });
}

/** After a change, lists, the history's reference pickers and job names may all show it. */
function useInvalidate(kind: CatalogKind) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: catalogKeys.all(kind) }),
      client.invalidateQueries({ queryKey: ["ref", kind] }),
      // a template's list shows its references' current names
      kind !== "template" && kind !== "schedule" ? client.invalidateQueries({ queryKey: catalogKeys.all("template") }) : null,
      kind === "template" ? client.invalidateQueries({ queryKey: catalogKeys.all("schedule") }) : null,
    ]);
}

/** POST (id null) or PATCH; the answer is put in the cache before lists are refreshed. */
export function useSaveCatalogItem<K extends CatalogKind>(kind: K) {
  const client = useQueryClient();
  const invalidate = useInvalidate(kind);
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: Record<string, unknown> }) => saveCatalogItem(kind, id, body),
    onSuccess: (saved) => {
      client.setQueryData(catalogKeys.one(kind, saved.id), saved);
      void invalidate();
    },
  });
}

export function useDeleteCatalogItem(kind: CatalogKind) {
  const client = useQueryClient();
  const invalidate = useInvalidate(kind);
  return useMutation({
    mutationFn: (id: number) => deleteCatalogItem(kind, id),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: catalogKeys.one(kind, id) });
      void invalidate();
    },
  });
}

/** Launching a template or running a schedule: the new job goes into the job cache. */
export function useLaunch(kind: "template" | "schedule") {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, prompts }: { id: number; prompts?: Record<string, unknown> }) =>
      kind === "template" ? launchTemplate(id, prompts) : launchSchedule(id),
    onSuccess: (job) => {
      client.setQueryData(jobKeys.one(job.id), job);
      void client.invalidateQueries({ queryKey: ["jobs", "list"] });
      // the new job is its template's (and schedule's) last run
      void client.invalidateQueries({ queryKey: catalogKeys.all("template") });
    },
    // a failed schedule run records its reason on the schedule (last_error)
    onSettled: () => (kind === "schedule" ? client.invalidateQueries({ queryKey: catalogKeys.all("schedule") }) : undefined),
  });
}

/** POST …/project/<id>/update/: a failed sync is also kept on the project (`sync_error`), so it is read again either way. */
export function useSyncProject() {
  const client = useQueryClient();
  const invalidate = useInvalidate("project");
  return useMutation({
    mutationFn: syncProject,
    onSuccess: (saved) => client.setQueryData(catalogKeys.one("project", saved.id), saved),
    onSettled: () => invalidate(),
  });
}

export function useProjectFolders() {
  return useQuery({ queryKey: catalogKeys.folders, queryFn: ({ signal }) => fetchProjectFolders(signal) });
}
