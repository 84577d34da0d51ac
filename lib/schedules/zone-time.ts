/** A schedule's zone when its creator names none; also the zone a CSV export writes times in by default. */
export const DEFAULT_TIMEZONE = "Asia/Shanghai";

/** `2025-05-04 09:30` as a wall clock in the given IANA zone (a schedule's own zone). */
export function formatInZone(sec: number, timeZone: string): string {
  try {
    return zoneClock(timeZone, { seconds: false })(sec);
  } catch {
    return new Date(sec * 1000).toISOString().slice(0, 16).replace("T", " ") + " UTC";
  }
}

const DAY = 86_400;
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Unix seconds → `2025-05-04 09:30:05` (or without seconds) as a wall clock in an IANA
 * zone, for many times (a CSV export formats two per row). Intl takes ~10 µs per time,
 * so it is asked only for the zone's offset at the edges of each UTC day, kept per day:
 * when both agree the day has no transition and its times are plain arithmetic.
 * Throws a RangeError for an unknown zone.
 */
export function zoneClock(timeZone: string, { seconds = true } = {}): (sec: number) => string {
  const offsetAt = zoneOffsetReader(timeZone);
  // per UTC day: the zone's offset when it holds all day, null when it changes that day
  const offsets = new Map<number, number | null>();
  return (sec) => {
    const day = Math.floor(sec / DAY);
    let offset = offsets.get(day);
    if (offset === undefined) {
      const first = offsetAt(day * DAY);
      offset = first === offsetAt(day * DAY + DAY - 1) ? first : null;
      offsets.set(day, offset);
    }
    const wall = new Date((sec + (offset ?? offsetAt(sec))) * 1000);
    const date = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
    const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}${seconds ? `:${pad(wall.getUTCSeconds())}` : ""}`;
    return `${date} ${time}`;
  };
}

/** The zone's offset from UTC at an instant, in seconds (east positive). Throws a RangeError for an unknown zone. */
export function zoneOffsetReader(timeZone: string): (sec: number) => number {
  const format = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  return (sec) => {
    const p: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
    for (const part of format.formatToParts(new Date(sec * 1000))) p[part.type] = part.value;
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) / 1000 - Math.floor(sec);
  };
}
