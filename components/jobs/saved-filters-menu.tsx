"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { HistorySearch } from "@/lib/jobs/history-search";
import { savedViewOf } from "@/lib/jobs/saved-view";
import { Button, buttonClass } from "../ui/button";
import { Spinner } from "../ui/spinner";
import { useI18n } from "../i18n/i18n-provider";
import { ErrorLines, SavedFilterItem } from "./saved-filter-item";
import { useCreateSavedFilter, useSavedFilters } from "./use-saved-filters";

/**
 * 已保存的筛选: the user's named views of the history (its URL without the page). Saving
 * names the current view; each opens as a plain link, so a copied one works for anyone.
 */
export function SavedFiltersMenu({ search }: { search: HistorySearch }) {
  const { t } = useI18n();
  const s = t.savedFilters;
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const list = useSavedFilters(opened);
  const query = savedViewOf(search);

  const close = (refocus = false) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  const filters = list.data?.results ?? [];
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        className={buttonClass("secondary")}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!open);
          setOpened(true);
        }}
      >
        <span aria-hidden>☆</span> {s.menu}{" "}
        <span aria-hidden className="text-[10px]">
          ▾
        </span>
      </button>
      {open && (
        <div
          id={panelId}
          role="region"
          aria-label={s.menu}
          onKeyDown={(e) => {
            if (e.key === "Escape" && !(e.target as HTMLElement).closest("dialog")) close(true);
          }}
          className="absolute right-0 top-full z-30 mt-1 w-[30rem] max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-3 text-left shadow-lg"
        >
          <SaveCurrent query={query} />
          <h2 className="mt-3 border-t border-slate-100 pt-2 text-xs font-semibold text-slate-500">{s.list}</h2>
          {list.isPending ? (
            <p className="flex items-center gap-2 py-3 text-sm text-slate-500">
              <Spinner /> {t.updating}
            </p>
          ) : list.isError ? (
            <p role="alert" className="py-3 text-sm text-red-700">
              {s.loadFailed}: {list.error.message}
            </p>
          ) : filters.length === 0 ? (
            <p className="py-3 text-sm text-slate-500">{s.empty}</p>
          ) : (
            <ul aria-label={s.list} className="max-h-80 divide-y divide-slate-100 overflow-y-auto">
              {filters.map((f) => (
                <SavedFilterItem key={f.id} filter={f} current={f.query === query} onOpen={() => close()} />
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function SaveCurrent({ query }: { query: string }) {
  const { t } = useI18n();
  const s = t.savedFilters;
  const [name, setName] = useState("");
  const [done, setDone] = useState("");
  const create = useCreateSavedFilter();
  const inputId = useId();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setDone("");
        create.mutate(
          { name, query },
          {
            onSuccess: (f) => {
              setName("");
              setDone(s.saved(f.name));
            },
          },
        );
      }}
    >
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {s.saveCurrent}
      </label>
      <p className="text-xs text-slate-500">{s.saveHint}</p>
      <div className="mt-1.5 flex gap-2">
        <input
          id={inputId}
          value={name}
          maxLength={64}
          placeholder={s.namePlaceholder}
          onChange={(e) => {
            setName(e.target.value);
            create.reset();
          }}
          className="h-9 min-w-0 flex-1 rounded-md border border-slate-300 px-2 text-sm"
        />
        <Button type="submit" variant="primary" disabled={create.isPending || !name.trim()}>
          {create.isPending ? s.saving : s.save}
        </Button>
      </div>
      <ErrorLines error={create.error} />
      <p role="status" className="mt-1 text-xs text-green-800">
        {done}
      </p>
    </form>
  );
}
