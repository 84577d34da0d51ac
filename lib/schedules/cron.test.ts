import { describe, expect, it } from "vitest";
import { cronProblem, isTimeZone, nextRunAfter } from "./cron";

describe("cronProblem", () => {
  it("accepts standard 5-field expressions", () => {
    for (const e of ["* * * * *", "*/5 * * * *", "0 3 * * 1-5", "30 2 1,15 * *", "0 9 * * mon", "0 0 1 jan *"]) expect(cronProblem(e)).toBeNull();
  });

  it("refuses other field counts, macros and H", () => {
    expect(cronProblem("0 * * * * *")).toBe("无效的 cron 表达式：需要 5 个字段（分 时 日 月 周），得到 6 个。");
    expect(cronProblem("* * * *")).toBe("无效的 cron 表达式：需要 5 个字段（分 时 日 月 周），得到 4 个。");
    expect(cronProblem("@daily")).toBe("无效的 cron 表达式：需要 5 个字段（分 时 日 月 周），得到 1 个。");
    expect(cronProblem("H * * * *")).toBe("无效的 cron 表达式：不支持 H（散列）写法。");
    expect(cronProblem("0 0 * * thu")).toBeNull();
  });

  it("refuses values out of range", () => {
    expect(cronProblem("61 * * * *")).toMatch(/^无效的 cron 表达式：.+/);
    expect(cronProblem("0 0 1 13 *")).toMatch(/^无效的 cron 表达式：.+/);
    expect(cronProblem("a b c d e")).toMatch(/^无效的 cron 表达式：.+/);
  });
});

describe("isTimeZone", () => {
  it("knows IANA zones only", () => {
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("+08:00")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});

describe("nextRunAfter", () => {
  it("computes the next minute matching in the zone", () => {
    // 2024-01-01T00:00:00Z is 08:00 in Shanghai; 09:30 Shanghai = 01:30Z
    const t0 = Date.UTC(2024, 0, 1, 0, 0, 0) / 1000;
    expect(nextRunAfter("30 9 * * *", "Asia/Shanghai", t0)).toBe(Date.UTC(2024, 0, 1, 1, 30) / 1000);
    expect(nextRunAfter("30 9 * * *", "UTC", t0)).toBe(Date.UTC(2024, 0, 1, 9, 30) / 1000);
    expect(nextRunAfter("*/15 * * * *", "UTC", t0 + 1)).toBe(t0 + 900);
  });
});
