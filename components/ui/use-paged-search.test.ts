import { describe, expect, it } from "vitest";
import { pagedQuery } from "./use-paged-search";

describe("pagedQuery", () => {
  it("asks for the first page without an offset or a search", () => {
    expect(pagedQuery({ page: 1, pageSize: 20, ordering: "name", search: "" }).toString()).toBe("limit=20&ordering=name");
  });

  it("skips the rows of the pages before and passes the search on", () => {
    expect(pagedQuery({ page: 3, pageSize: 50, ordering: "username", search: "ann" }).toString()).toBe("limit=50&ordering=username&offset=100&search=ann");
  });
});
