"use client";

import { useId, useState } from "react";
import { FILTER_KEYS, isDay, isWallTime, MAX_HOST, type HistorySearch } from "@/lib/jobs/history-search";
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
import { useClock } from "../clock/use-clock";
import { nowSeconds } from "@/lib/time";
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
  const clock = useClock();
  // the zone the range is read in, named beside its inputs (its offset today)
  const zone = clock.zone === null ? "" : clock.label(nowSeconds());
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
        <WallTimeInput
          label={t.filters.from}
          zone={zone}
          value={asInput(search.from, "00:00")}
          min={null}
          max={asInput(search.to, "23:59")}
          onChange={(v) => set({ from: v, since: null })}
        />
        <WallTimeInput
          label={t.filters.to}
          zone={zone}
          value={asInput(search.to, "23:59")}
          min={asInput(search.from, "00:00")}
          max={null}
          onChange={(v) => set({ to: v, since: null })}
        />
        <SincePresets value={search.since} onChange={(since) => set({ since, from: null, to: null })} />
        <div className="xl:col-span-2">
          <SearchFilter
            value={search.host ?? ""}
            onChange={(v) => set({ host: v || null })}
            label={t.hostFilter.label}
            placeholder={t.hostFilter.placeholder}
            maxLength={MAX_HOST}
          />
        </div>
        <div className="flex items-end sm:col-span-2 md:col-span-4 xl:col-span-8">
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

/** A day-only bound of an old link, as the minute it stands for: a `from` day's first, a `to` day's last. */
const asInput = (wall: string | null, dayTime: string) => (wall === null ? null : isDay(wall) ? `${wall}T${dayTime}` : wall);

/** A date and time to the minute, read in the user's zone (the history's other times are shown in it too). */
function WallTimeInput({
  label,
  zone,
  value,
  min,
  max,
  onChange,
}: {
  label: string;
  zone: string;
  value: string | null;
  min: string | null;
  max: string | null;
  onChange: (v: string | null) => void;
}) {
  const id = useId();
  return (
    <div className="sm:col-span-2 md:col-span-2 xl:col-span-2">
      <div className="mb-1 flex items-baseline gap-1.5 text-xs">
        <label htmlFor={id} className="font-medium text-slate-600">
          {label}
        </label>
        <span id={`${id}-zone`} className="text-slate-500">
          {zone}
        </span>
      </div>
      <input
        id={id}
        aria-describedby={zone ? `${id}-zone` : undefined}
        type="datetime-local"
        step={60}
        value={value ?? ""}
        min={min ?? undefined}
        max={max ?? undefined}
        onChange={(e) => onChange(isWallTime(e.target.value) ? e.target.value : null)}
        className="h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm focus:border-blue-600 focus:outline-2 focus:outline-blue-600/30"
      />
    </div>
  );
}
