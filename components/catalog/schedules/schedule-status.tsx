"use client";

import type { ScheduleRecord } from "@/lib/catalog/catalog-records";
import { describeCron } from "@/lib/schedules/describe-cron";
import { formatInZone } from "@/lib/schedules/zone-time";
import { zoneLabel } from "@/lib/clock/zone-clock";
import { useClock } from "../../clock/use-clock";
import { LocalTime } from "../../ui/local-time";
import { useCatalogText } from "../use-catalog-text";

/**
 * The next fire in the user's zone, like the times of the jobs it starts; where the
 * schedule's own zone (the one its cron is read in) differs, its wall clock there too.
 */
export function NextRun({ schedule: s }: { schedule: ScheduleRecord }) {
  const { c } = useCatalogText();
  const clock = useClock();
  if (s.next_run === null) return <span className="text-slate-500">{c.schedules.nextRunNone}</span>;
  const otherZone = clock.zone !== null && clock.label(s.next_run) !== zoneLabel(s.next_run, s.timezone);
  return (
    <span className="whitespace-nowrap">
      <LocalTime value={s.next_run} />
      {otherZone && (
        <span className="block text-xs text-slate-500 tabular-nums">
          {formatInZone(s.next_run, s.timezone)} {s.timezone}
        </span>
      )}
    </span>
  );
}

/** The cron, in words, and the zone it is read in. */
export function CronText({ cron, timezone }: { cron: string; timezone: string }) {
  const { lang } = useCatalogText();
  const words = describeCron(cron, lang);
  return (
    <>
      <code className="whitespace-nowrap font-mono text-[13px]">{cron}</code>
      <span className="ml-1.5 text-xs text-slate-500">{timezone}</span>
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
