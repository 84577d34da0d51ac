/** A schedule's zone when its creator names none. */
export const DEFAULT_TIMEZONE = "Asia/Shanghai";

/** `2025-05-04 09:30` as a wall clock in the given IANA zone (a schedule's own zone). */
export function formatInZone(sec: number, timeZone: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).formatToParts(new Date(sec * 1000));
  } catch {
    return new Date(sec * 1000).toISOString().slice(0, 16).replace("T", " ") + " UTC";
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}
