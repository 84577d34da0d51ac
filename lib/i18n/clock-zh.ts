/** Strings of the time settings: the account page's panel and the history's toggle. */
export const clockZh = {
  clock: {
    title: "时间显示",
    zone: "时区",
    zoneHint: "作业历史、作业详情、计划任务等页面的时间都按这个时区显示，并注明与 UTC 的时差。",
    followBrowser: (zone: string) => `跟随浏览器（${zone}）`,
    display: "时间格式",
    exact: "具体时间",
    relative: "相对时间",
    exactHint: "如 2026-12-07 20:35:18 (UTC+8)，悬停显示相对时间",
    relativeHint: "如 “3 分钟前”，悬停显示具体时间",
    toggle: "时间显示方式",
    saved: "已保存。",
    failed: "无法保存时间设置",
    zoneOf: (zone: string) => `时区：${zone}`,
  },
};
