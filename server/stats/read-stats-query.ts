import type { SQL } from "drizzle-orm";
import { assertValid } from "@/core/errors";
import { msg } from "@/lib/drf/messages";
import { isTimeZone, scheduleMessages } from "@/lib/schedules/cron";
import { dayNumber, keptDaysMatch, MAX_STATS_DAYS, STATS_DAY_ZONE } from "@/lib/jobs/stats-days";
import { readListQuery } from "../drf/list-query";
import { lastParam } from "../drf/query-string";
import { DURATIONS_LIST, HOST_FAILURES_LIST, STATS_LIST } from "./stats-spec";

export const DEFAULT_STATS_DAYS = 14;

export type StatsQuery = {
  days: number;
  timeZone: string;
  /** first and last day (days since 1970-01-01 in the zone), both included */
  fromDay: number;
  toDay: number;
  /** the history's conditions on jobs */
  where: SQL[];
  /** the same on the roll-ups, or null when some condition is not one of their dimensions */
  statsWhere: SQL[] | null;
  durationsWhere: SQL[] | null;
  hostsWhere: SQL[] | null;
};

/** `?days=` (1–366, default 14), `?timezone=` (default Asia/Shanghai) and the history's filters; a bad one is a 400 naming it. */
export function readStatsQuery(url: URL, now: number): StatsQuery {
  const daysText = lastParam(url, "days")?.trim() || String(DEFAULT_STATS_DAYS);
  const zone = lastParam(url, "timezone")?.trim() || STATS_DAY_ZONE;
  const days = /^\d{1,4}$/.test(daysText) ? Number(daysText) : NaN;
  assertValid({
    ...(days >= 1 && days <= MAX_STATS_DAYS ? {} : { days: [msg.statsBadDays(MAX_STATS_DAYS)] }),
    ...(isTimeZone(zone) ? {} : { timezone: [scheduleMessages.timezone(zone)] }),
  });
  const stats = readListQuery(url, STATS_LIST);
  const durations = readListQuery(url, DURATIONS_LIST);
  const hosts = readListQuery(url, HOST_FAILURES_LIST);
  const toDay = dayNumber(now, zone);
  const kept = keptDaysMatch(zone, toDay - days + 1, toDay);
  return {
    days,
    timeZone: zone,
    fromDay: toDay - days + 1,
    toDay,
    where: stats.where,
    statsWhere: kept ? stats.countWhere : null,
    durationsWhere: kept ? durations.countWhere : null,
    hostsWhere: kept ? hosts.countWhere : null,
  };
}
