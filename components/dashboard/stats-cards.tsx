"use client";

import type { StatsFigures } from "@/lib/contracts/stats";
import { useI18n } from "../i18n/i18n-provider";
import { percent } from "@/lib/stats/format-stats";

/** The period's totals: ended jobs, success rate, median and p95 duration. */
export function StatsCards({ total }: { total: StatsFigures }) {
  const { t } = useI18n();
  const d = t.dashboard;
  const seconds = (s: number | null) => (s === null ? d.none : d.seconds(s));
  const cards: [string, string, string?][] = [
    [d.jobs, String(total.jobs)],
    [d.successRate, percent(total.success_rate), d.successRateHint],
    [d.p50, seconds(total.duration_p50), d.durationHint],
    [d.p95, seconds(total.duration_p95), d.durationHint],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {cards.map(([label, value, hint]) => (
        <div key={label} className="rounded-md border border-slate-200 bg-white px-4 py-3" title={hint}>
          <dt className="text-xs font-medium text-slate-600">{label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid={`stat-${label}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
