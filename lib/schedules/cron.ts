import { CronExpressionParser } from "cron-parser";
import { echo } from "../drf/messages";

export { isTimeZone } from "../clock/zone-clock";

export const scheduleMessages = {
  cron: (why: string) => `无效的 cron 表达式：${echo(why)}`,
  cronFields: (n: number) => `需要 5 个字段（分 时 日 月 周），得到 ${n} 个。`,
  cronHash: "不支持 H（散列）写法。",
  timezone: (tz: string) => `“${echo(tz)}” 不是有效的 IANA 时区（例如 Asia/Shanghai）。`,
} as const;

/**
 * Why a cron expression is refused, or null when it is a standard 5-field one
 * (minute hour day-of-month month day-of-week). cron-parser also takes seconds,
 * `@daily` macros and Jenkins' `H`; the standard form does not.
 */
export function cronProblem(expr: string): string | null {
  const fields = expr.trim().split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return scheduleMessages.cron(scheduleMessages.cronFields(fields.length));
  if (fields.some((f) => /(^|[^A-Za-z])H([^A-Za-z]|$)/.test(f))) return scheduleMessages.cron(scheduleMessages.cronHash);
  try {
    CronExpressionParser.parse(fields.join(" "), { tz: "UTC" });
    return null;
  } catch (e) {
    return scheduleMessages.cron((e as Error).message);
  }
}

/** The first run after `after` (Unix seconds) in the schedule's zone, or null if there is none. */
export function nextRunAfter(expr: string, timezone: string, after: number): number | null {
  try {
    const it = CronExpressionParser.parse(expr.trim(), { tz: timezone, currentDate: new Date(after * 1000) });
    return Math.floor(it.next().getTime() / 1000);
  } catch {
    return null;
  }
}
