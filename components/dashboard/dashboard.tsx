"use client";

import { parseAsNumberLiteral, useQueryState } from "nuqs";
import { useI18n } from "../i18n/i18n-provider";
import { ButtonGroup } from "../ui/button-group";
import { QueryState } from "../ui/query-state";
import { Spinner } from "../ui/spinner";
import { DaysZone } from "./days-zone";
import { FailingHosts, FailingTemplates } from "./failing-lists";
import { RunningNow } from "./running-now";
import { StatsCards } from "./stats-cards";
import { DurationChart, OutcomeChart } from "./trend-charts";
import { useStats } from "./use-stats";

const PERIODS = [7, 14, 30, 90] as const;
const REFRESH_MS = 30_000;

/** `/`: how the jobs of the last days went, what fails most, and what runs now. */
export function Dashboard() {
  const { t } = useI18n();
  const d = t.dashboard;
  const [days, setDays] = useQueryState("days", parseAsNumberLiteral(PERIODS).withDefault(14));
  const stats = useStats(["dashboard", days], { days: String(days) }, { refetchInterval: REFRESH_MS });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{d.title}</h1>
        {stats.isPlaceholderData && stats.isFetching && <Spinner label={t.updating} />}
        {stats.data && <DaysZone zone={stats.data.timezone} />}
        <ButtonGroup
          label={d.period}
          className="ml-auto inline-flex"
          buttonClassName="px-3 py-1.5"
          options={PERIODS.map((n) => ({ value: n, label: d.days(n) }))}
          value={days}
          onPick={(n) => void setDays(n)}
        />
      </div>
      <QueryState query={stats} errorTitle={d.loadFailed}>
        {(data) => (
          <>
            <StatsCards total={data.total} />
            <div className="grid gap-4 lg:grid-cols-2">
              <section className="rounded-md border border-slate-200 bg-white px-2 pt-2">
                <h2 className="px-2 text-sm font-semibold text-slate-800">{d.outcomes}</h2>
                <OutcomeChart stats={data} />
              </section>
              <section className="rounded-md border border-slate-200 bg-white px-2 pt-2">
                <h2 className="px-2 text-sm font-semibold text-slate-800">{d.durations}</h2>
                <DurationChart stats={data} />
              </section>
            </div>
            <div className="grid gap-4 lg:grid-cols-3">
              <FailingTemplates stats={data} />
              <FailingHosts stats={data} />
              <RunningNow />
            </div>
          </>
        )}
      </QueryState>
    </div>
  );
}
