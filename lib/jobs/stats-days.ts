import { DEFAULT_TIMEZONE, zoneClock, zoneOffsetReader } from "@/lib/schedules/zone-time";

/**
 * The zone whose calendar days the kept stats roll-ups count in (the database's
 * `job_stats_day()`, migration 0019). Stats asked in a zone whose days differ are counted
 * from the jobs themselves.
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

/**
 * Whether `timeZone`'s calendar days from `fromDay` through `toDay` start and end at the
 * same instants as the kept roll-ups' days (`Asia/Singapore` or `Asia/Taipei` do, being
 * UTC+8 all year like Asia/Shanghai; `UTC` and zones with summer time do not): then the
 * roll-ups answer for that zone too. Compares the offsets at each of the kept days'
 * midnights (one Intl call per day and zone).
 */
export function keptDaysMatch(timeZone: string, fromDay: number, toDay: number): boolean {
  if (timeZone === STATS_DAY_ZONE) return true;
  const kept = zoneOffsetReader(STATS_DAY_ZONE);
  const asked = zoneOffsetReader(timeZone);
  for (let day = fromDay; day <= toDay + 1; day++) {
    // the kept zone's midnight starting `day`: its offset is whole hours, constant within the day
    const midnight = day * (DAY_MS / 1000) - kept(day * (DAY_MS / 1000));
    if (asked(midnight) !== kept(midnight)) return false;
  }
  return true;
}
