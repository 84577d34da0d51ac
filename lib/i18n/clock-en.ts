import type { clockZh } from "./clock-zh";

export const clockEn: typeof clockZh = {
  clock: {
    title: "Time display",
    zone: "Time zone",
    zoneHint: "Times on the history, job, schedule and other pages are shown in this zone, with its offset from UTC.",
    followBrowser: (zone: string) => `Follow the browser (${zone})`,
    display: "Format",
    exact: "Exact time",
    relative: "Relative time",
    exactHint: "e.g. 2026-12-07 20:35:18 (UTC+8); the relative time on hover",
    relativeHint: "e.g. “3 minutes ago”; the exact time on hover",
    toggle: "How times are shown",
    saved: "Saved.",
    failed: "Could not save the time settings",
    zoneOf: (zone: string) => `Time zone: ${zone}`,
  },
};
