"use client";

import { offsetLabel, zoneOffset } from "@/lib/clock/zone-clock";
import { nowSeconds } from "@/lib/time";
import { useI18n } from "../i18n/i18n-provider";

/** Which zone's calendar days the figures are counted in: the user's clock. */
export function DaysZone({ zone }: { zone: string }) {
  const { t } = useI18n();
  return (
    <span className="text-xs text-slate-500" data-testid="stats-zone">
      {t.dashboard.daysIn(zone, offsetLabel(zoneOffset(nowSeconds(), zone)))}
    </span>
  );
}
