import { describe, expect, it } from "vitest";
import { formatWithZone, offsetLabel, unixToWallInput, wallToUnix, zoneLabel } from "./zone-clock";

const utc = (iso: string) => Date.parse(`${iso}Z`) / 1000;

describe("zone labels", () => {
  it("write the offset, with minutes only when there are some", () => {
    expect(offsetLabel(0)).toBe("UTC");
    expect(offsetLabel(8 * 3600)).toBe("UTC+8");
    expect(offsetLabel(-5 * 3600)).toBe("UTC-5");
    expect(offsetLabel(5.5 * 3600)).toBe("UTC+5:30");
    expect(offsetLabel(-(9 * 3600 + 30 * 60))).toBe("UTC-9:30");
    expect(offsetLabel(5 * 3600 + 45 * 60)).toBe("UTC+5:45");
  });

  it("follow the zone's offset at that instant (summer time)", () => {
    expect(zoneLabel(utc("2026-01-15T12:00:00"), "America/New_York")).toBe("UTC-5");
    expect(zoneLabel(utc("2026-07-15T12:00:00"), "America/New_York")).toBe("UTC-4");
    expect(zoneLabel(utc("2026-07-15T12:00:00"), "Asia/Kolkata")).toBe("UTC+5:30");
    expect(zoneLabel(utc("2026-07-15T12:00:00"), "Etc/UTC")).toBe("UTC");
  });
});

describe("formatWithZone", () => {
  it("writes the wall clock in the zone and its offset", () => {
    const t = utc("2026-12-07T12:35:18");
    expect(formatWithZone(t, "Asia/Shanghai")).toBe("2026-12-07 20:35:18 (UTC+8)");
    expect(formatWithZone(t, "UTC")).toBe("2026-12-07 12:35:18 (UTC)");
    expect(formatWithZone(t, "America/Los_Angeles")).toBe("2026-12-07 04:35:18 (UTC-8)");
    expect(formatWithZone(t, "Asia/Shanghai", { seconds: false })).toBe("2026-12-07 20:35 (UTC+8)");
  });
});

describe("wallToUnix", () => {
  it("reads a day or a minute as a wall clock in the zone", () => {
    expect(wallToUnix("2026-12-07T20:35", "Asia/Shanghai")).toBe(utc("2026-12-07T12:35:00"));
    expect(wallToUnix("2026-12-07", "Asia/Shanghai")).toBe(utc("2026-12-06T16:00:00"));
    expect(wallToUnix("2026-12-07T00:00", "UTC")).toBe(utc("2026-12-07T00:00:00"));
    expect(wallToUnix("2026-07-01T09:00", "America/New_York")).toBe(utc("2026-07-01T13:00:00"));
  });

  it("refuses what is not a calendar time", () => {
    for (const bad of ["2026-02-30", "2026-13-01T00:00", "2026-12-07T24:00", "2026-12-07T20:60", "yesterday", "2026-12-07 20:35", ""]) {
      expect(wallToUnix(bad, "UTC"), bad).toBeNull();
    }
  });

  it("takes the first of a repeated hour and the instant after a skipped one", () => {
    // New York: 2026-11-01 01:30 happens twice (EDT, then EST); 2026-03-08 02:30 never happens
    expect(wallToUnix("2026-11-01T01:30", "America/New_York")).toBe(utc("2026-11-01T05:30:00"));
    expect(wallToUnix("2026-03-08T02:30", "America/New_York")).toBe(utc("2026-03-08T07:30:00"));
  });

  it("round-trips with a datetime-local value", () => {
    const t = utc("2026-12-07T12:35:00");
    expect(unixToWallInput(t, "Asia/Shanghai")).toBe("2026-12-07T20:35");
    expect(wallToUnix(unixToWallInput(t, "Europe/Berlin"), "Europe/Berlin")).toBe(t);
  });
});
