"use client";

import { SINCE_PRESETS, type SincePreset } from "@/lib/jobs/history-search";
import { useI18n } from "../i18n/i18n-provider";

const PRESETS = Object.keys(SINCE_PRESETS) as SincePreset[];

/** The last hour, day, 7 or 30 days: one press, again to drop it; a date-time range replaces it. */
export function SincePresets({ value, onChange }: { value: SincePreset | null; onChange: (v: SincePreset | null) => void }) {
  const { t } = useI18n();
  return (
    <div className="sm:col-span-2">
      <span className="mb-1 block text-xs font-medium text-slate-600">{t.filters.since}</span>
      <div role="group" aria-label={t.filters.since} className="flex h-9 overflow-hidden rounded-md border border-slate-300 bg-white text-sm">
        {PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={p === value}
            onClick={() => onChange(p === value ? null : p)}
            className={`flex-1 px-1.5 whitespace-nowrap focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 ${p === value ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-50"}`}
          >
            {t.filters.sinceLabels[p]}
          </button>
        ))}
      </div>
    </div>
  );
}
