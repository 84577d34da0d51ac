"use client";

import Link from "next/link";
import { useState } from "react";
import type { SavedFilterRecord } from "@/lib/contracts/saved-filter";
import { toFieldErrors } from "../catalog/form/use-form-state";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { CopyButton } from "../ui/copy-button";
import { useI18n } from "../i18n/i18n-provider";
import { useDeleteSavedFilter, useRenameSavedFilter } from "./use-saved-filters";

/** Field errors of a failed change, else its message, as lines. */
const errorLines = (error: unknown): string[] => (error ? Object.values(toFieldErrors(error)).flat() : []);

/** A failed change's messages, a line each. */
export function ErrorLines({ error }: { error: unknown }) {
  return errorLines(error).map((m) => (
    <p key={m} role="alert" className="mt-1 text-xs text-red-700">
      {m}
    </p>
  ));
}

/** One saved filter: open it, copy its link, rename it in place, delete it after asking. */
export function SavedFilterItem({ filter, current, onOpen }: { filter: SavedFilterRecord; current: boolean; onOpen: () => void }) {
  const { t } = useI18n();
  const s = t.savedFilters;
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(filter.name);
  const [confirming, setConfirming] = useState(false);
  const rename = useRenameSavedFilter();
  const del = useDeleteSavedFilter();
  const link = typeof window === "undefined" ? filter.url : new URL(filter.url, window.location.origin).toString();

  if (renaming)
    return (
      <li className="py-2">
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate({ id: filter.id, name }, { onSuccess: () => setRenaming(false) });
          }}
        >
          <input
            aria-label={s.newName}
            value={name}
            autoFocus
            maxLength={64}
            onChange={(e) => setName(e.target.value)}
            className="h-8 min-w-0 flex-1 rounded-md border border-slate-300 px-2 text-sm"
          />
          <Button type="submit" variant="primary" className="h-8 px-2.5" disabled={rename.isPending}>
            {s.save}
          </Button>
          <Button
            className="h-8 px-2.5"
            onClick={() => {
              setRenaming(false);
              setName(filter.name);
              rename.reset();
            }}
          >
            {s.cancel}
          </Button>
        </form>
        <ErrorLines error={rename.error} />
      </li>
    );

  return (
    <li className="flex items-center gap-1 py-1.5">
      <Link
        href={filter.url}
        onClick={onOpen}
        aria-label={s.open(filter.name)}
        aria-current={current ? "page" : undefined}
        className={`min-w-0 flex-1 rounded px-1.5 py-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 ${current ? "bg-blue-50" : ""}`}
      >
        <span className="block truncate text-sm font-medium text-blue-800">
          {filter.name}
          {current && <span className="ml-2 text-xs font-normal text-slate-500">· {s.current}</span>}
        </span>
        <span className="block truncate text-xs text-slate-500">{filter.query ? decodeURIComponent(filter.query) : s.everything}</span>
      </Link>
      <CopyButton compact text={link} label={s.copyLinkOf(filter.name)} labels={{ copy: s.copyLink, copied: s.copied, failed: s.copyFailed }} />
      <Button variant="ghost" className="h-7 px-2 text-xs" aria-label={s.renameOf(filter.name)} onClick={() => setRenaming(true)}>
        {s.rename}
      </Button>
      <Button variant="ghost" className="h-7 px-2 text-xs text-red-700" aria-label={s.deleteOf(filter.name)} onClick={() => setConfirming(true)}>
        {s.delete}
      </Button>
      <ConfirmDialog
        open={confirming}
        onClose={() => {
          setConfirming(false);
          del.reset();
        }}
        title={s.confirmDelete}
        error={del.error ? errorLines(del.error).join(" ") : null}
        pending={del.isPending}
        confirmLabel={s.delete}
        pendingLabel={s.deleting}
        cancelLabel={s.cancel}
        onConfirm={() => del.mutate(filter.id, { onSuccess: () => setConfirming(false) })}
      >
        {s.confirmDeleteBody(filter.name)}
      </ConfirmDialog>
    </li>
  );
}
