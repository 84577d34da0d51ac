import { describe, expect, it } from "vitest";
import { describeCron } from "./describe-cron";

describe("describeCron", () => {
  it.each([
    ["* * * * *", "每分钟", "Every minute"],
    ["*/5 * * * *", "每 5 分钟", "Every 5 minutes"],
    ["15 * * * *", "每小时的第 15 分", "Every hour at minute 15"],
    ["0 */2 * * *", "每 2 小时的第 0 分", "Every 2 hours at minute 0"],
    ["0 2 * * *", "每天 02:00", "Every day at 02:00"],
    ["30  9 * * 1-5", "每周一至周五 09:30", "Every Mon–Fri at 09:30"],
    ["0 8,20 * * *", "每天 08:00、20:00", "Every day at 08:00, 20:00"],
    ["0 3 * * 0,6", "每周日、周六 03:00", "Every Sun, Sat at 03:00"],
    ["0 3 * * 7", "每周日 03:00", "Every Sun at 03:00"],
    ["0 3 1,15 * *", "每月 1、15 日 03:00", "On day 1, 15 of every month at 03:00"],
    ["0 0 1 1 *", "每年 1 月 1 日 00:00", "On day 1 of Jan at 00:00"],
    ["*/10 * * * 1-5", "每周一至周五，每 10 分钟", "Every 10 minutes, every Mon–Fri"],
  ])("%s", (expr, zh, en) => {
    expect(describeCron(expr, "zh")).toBe(zh);
    expect(describeCron(expr, "en")).toBe(en);
  });

  it.each(["", "* * * *", "0 0 2 * * *", "61 * * * *", "0 2 * * MON", "0 2 1 * 1", "*/5 2 * * *", "0-59 0-23 * * *", "H 2 * * *"])(
    "%s: not described",
    (expr) => {
      expect(describeCron(expr, "zh")).toBeNull();
    },
  );
});
