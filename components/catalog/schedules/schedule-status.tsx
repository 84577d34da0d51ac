"use client";

import type { ScheduleRecord } from "@/lib/catalog/catalog-records";
import { describeCron } from "@/lib/schedules/describe-cron";
import { formatInZone } from "@/lib/schedules/zone-time";
import { useCatalogText } from "../use-catalog-text";

/** The next fire as a wall clock in the schedule's own zone (the zone its cron is read in). */
export function NextRun({ schedule: s }: { schedule: ScheduleRecord }) {
  const { c } = useCatalogText();
  if (s.next_run === null) return <span className="text-slate-500">{c.schedules.nextRunNone}</span>;
  return (
    <span className="whitespace-nowrap tabular-nums">
      <time dateTime={new Date(s.next_run * 1000).toISOString()}>{formatInZone(s.next_run, s.timezone)}</time>
      <span className="ml-1 text-xs text-slate-500">{s.timezone}</span>
    </span>
  );
}

export function CronText({ cron }: { cron: string }) {
  const { lang } = useCatalogText();
  const words = describeCron(cron, lang);
  return (
    <>
      <code className="whitespace-nowrap font-mono text-[13px]">{cron}</code>
      {words && <p className="text-xs text-slate-500">{words}</p>}
    </>
  );
}

export function LastError({ error }: { error: string }) {
  const { c } = useCatalogText();
  if (!error) return null;
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <p className="font-medium">{c.schedules.lastError}</p>
      <p className="mt-0.5 break-words">{error}</p>
    </div>
  );
}
