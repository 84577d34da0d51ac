import { describe, expect, it } from "vitest";
import { lineDiff } from "./line-diff";

describe("lineDiff", () => {
  it("keeps common lines and marks the rest", () => {
    expect(lineDiff("a\nb\nc", "a\nB\nc\nd")).toEqual([
      { op: "same", text: "a" },
      { op: "del", text: "b" },
      { op: "add", text: "B" },
      { op: "same", text: "c" },
      { op: "add", text: "d" },
    ]);
  });

  it("handles empty sides", () => {
    expect(lineDiff("", "x")).toEqual([{ op: "add", text: "x" }]);
    expect(lineDiff("x", "")).toEqual([{ op: "del", text: "x" }]);
  });
});
