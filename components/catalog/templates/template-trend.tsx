"use client";

import { percent } from "@/lib/stats/format-stats";
import { DaysZone } from "../../dashboard/days-zone";
import { DurationChart, OutcomeChart } from "../../dashboard/trend-charts";
import { useStats } from "../../dashboard/use-stats";
import { useI18n } from "../../i18n/i18n-provider";
import { ErrorState } from "../../ui/error-state";

const DAYS = 30;

/** A template's last 30 days: outcomes and success rate per day, and its durations. */
export function TemplateTrend({ templateId }: { templateId: number }) {
  const { t } = useI18n();
  const d = t.dashboard;
  const stats = useStats(["template", templateId, DAYS], { days: String(DAYS), template: String(templateId) });
  const total = stats.data?.total;
  return (
    <section className="rounded-md border border-slate-200 bg-white p-3" aria-labelledby="template-trend-title" data-testid="template-trend">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1 px-1">
        <h2 id="template-trend-title" className="text-sm font-semibold text-slate-800">
          {d.trend(DAYS)}
        </h2>
        {total && total.jobs > 0 && (
          <p className="text-sm text-slate-600" data-testid="template-trend-summary">
            {d.jobs} {total.jobs} · {d.successRate} {percent(total.success_rate)} · {d.p50}{" "}
            {total.duration_p50 === null ? d.none : d.seconds(total.duration_p50)}
          </p>
        )}
        {stats.data && <DaysZone zone={stats.data.timezone} />}
      </div>
      {stats.isError ? (
        <ErrorState title={d.loadFailed} error={stats.error} onRetry={() => void stats.refetch()} retrying={stats.isFetching} />
      ) : total && total.jobs === 0 ? (
        <p className="px-1 py-4 text-sm text-slate-500">{d.trendEmpty}</p>
      ) : stats.data ? (
        <div className="grid gap-2 md:grid-cols-2">
          <OutcomeChart stats={stats.data} height={200} />
          <DurationChart stats={stats.data} height={200} />
        </div>
      ) : (
        <div className="h-[200px]" />
      )}
    </section>
  );
}
