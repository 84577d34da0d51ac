"use client";

import { useState } from "react";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useI18n } from "../i18n/i18n-provider";
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
    <div className="flex items-center gap-2 text-sm">
      <span className="font-medium text-blue-900">{t.bulk.selected(ids.length)}</span>
      <Button variant="danger" onClick={() => setConfirming(true)}>
        {t.bulk.delete}
      </Button>
      <Button variant="ghost" onClick={onClear}>
        {t.bulk.clearSelection}
      </Button>
      <ConfirmDialog
        open={confirming}
        onClose={close}
        title={t.bulk.confirmTitle}
        error={del.isError ? del.error.message : null}
        pending={del.isPending}
        confirmLabel={t.bulk.confirm}
        pendingLabel={t.bulk.deleting}
        cancelLabel={t.cancel}
        onConfirm={confirm}
      >
        {t.bulk.confirmBody(ids.length)}
      </ConfirmDialog>
    </div>
  );
}
