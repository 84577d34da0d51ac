"use client";

import { useState } from "react";
import { FILTER_KEYS, isDay, MAX_HOST, type HistorySearch } from "@/lib/jobs/history-search";
import { JOB_KINDS } from "@/lib/jobs/enums";
import type { ReferenceKind } from "@/lib/jobs/job-api";
import type { JobRecord } from "@/lib/jobs/job-record";
import { Button } from "../ui/button";
import { SelectField } from "../ui/select-field";
import { useI18n } from "../i18n/i18n-provider";
import { ActiveFilterChips } from "./active-filter-chips";
import { ReferenceFilter } from "./reference-filter";
import { SearchFilter } from "./search-filter";
import { SincePresets } from "./since-presets";
import { StateFilter } from "./state-filter";
import type { HistoryUpdate, SetHistorySearch } from "./use-history-search";

const REFERENCE_FILTERS = ["template", "inventory", "credential", "schedule"] as const satisfies ReferenceKind[];

/** The name a job on screen recorded for a referenced id, e.g. `template_name` for `template`. */
export function recordedName(rows: JobRecord[], kind: ReferenceKind, id: number | null): string | null {
  if (id === null) return null;
  return rows.find((r) => r[kind] === id)?.[`${kind}_name`] ?? null;
}

export function JobFilters({ search, setSearch, rows }: { search: HistorySearch; setSearch: SetHistorySearch; rows: JobRecord[] }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const set = (values: HistoryUpdate) => void setSearch({ ...values, page: null });
  const activeCount = FILTER_KEYS.filter((k) => search[k] !== null && search[k] !== "").length;
  const active = activeCount > 0;

  return (
    <section aria-label={t.filters.title} className="rounded-md border border-slate-200 bg-white p-3">
      <div className={`flex items-center justify-between sm:hidden ${shown ? "mb-2" : ""}`}>
        <Button variant="ghost" aria-expanded={shown} onClick={() => setShown(!shown)}>
          {shown ? t.filters.hide : t.filters.show}
          {activeCount > 0 && <span className="rounded-full bg-blue-700 px-1.5 text-xs text-white">{activeCount}</span>}
        </Button>
      </div>
      <div className={`${shown ? "grid" : "hidden"} grid-cols-1 gap-3 sm:grid sm:grid-cols-2 md:grid-cols-4 xl:grid-cols-8`}>
        {REFERENCE_FILTERS.map((kind) => (
          <ReferenceFilter
            key={kind}
            kind={kind}
            label={t.fields[kind]}
            value={search[kind]}
            onChange={(id) => set({ [kind]: id })}
            recordedName={recordedName(rows, kind, search[kind])}
          />
        ))}
        <StateFilter value={search.state} onChange={(state) => set({ state })} />
        <SelectField
          label={t.fields.kind}
          value={search.kind ?? ""}
          anyLabel={t.filters.any}
          options={JOB_KINDS.map((k) => ({ value: k, label: t.kinds[k] ?? k }))}
          onChange={(v) => set({ kind: (v || null) as HistorySearch["kind"] })}
        />
        <div className="sm:col-span-2 md:col-span-2 xl:col-span-2">
          <SearchFilter value={search.search} onChange={(v) => set({ search: v || null })} />
        </div>
        <DayInput label={t.filters.from} value={search.from} min={null} max={search.to} onChange={(v) => set({ from: v, since: null })} />
        <DayInput label={t.filters.to} value={search.to} min={search.from} max={null} onChange={(v) => set({ to: v, since: null })} />
        <SincePresets value={search.since} onChange={(since) => set({ since, from: null, to: null })} />
        <SearchFilter
          value={search.host ?? ""}
          onChange={(v) => set({ host: v || null })}
          label={t.hostFilter.label}
          placeholder={t.hostFilter.placeholder}
          maxLength={MAX_HOST}
        />
        <div className="flex items-end sm:col-span-2 md:col-span-4 xl:col-span-3">
          <ActiveFilterChips search={search} set={set} userName={rows.find((r) => r.cuser === search.cuser)?.user ?? null} />
          {active && (
            <Button variant="ghost" className="ml-auto" onClick={() => set(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])))}>
              {t.filters.clear}
            </Button>
          )}
        </div>
      </div>
    </section>
  );
}

function DayInput({
  label,
  value,
  min,
  max,
  onChange,
}: {
  label: string;
  value: string | null;
  min: string | null;
  max: string | null;
  onChange: (v: string | null) => void;
}) {
  return (
    <label className="block">
      <span className="mb-1 block text-xs font-medium text-slate-600">{label}</span>
      <input
        type="date"
        value={value ?? ""}
        min={min ?? undefined}
        max={max ?? undefined}
        onChange={(e) => onChange(isDay(e.target.value) ? e.target.value : null)}
        className="h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm focus:border-blue-600 focus:outline-2 focus:outline-blue-600/30"
      />
    </label>
  );
}
