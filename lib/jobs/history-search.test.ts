import { describe, expect, it } from "vitest";
import { dayStart, historyApiQuery, historyCsvHref, invalidHistoryKeys, loadHistorySearch } from "./history-search";

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
      start_time__gte: String(dayStart("2024-03-15")),
      format: "csv",
      timezone: "Asia/Shanghai",
    });
    expect(historyCsvHref(loadHistorySearch({}))).toBe("/api/job/job/?ordering=-id&format=csv");
  });

  it("turns a day range into local-midnight bounds", () => {
    const q = historyApiQuery(loadHistorySearch({ from: "2024-03-15", to: "2024-03-20" }));
    expect(Number(q.get("start_time__gte"))).toBe(dayStart("2024-03-15"));
    expect(Number(q.get("start_time__lte"))).toBe(dayStart("2024-03-21") - 1);
    expect(new Date(dayStart("2024-03-15") * 1000).getHours()).toBe(0);
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
