import { describe, expect, it } from "vitest";
import { dayNumber, keptDaysMatch } from "./stats-days";

const day = (iso: string) => dayNumber(Date.parse(iso) / 1000, "UTC");

describe("keptDaysMatch", () => {
  const from = day("2026-01-01T12:00:00Z");
  const to = day("2026-12-31T12:00:00Z");

  it("holds for the kept zone and for zones on UTC+8 all the window", () => {
    expect(keptDaysMatch("Asia/Shanghai", from, to)).toBe(true);
    expect(keptDaysMatch("Asia/Singapore", from, to)).toBe(true);
    expect(keptDaysMatch("Asia/Taipei", from, to)).toBe(true);
  });

  it("fails for zones whose days start at other instants", () => {
    expect(keptDaysMatch("UTC", from, to)).toBe(false);
    expect(keptDaysMatch("Asia/Tokyo", from, to)).toBe(false);
    expect(keptDaysMatch("Asia/Kolkata", from, to)).toBe(false);
  });

  it("fails when the offsets part for one day of the window only", () => {
    // Australia/Perth is UTC+8 but kept summer time (UTC+9) from 2006-12-03 to 2007-03-25
    expect(keptDaysMatch("Australia/Perth", day("2007-06-01T12:00:00Z"), day("2007-06-30T12:00:00Z"))).toBe(true);
    expect(keptDaysMatch("Australia/Perth", day("2006-11-01T12:00:00Z"), day("2006-12-03T12:00:00Z"))).toBe(false);
    // Asia/Shanghai itself kept summer time until 1991; Singapore did not
    expect(keptDaysMatch("Asia/Singapore", day("1988-07-01T12:00:00Z"), day("1988-07-02T12:00:00Z"))).toBe(false);
  });
});
