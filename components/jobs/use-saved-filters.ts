"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createSavedFilter, deleteSavedFilter, fetchSavedFilters, renameSavedFilter } from "@/lib/jobs/saved-filter-api";

const KEY = ["saved-filters"] as const;

/** The caller's saved filters; read once the menu is first opened. */
export function useSavedFilters(enabled: boolean) {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => fetchSavedFilters(signal), enabled });
}

function useChange<A, R>(fn: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateSavedFilter = () => useChange(createSavedFilter);
export const useRenameSavedFilter = () => useChange(({ id, name }: { id: number; name: string }) => renameSavedFilter(id, name));
export const useDeleteSavedFilter = () => useChange(deleteSavedFilter);
