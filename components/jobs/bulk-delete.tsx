"use client";

import { useState } from "react";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
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
      <Dialog open={confirming} onClose={close} title={t.bulk.confirmTitle}>
        <p className="text-sm text-slate-700">{t.bulk.confirmBody(ids.length)}</p>
        {del.isError && (
          <p role="alert" className="mt-3 rounded-md bg-red-50 p-2 text-sm text-red-800">
            {del.error.message}
          </p>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <Button onClick={close} autoFocus>
            {t.cancel}
          </Button>
          <Button variant="danger" onClick={confirm} disabled={del.isPending}>
            {del.isPending ? t.bulk.deleting : t.bulk.confirm}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
