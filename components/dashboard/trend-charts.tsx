"use client";

import type { JobStats } from "@/lib/contracts/stats";
import { percent } from "@/lib/stats/format-stats";
import { useI18n } from "../i18n/i18n-provider";
import { EChart } from "./echart";

const COLORS = { successful: "#16a34a", failed: "#dc2626", error: "#9f1239", canceled: "#94a3b8", rate: "#1d4ed8", p50: "#0369a1", p95: "#c2410c" };

/** Ended jobs per day stacked by outcome, with the day's success rate as a line. */
export function OutcomeChart({ stats, height }: { stats: JobStats; height?: number }) {
  const { t } = useI18n();
  const d = t.dashboard;
  const dates = stats.series.map((s) => s.date.slice(5));
  const bar = (key: "successful" | "failed" | "error" | "canceled") => ({
    name: d[key],
    type: "bar",
    stack: "jobs",
    barMaxWidth: 28,
    itemStyle: { color: COLORS[key] },
    data: stats.series.map((s) => s[key]),
  });
  return (
    <EChart
      testId="outcome-chart"
      height={height}
      label={d.outcomesLabel(stats.days, stats.total.jobs, percent(stats.total.success_rate))}
      option={{
        aria: { enabled: true },
        tooltip: { trigger: "axis" },
        legend: { bottom: 0, itemWidth: 12, itemHeight: 8 },
        grid: { left: 40, right: 48, top: 16, bottom: 48 },
        xAxis: { type: "category", data: dates },
        yAxis: [
          { type: "value", minInterval: 1 },
          { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" }, splitLine: { show: false } },
        ],
        series: [
          bar("successful"),
          bar("failed"),
          bar("error"),
          bar("canceled"),
          {
            name: d.rate,
            type: "line",
            yAxisIndex: 1,
            connectNulls: false,
            itemStyle: { color: COLORS.rate },
            data: stats.series.map((s) => (s.success_rate === null ? null : Math.round(s.success_rate * 1000) / 10)),
          },
        ],
      }}
    />
  );
}

/** The median and p95 duration of successful jobs per day. */
export function DurationChart({ stats, height }: { stats: JobStats; height?: number }) {
  const { t } = useI18n();
  const d = t.dashboard;
  const fmt = (s: number | null) => (s === null ? "—" : d.seconds(s));
  const line = (name: string, key: "duration_p50" | "duration_p95", color: string) => ({
    name,
    type: "line",
    connectNulls: false,
    itemStyle: { color },
    data: stats.series.map((s) => s[key]),
  });
  return (
    <EChart
      testId="duration-chart"
      height={height}
      label={d.durationsLabel(stats.days, fmt(stats.total.duration_p50), fmt(stats.total.duration_p95))}
      option={{
        aria: { enabled: true },
        tooltip: { trigger: "axis", valueFormatter: (v: unknown) => (typeof v === "number" ? d.seconds(v) : "—") },
        legend: { bottom: 0, itemWidth: 12, itemHeight: 8 },
        grid: { left: 56, right: 16, top: 16, bottom: 48 },
        xAxis: { type: "category", data: stats.series.map((s) => s.date.slice(5)) },
        yAxis: { type: "value", axisLabel: { formatter: (v: number) => d.seconds(v) } },
        series: [line(d.p50, "duration_p50", COLORS.p50), line(d.p95, "duration_p95", COLORS.p95)],
      }}
    />
  );
}
