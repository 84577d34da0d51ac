"use client";

import { useId } from "react";
import type { HistorySearch } from "@/lib/jobs/history-search";
import { useI18n } from "../i18n/i18n-provider";
import { COLUMNS } from "./job-table";

/** The table's column sorting as one select, for the card list at phone width. */
export function SortSelect({ ordering, onSort }: { ordering: HistorySearch["ordering"]; onSort: (o: HistorySearch["ordering"]) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="flex items-center gap-2 text-sm text-slate-600 md:hidden">
      <label htmlFor={id}>{t.history.sort}</label>
      <select
        id={id}
        value={ordering}
        onChange={(e) => onSort(e.target.value as HistorySearch["ordering"])}
        className="h-9 rounded-md border border-slate-300 bg-white px-2 text-slate-900"
      >
        {COLUMNS.filter((c) => c.sort).flatMap((c) => [
          <option key={`-${c.sort}`} value={`-${c.sort}`}>{`${c.label(t.fields)} ↓`}</option>,
          <option key={c.sort} value={c.sort}>{`${c.label(t.fields)} ↑`}</option>,
        ])}
      </select>
    </div>
  );
}
