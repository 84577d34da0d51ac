import { describe, expect, it } from "vitest";
import { historyApiQuery, historyCsvHref, invalidHistoryKeys, loadHistorySearch } from "./history-search";

describe("history URL state", () => {
  it("drops what does not parse and keeps the rest", () => {
    const raw = { state: "bogus", template: "abc", page: "-3", size: "7", ordering: "nope", from: "2024-02-31", kind: "adhoc", inventory: "12", search: "x" };
    expect(invalidHistoryKeys(raw).sort()).toEqual(["from", "ordering", "page", "size", "state", "template"]);
    const s = loadHistorySearch(raw);
    expect(s).toMatchObject({ state: null, template: null, page: 1, size: 20, ordering: "-id", from: null, kind: "adhoc", inventory: 12, search: "x" });
  });

  it("refuses ids and pages that parseInt would accept", () => {
    expect(invalidHistoryKeys({ template: "12abc", page: "1.5", credential: "0", schedule: " 3" })).toHaveLength(4);
    expect(invalidHistoryKeys({ template: ["1", "2"] })).toEqual(["template"]);
  });

  it("builds the list API's query", () => {
    const s = loadHistorySearch({ template: "3", state: "failed", page: "3", size: "50", ordering: "start_time", search: " ping " });
    const q = historyApiQuery(s);
    expect(Object.fromEntries(q)).toEqual({ limit: "50", offset: "100", ordering: "start_time", template: "3", state: "failed", search: "ping" });
  });

  it("links the CSV export of the same filters, search and ordering, without the page", () => {
    const s = loadHistorySearch({ template: "3", state: "failed", page: "3", size: "50", ordering: "start_time", search: "a b", from: "2024-03-15" });
    const href = historyCsvHref(s, "Asia/Shanghai");
    expect(href.startsWith("/api/job/job/?")).toBe(true);
    const q = new URLSearchParams(href.split("?")[1]);
    expect(Object.fromEntries(q)).toEqual({
      ordering: "start_time",
      template: "3",
      state: "failed",
      search: "a b",
      start_time__gte: String(Date.parse("2024-03-14T16:00:00Z") / 1000),
      format: "csv",
      timezone: "Asia/Shanghai",
    });
    expect(historyCsvHref(loadHistorySearch({}))).toBe("/api/job/job/?ordering=-id&format=csv");
  });

  it("turns a day range into midnight bounds in the viewer's zone; old day-only links keep working", () => {
    const q = historyApiQuery(loadHistorySearch({ from: "2024-03-15", to: "2024-03-20" }), undefined, "Asia/Shanghai");
    expect(Number(q.get("start_time__gte"))).toBe(Date.parse("2024-03-15T00:00:00+08:00") / 1000);
    expect(Number(q.get("start_time__lte"))).toBe(Date.parse("2024-03-21T00:00:00+08:00") / 1000 - 1);
    const ny = historyApiQuery(loadHistorySearch({ from: "2024-03-15" }), undefined, "America/New_York");
    expect(Number(ny.get("start_time__gte"))).toBe(Date.parse("2024-03-15T00:00:00-04:00") / 1000);
  });

  it("takes a date and time to the minute; a `to` minute covers its 60 seconds", () => {
    const s = loadHistorySearch({ from: "2024-03-15T08:30", to: "2024-03-15T09:05" });
    expect(s).toMatchObject({ from: "2024-03-15T08:30", to: "2024-03-15T09:05" });
    const q = historyApiQuery(s, undefined, "Asia/Shanghai");
    expect(Number(q.get("start_time__gte"))).toBe(Date.parse("2024-03-15T08:30:00+08:00") / 1000);
    expect(Number(q.get("start_time__lte"))).toBe(Date.parse("2024-03-15T09:05:59+08:00") / 1000);
    const utc = historyApiQuery(s, undefined, "UTC");
    expect(Number(utc.get("start_time__gte"))).toBe(Date.parse("2024-03-15T08:30:00Z") / 1000);
    expect(invalidHistoryKeys({ from: "2024-03-15T25:00", to: "2024-03-15 09:05" }).sort()).toEqual(["from", "to"]);
    expect(invalidHistoryKeys({ from: "2024-03-15T09:05:30" })).toEqual(["from"]);
  });

  it("takes several states, each known and once, in the states' order; one is `state`, more `state__in`", () => {
    expect(loadHistorySearch({ state: "error,failed,error" }).state).toEqual(["failed", "error"]);
    expect(invalidHistoryKeys({ state: "failed,bogus" })).toEqual(["state"]);
    expect(invalidHistoryKeys({ state: "failed," })).toEqual(["state"]);
    expect(Object.fromEntries(historyApiQuery(loadHistorySearch({ state: "failed" })))).toMatchObject({ state: "failed" });
    const q = historyApiQuery(loadHistorySearch({ state: "error,failed" }));
    expect(q.get("state__in")).toBe("failed,error");
    expect(q.has("state")).toBe(false);
  });

  it("counts a preset period back from now, to the minute, in place of the day range", () => {
    const now = 1_700_000_123;
    const q = historyApiQuery(loadHistorySearch({ since: "24h", from: "2024-03-15", to: "2024-03-20" }), now);
    expect(Number(q.get("start_time__gte"))).toBe(1_700_000_100 - 86_400);
    expect(q.has("start_time__lte")).toBe(false);
    expect(historyApiQuery(loadHistorySearch({ since: "1h" }), now + 30).toString()).toBe(historyApiQuery(loadHistorySearch({ since: "1h" }), now).toString());
    expect(invalidHistoryKeys({ since: "2h" })).toEqual(["since"]);
  });
});
