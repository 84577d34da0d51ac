import { zoneClock, zoneOffsetReader } from "../schedules/zone-time";

// The one way the UI writes a time: a wall clock in the viewer's effective zone (their
// setting, else the browser's) and that zone's UTC offset at that instant.

const clocks = new Map<string, (sec: number) => string>();

function clockOf(zone: string, seconds: boolean): (sec: number) => string {
  const key = `${zone}|${seconds}`;
  let clock = clocks.get(key);
  if (!clock) {
    clock = zoneClock(zone, { seconds });
    clocks.set(key, clock);
  }
  return clock;
}

/** `2026-12-07 20:35:18` (or without seconds) as a wall clock in `zone`. */
export function formatWall(sec: number, zone: string, { seconds = true } = {}): string {
  return clockOf(zone, seconds)(sec);
}

const offsetReaders = new Map<string, (sec: number) => number>();

/** The zone's offset from UTC at that instant, in seconds (east positive). */
export function zoneOffset(sec: number, zone: string): number {
  let read = offsetReaders.get(zone);
  if (!read) {
    read = zoneOffsetReader(zone);
    offsetReaders.set(zone, read);
  }
  return read(sec);
}

/** `UTC+8`, `UTC+5:30`, `UTC-3`, `UTC`: unambiguous where "CST" is not. */
export function offsetLabel(offsetSeconds: number): string {
  if (offsetSeconds === 0) return "UTC";
  const abs = Math.abs(offsetSeconds);
  const hours = Math.floor(abs / 3600);
  const minutes = Math.floor((abs % 3600) / 60);
  return `UTC${offsetSeconds < 0 ? "-" : "+"}${hours}${minutes ? `:${String(minutes).padStart(2, "0")}` : ""}`;
}

/** The zone label of an instant: `UTC+8` for Asia/Shanghai, `UTC-5`/`UTC-4` for New York by season. */
export const zoneLabel = (sec: number, zone: string) => offsetLabel(zoneOffset(sec, zone));

/** `2026-12-07 20:35:18 (UTC+8)`. */
export function formatWithZone(sec: number, zone: string, opts: { seconds?: boolean } = {}): string {
  return `${formatWall(sec, zone, opts)} (${zoneLabel(sec, zone)})`;
}

const WALL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * A wall clock `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (a date or datetime-local input's value)
 * in `zone` → Unix seconds. A time skipped by a DST jump resolves to the instant after the
 * jump; one that happens twice, to the first. Null when it is no such calendar time.
 */
export function wallToUnix(wall: string, zone: string): number | null {
  const m = WALL_RE.exec(wall);
  if (!m) return null;
  const [y, mo, d, h = 0, mi = 0] = m.slice(1).map((v) => (v === undefined ? undefined : Number(v))) as number[];
  if (h! > 23 || mi! > 59) return null;
  const asUtc = Date.UTC(y!, mo! - 1, d!, h, mi) / 1000;
  const check = new Date(asUtc * 1000);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d) return null;
  // the offset an hour or so either side settles it, as the zone has one offset there
  const before = asUtc - zoneOffset(asUtc - 86_400 / 2, zone);
  const after = asUtc - zoneOffset(asUtc + 86_400 / 2, zone);
  const candidates = [before, after].filter((t) => formatWall(t, zone, { seconds: false }) === formatWall(asUtc, "UTC", { seconds: false }));
  if (candidates.length) return Math.min(...candidates);
  return Math.max(before, after);
}

/** Unix seconds → `YYYY-MM-DDTHH:MM` in `zone`, a datetime-local input's value. */
export function unixToWallInput(sec: number, zone: string): string {
  return formatWall(sec, zone, { seconds: false }).replace(" ", "T");
}

/** The browser's zone (`Intl`'s resolved one); UTC where the runtime names none. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** A valid IANA zone name as the runtime's ICU knows it (`UTC`, `Asia/Shanghai`, ...). */
export function isTimeZone(tz: string): boolean {
  if (tz === "" || /^[+-]/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
