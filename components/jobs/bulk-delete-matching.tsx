"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FilterDeleteCount } from "@/lib/contracts/job-bulk-delete";
import { countMatchingJobs, deleteMatchingJobs } from "@/lib/jobs/job-api";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useI18n } from "../i18n/i18n-provider";

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
    <div className="flex items-center gap-2 text-sm">
      <span className="font-medium text-blue-900">{t.bulk.allMatching(total)}</span>
      <Button variant="danger" onClick={() => count.mutate()} disabled={count.isPending}>
        {count.isPending ? t.bulk.counting : t.bulk.deleteMatching}
      </Button>
      <Button variant="ghost" onClick={onClear}>
        {t.bulk.clearSelection}
      </Button>
      {count.isError && (
        <span role="alert" className="text-red-800">
          {count.error.message}
        </span>
      )}
      <ConfirmDialog
        open={counted !== null}
        onClose={close}
        title={t.bulk.confirmTitle}
        error={del.isError ? del.error.message : null}
        pending={del.isPending}
        confirmLabel={t.bulk.confirm}
        pendingLabel={t.bulk.deleting}
        cancelLabel={t.cancel}
        onConfirm={() => del.mutate()}
      >
        {counted && t.bulk.confirmMatching(counted.count)}
        {counted && counted.live > 0 && ` ${t.bulk.liveSkipped(counted.live)}`}
      </ConfirmDialog>
    </div>
  );
}
