import { DEFAULT_TIMEZONE, zoneClock } from "@/lib/schedules/zone-time";

/**
 * The zone whose calendar days the kept stats roll-ups count in (the database's
 * `job_stats_day()`, migration 0019). Stats asked in another zone are counted from the
 * jobs themselves.
 */
export const STATS_DAY_ZONE = DEFAULT_TIMEZONE;

/** The most days one stats request may cover. */
export const MAX_STATS_DAYS = 366;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of the calendar day `sec` falls on in `timeZone`. */
export function dayNumber(sec: number, timeZone: string): number {
  const date = zoneClock(timeZone)(sec).slice(0, 10);
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** `2026-12-07` of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
