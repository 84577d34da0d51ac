"use client";

import { useEffect, useId, useRef, useState } from "react";
import { JOB_STATES, type JobState } from "@/lib/jobs/enums";
import { useI18n } from "../i18n/i18n-provider";

/** Several states at once (`?state=failed,error`): a button naming the choice, opening a list of checkboxes. */
export function StateFilter({ value, onChange }: { value: JobState[] | null; onChange: (states: JobState[] | null) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const labelId = useId();
  const chosen = value ?? [];
  const summary = chosen.length ? chosen.map((s) => t.states[s] ?? s).join("、") : t.filters.any;

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  const toggle = (state: JobState, on: boolean) => {
    const next = JOB_STATES.filter((s) => (s === state ? on : chosen.includes(s)));
    onChange(next.length ? next : null);
  };

  return (
    <div
      ref={box}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <span id={labelId} className="mb-1 block text-xs font-medium text-slate-600">
        {t.fields.state}
      </span>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-label={t.filters.chosen(t.fields.state, summary)}
        onClick={() => setOpen(!open)}
        className="flex h-9 w-full items-center justify-between gap-1 rounded-md border border-slate-300 bg-white px-2 text-left text-sm focus:border-blue-600 focus:outline-2 focus:outline-blue-600/30"
      >
        <span className="truncate">{summary}</span>
        <span aria-hidden className="text-slate-500">
          ▾
        </span>
      </button>
      {open && (
        <div role="group" aria-labelledby={labelId} className="absolute z-20 mt-1 w-44 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
          {JOB_STATES.map((s) => (
            <label key={s} className="flex items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-50">
              <input type="checkbox" checked={chosen.includes(s)} onChange={(e) => toggle(s, e.target.checked)} className="size-4" />
              {t.states[s] ?? s}
            </label>
          ))}
          {chosen.length > 0 && (
            <button type="button" onClick={() => onChange(null)} className="mt-1 w-full rounded px-1.5 py-1 text-left text-sm text-blue-800 hover:bg-slate-50">
              {t.filters.anyState}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
