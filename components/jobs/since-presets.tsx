"use client";

import { SINCE_PRESETS, type SincePreset } from "@/lib/jobs/history-search";
import { ButtonGroup } from "../ui/button-group";
import { useI18n } from "../i18n/i18n-provider";

const PRESETS = Object.keys(SINCE_PRESETS) as SincePreset[];

/** The last hour, day, 7 or 30 days: one press, again to drop it; a date-time range replaces it. */
export function SincePresets({ value, onChange }: { value: SincePreset | null; onChange: (v: SincePreset | null) => void }) {
  const { t } = useI18n();
  return (
    <div className="sm:col-span-2">
      <span className="mb-1 block text-xs font-medium text-slate-600">{t.filters.since}</span>
      <ButtonGroup
        label={t.filters.since}
        className="flex h-9"
        buttonClassName="flex-1 px-1.5"
        options={PRESETS.map((p) => ({ value: p, label: t.filters.sinceLabels[p] }))}
        value={value}
        onPick={(p) => onChange(p === value ? null : p)}
      />
    </div>
  );
}
