import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { API_DOC_REGIONS } from "./doc-regions";
import { rewriteRegions } from "./field-table";

describe("docs/api.md field tables", () => {
  it("are the ones the contracts generate (else run `npm run docs:fields`)", () => {
    const doc = readFileSync(new URL("../../docs/api.md", import.meta.url), "utf8");
    expect(rewriteRegions(doc, API_DOC_REGIONS)).toBe(doc);
  });

  it("have a region for every table", () => {
    expect(() => rewriteRegions("no markers", { job: "x" })).toThrow(/fields:job/);
  });
});
