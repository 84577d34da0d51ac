"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FilterDeleteCount } from "@/lib/contracts/job-bulk-delete";
import { countMatchingJobs, deleteMatchingJobs } from "@/lib/jobs/job-api";
import { useI18n } from "../i18n/i18n-provider";
import { BulkDeleteBar } from "./bulk-delete-bar";

type Props = {
  /** the list's query: its filters name the jobs */
  query: URLSearchParams;
  /** the list's count, said before the server counts again for the confirmation */
  total: number;
  onDone: (deleted: number, live: number) => void;
  onClear: () => void;
};

/**
 * Every job the filters match is selected (not only the page): the confirmation says how
 * many go, counted by the server at that moment, and how many live ones stay.
 */
export function BulkDeleteMatching({ query, total, onDone, onClear }: Props) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [counted, setCounted] = useState<FilterDeleteCount | null>(null);
  const count = useMutation({ mutationFn: () => countMatchingJobs(query), onSuccess: setCounted });
  const del = useMutation({
    mutationFn: () => deleteMatchingJobs(query),
    onSettled: () => client.invalidateQueries({ queryKey: ["jobs", "list"] }),
    onSuccess: (r) => {
      setCounted(null);
      onDone(r.deleted, r.live);
    },
  });
  const close = () => {
    setCounted(null);
    del.reset();
  };

  return (
    <BulkDeleteBar
      summary={t.bulk.allMatching(total)}
      deleteLabel={count.isPending ? t.bulk.counting : t.bulk.deleteMatching}
      deleteDisabled={count.isPending}
      onDelete={() => count.mutate()}
      onClear={onClear}
      alert={count.isError ? count.error.message : null}
      confirming={counted !== null}
      onCloseConfirm={close}
      onConfirm={() => del.mutate()}
      pending={del.isPending}
      error={del.isError ? del.error.message : null}
    >
      {counted && t.bulk.confirmMatching(counted.count)}
      {counted && counted.live > 0 && ` ${t.bulk.liveSkipped(counted.live)}`}
    </BulkDeleteBar>
  );
}
