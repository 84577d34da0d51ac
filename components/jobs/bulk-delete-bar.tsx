"use client";

import type { ReactNode } from "react";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useI18n } from "../i18n/i18n-provider";

type Props = {
  /** what is selected, in words */
  summary: string;
  deleteLabel: string;
  deleteDisabled?: boolean;
  onDelete: () => void;
  onClear: () => void;
  /** why the delete could not even be offered (shown beside the buttons) */
  alert?: string | null;
  confirming: boolean;
  onCloseConfirm: () => void;
  onConfirm: () => void;
  pending: boolean;
  error: string | null;
  /** the confirmation's text: what goes */
  children: ReactNode;
};

/** The bar shown over a selection of jobs: delete (after a confirmation) or clear it. */
export function BulkDeleteBar(p: Props) {
  const { t } = useI18n();
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="font-medium text-blue-900">{p.summary}</span>
      <Button variant="danger" onClick={p.onDelete} disabled={p.deleteDisabled}>
        {p.deleteLabel}
      </Button>
      <Button variant="ghost" onClick={p.onClear}>
        {t.bulk.clearSelection}
      </Button>
      {p.alert && (
        <span role="alert" className="text-red-800">
          {p.alert}
        </span>
      )}
      <ConfirmDialog
        open={p.confirming}
        onClose={p.onCloseConfirm}
        title={t.bulk.confirmTitle}
        error={p.error}
        pending={p.pending}
        confirmLabel={t.bulk.confirm}
        pendingLabel={t.bulk.deleting}
        cancelLabel={t.cancel}
        onConfirm={p.onConfirm}
      >
        {p.children}
      </ConfirmDialog>
    </div>
  );
}
