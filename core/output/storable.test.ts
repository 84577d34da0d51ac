import { describe, expect, it } from "vitest";
import { storable } from "./storable";

describe("storable", () => {
  it("replaces NUL and lone surrogates in strings, keys and nested values, and keeps the rest", () => {
    const value = { "a\u0000b": ["before\u0000after", { x: "\ud800lone" }], n: 1, ok: true, none: null, fine: "中文 ✓ \ud83d\ude00" };
    expect(storable(value)).toEqual({ "a\ufffdb": ["before\ufffdafter", { x: "\ufffdlone" }], n: 1, ok: true, none: null, fine: "中文 ✓ \ud83d\ude00" });
    expect(JSON.stringify(storable(value))).not.toMatch(/\\u0000|\\ud800/);
  });
});
