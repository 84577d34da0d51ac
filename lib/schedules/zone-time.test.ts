import { describe, expect, it } from "vitest";
import { formatInZone, zoneClock } from "./zone-time";

// 2026-12-06 09:00:05 UTC
const T = Date.UTC(2026, 11, 6, 9, 0, 5) / 1000;

describe("zoneClock", () => {
  it("formats Unix seconds as a wall clock in the zone, seconds included", () => {
    expect(zoneClock("Asia/Shanghai")(T)).toBe("2026-12-06 17:00:05");
    expect(zoneClock("UTC")(T)).toBe("2026-12-06 09:00:05");
    expect(zoneClock("America/New_York")(T)).toBe("2026-12-06 04:00:05");
    expect(zoneClock("Asia/Shanghai")(Date.UTC(2026, 0, 1, 16, 0, 0) / 1000)).toBe("2026-01-02 00:00:00");
  });

  it("follows daylight saving time across its transitions", () => {
    const ny = zoneClock("America/New_York");
    // 2026-03-08 02:00 EST → 03:00 EDT; 2026-11-01 02:00 EDT → 01:00 EST
    expect(ny(Date.UTC(2026, 2, 8, 6, 59, 59) / 1000)).toBe("2026-03-08 01:59:59");
    expect(ny(Date.UTC(2026, 2, 8, 7, 0, 0) / 1000)).toBe("2026-03-08 03:00:00");
    expect(ny(Date.UTC(2026, 10, 1, 5, 59, 59) / 1000)).toBe("2026-11-01 01:59:59");
    expect(ny(Date.UTC(2026, 10, 1, 6, 0, 0) / 1000)).toBe("2026-11-01 01:00:00");
  });

  it("says what Intl says, time after time, in zones with odd offsets and half-hour shifts", () => {
    const from = Date.UTC(2025, 0, 1) / 1000;
    for (const timeZone of ["Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "UTC"]) {
      const intl = new Intl.DateTimeFormat("sv-SE", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
      const clock = zoneClock(timeZone);
      const wrong: string[] = [];
      // every 30 minutes and 7 seconds over two years: both sides of each transition are seen
      for (let sec = from; sec < from + 2 * 365 * 86_400; sec += 1807) {
        const expected = intl.format(new Date(sec * 1000));
        if (clock(sec) !== expected) wrong.push(`${sec}: ${clock(sec)} ≠ ${expected}`);
      }
      expect(wrong, timeZone).toEqual([]);
    }
  });

  it("drops the seconds when asked; refuses an unknown zone", () => {
    expect(zoneClock("Asia/Shanghai", { seconds: false })(T)).toBe("2026-12-06 17:00");
    expect(() => zoneClock("Mars/Olympus")).toThrow(RangeError);
  });
});

describe("formatInZone", () => {
  it("says minutes in the zone, or UTC for a zone it cannot use", () => {
    expect(formatInZone(T, "Asia/Shanghai")).toBe("2026-12-06 17:00");
    expect(formatInZone(T, "Mars/Olympus")).toBe("2026-12-06 09:00 UTC");
  });
});
