"use client";

import { useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { BulkDeleteBar } from "./bulk-delete-bar";
import { useDeleteJobs } from "./use-job-queries";

/** Shown while rows are selected: delete them after a confirmation. */
export function BulkDelete({ ids, onDone, onClear }: { ids: number[]; onDone: (deleted: number) => void; onClear: () => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const del = useDeleteJobs();
  if (ids.length === 0) return null;

  const close = () => {
    setConfirming(false);
    del.reset();
  };
  const confirm = () =>
    del.mutate(ids, {
      onSuccess: () => {
        setConfirming(false);
        onDone(ids.length);
      },
    });

  return (
    <BulkDeleteBar
      summary={t.bulk.selected(ids.length)}
      deleteLabel={t.bulk.delete}
      onDelete={() => setConfirming(true)}
      onClear={onClear}
      confirming={confirming}
      onCloseConfirm={close}
      onConfirm={confirm}
      pending={del.isPending}
      error={del.isError ? del.error.message : null}
    >
      {t.bulk.confirmBody(ids.length)}
    </BulkDeleteBar>
  );
}
