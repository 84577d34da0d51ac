"use client";

import { useMemo } from "react";
import type { TimeDisplay } from "@/lib/auth/time-display";
import { browserZone, formatWall, formatWithZone, isTimeZone, zoneLabel } from "@/lib/clock/zone-clock";
import { useMe } from "../auth/use-permissions";
import { useIsClient } from "../ui/use-is-client";

export type Clock = {
  /** the zone times are shown in: the user's setting, else the browser's; null while the server renders for a browser-zone user */
  zone: string | null;
  /** the browser's zone, once in the browser */
  browserZone: string | null;
  display: TimeDisplay;
  /** `2026-12-07 20:35:18`: call only when `zone` is known */
  wall: (sec: number, opts?: { seconds?: boolean }) => string;
  /** `UTC+8` */
  label: (sec: number) => string;
  /** `2026-12-07 20:35:18 (UTC+8)` */
  exact: (sec: number, opts?: { seconds?: boolean }) => string;
};

/** The one clock of the UI: every time shown goes through it. */
export function useClock(): Clock {
  const me = useMe().data;
  const isClient = useIsClient();
  const browser = isClient ? browserZone() : null;
  const setting = me?.time_zone && isTimeZone(me.time_zone) ? me.time_zone : null;
  const zone = setting ?? browser;
  const display = me?.time_display ?? "exact";
  return useMemo(
    () => ({
      zone,
      browserZone: browser,
      display,
      wall: (sec, opts) => formatWall(sec, zone ?? "UTC", opts),
      label: (sec) => zoneLabel(sec, zone ?? "UTC"),
      exact: (sec, opts) => formatWithZone(sec, zone ?? "UTC", opts),
    }),
    [zone, browser, display],
  );
}
