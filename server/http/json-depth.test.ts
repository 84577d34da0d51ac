import { describe, expect, it } from "vitest";
import { isJsonTooDeep, MAX_JSON_DEPTH } from "./json-depth";

describe("isJsonTooDeep", () => {
  it("counts arrays and objects, not brackets inside strings", () => {
    const nested = (n: number) => "[".repeat(n) + "]".repeat(n);
    expect(isJsonTooDeep(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(isJsonTooDeep(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(isJsonTooDeep('{"a": {"b": [1, {"c": 2}]}, "d": [[]]}', 4)).toBe(false);
    expect(isJsonTooDeep('{"a": {"b": [1, {"c": 2}]}, "d": [[]]}', 3)).toBe(true);
    expect(isJsonTooDeep(JSON.stringify({ v: "[".repeat(10_000) }))).toBe(false);
    expect(isJsonTooDeep(JSON.stringify({ v: '\\"[[[[' }), 1)).toBe(false);
  });
});
