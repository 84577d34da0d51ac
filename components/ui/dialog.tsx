"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "./button";

/**
 * A modal on the native `<dialog>`: focus is trapped, Escape closes, the page behind is
 * inert; when it closes, or is taken off the page while open, focus goes back to the
 * control that opened it. Left-aligned whatever the cell its button sits in.
 */
export function Dialog({ open, onClose, title, children, wide }: { open: boolean; onClose: () => void; title: string; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
    }
    if (!open && d.open) {
      d.close();
      refocus(opener);
    }
  }, [open]);
  // a dialog its parent unmounts while open (closed by dropping it) gives focus back too
  useEffect(() => () => refocus(opener), []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className={`m-auto max-h-[90vh] w-[calc(100%-1.5rem)] overflow-y-auto rounded-lg bg-white p-0 text-left text-slate-900 shadow-xl backdrop:bg-slate-900/40 ${wide ? "max-w-4xl" : "max-w-md"}`}
    >
      {open && (
        <div className="p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div className="mt-3">{children}</div>
        </div>
      )}
    </dialog>
  );
}

function refocus(opener: { current: HTMLElement | null }) {
  const el = opener.current;
  opener.current = null;
  if (el?.isConnected) el.focus();
}

/** A form dialog's last row, kept in view: cancel, and submit (its label while sending). */
export function DialogSubmitBar({
  onCancel,
  cancelLabel,
  submitLabel,
  pendingLabel,
  pending,
}: {
  onCancel: () => void;
  cancelLabel: string;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
}) {
  return (
    <div className="sticky bottom-0 -mx-5 -mb-5 flex justify-end gap-2 border-t border-slate-200 bg-white px-5 py-3">
      <Button onClick={onCancel}>{cancelLabel}</Button>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </div>
  );
}
