import { describe, expect, it } from "vitest";
import { formatRelative } from "./format";

describe("formatRelative", () => {
  const now = 1_796_000_000;
  it("says how long ago in the largest whole unit, in Chinese and English", () => {
    expect(formatRelative(now - 3 * 60, now, "zh-CN")).toBe("3分钟前");
    expect(formatRelative(now - 3 * 60, now, "en")).toBe("3 minutes ago");
    expect(formatRelative(now - 40, now, "zh-CN")).toBe("40秒钟前");
    expect(formatRelative(now - 3 * 3600 - 60, now, "zh-CN")).toBe("3小时前");
    expect(formatRelative(now - 86_400, now, "zh-CN")).toBe("昨天");
    expect(formatRelative(now - 86_400, now, "en")).toBe("yesterday");
    expect(formatRelative(now, now, "en")).toBe("now");
  });

  it("reads a time to come (a schedule's next run) forwards", () => {
    expect(formatRelative(now + 2 * 3600, now, "zh-CN")).toBe("2小时后");
    expect(formatRelative(now + 2 * 3600, now, "en")).toBe("in 2 hours");
  });

  it("moves on as now does", () => {
    expect(formatRelative(now - 59, now, "en")).toBe("59 seconds ago");
    expect(formatRelative(now - 59, now + 1, "en")).toBe("1 minute ago");
  });
});
