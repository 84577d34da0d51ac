import { describe, expect, it } from "vitest";
import { loadHistorySearch } from "./history-search";
import { normalizeSavedView, savedViewHref, savedViewOf } from "./saved-view";

describe("saved views", () => {
  it("keep the history's state without its page, and read back to the same state", () => {
    const search = loadHistorySearch("?page=3&state=error,failed&ordering=-duration&size=50&search=deploy");
    const query = savedViewOf(search);
    expect(query).toBe("state=failed,error&search=deploy&ordering=-duration&size=50");
    expect(normalizeSavedView(query)).toEqual({ query, errors: [] });
    expect(loadHistorySearch(`?${query}`)).toEqual({ ...search, page: 1 });
    expect(savedViewHref(query)).toBe(`/jobs?${query}`);
    expect(savedViewOf(loadHistorySearch("?page=2"))).toBe("");
    expect(savedViewHref("")).toBe("/jobs");
  });

  it("refuse what the page would drop", () => {
    expect(normalizeSavedView("?kind=adhoc&kind=job&page=1&size=0").errors).toEqual([
      "“kind” 只能出现一次。",
      "“page” 不是作业历史页面的参数。",
      "“size” 的值 “0” 无效。",
    ]);
  });
});
