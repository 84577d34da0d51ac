"use client";

import type { ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";

type Props = {
  open: boolean;
  onClose: () => void;
  title: string;
  /** the question, as inline text */
  children: ReactNode;
  /** shown in an alert while set: the failed action's message */
  error?: ReactNode;
  pending: boolean;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
};

/** Asks before a destructive action: Cancel has the focus, the danger button says when it is under way. */
export function ConfirmDialog({ open, onClose, title, children, error, pending, confirmLabel, pendingLabel, cancelLabel, onConfirm }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      <p className="text-sm text-slate-700">{children}</p>
      {error != null && error !== false && (
        <p role="alert" className="mt-3 rounded-md bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <div className="mt-5 flex justify-end gap-2">
        <Button onClick={onClose} autoFocus>
          {cancelLabel}
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={pending}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
