import { describe, expect, it } from "vitest";
import { MAX_YAML_DEPTH, parseYamlSafely, yamlDepth, YamlTooDeep } from "./parse-yaml-safely";

describe("yamlDepth", () => {
  it("bounds the nesting of block, compact and flow collections", () => {
    expect(yamlDepth("a: 1\nb: 2\n")).toBeLessThanOrEqual(2);
    expect(yamlDepth("a:\n  b:\n    c: [1, {d: 2}]\n")).toBeGreaterThanOrEqual(5);
    expect(yamlDepth("- - - - x")).toBeGreaterThanOrEqual(4);
    expect(yamlDepth("a: '[[[[[[[[[['")).toBeLessThanOrEqual(2);
    expect(yamlDepth("a: |\n      [[[[[[[[[[\n          {{{{{{{\n")).toBeLessThanOrEqual(3);
  });
});

describe("parseYamlSafely", () => {
  it("parses ordinary YAML and JSON", () => {
    expect(parseYamlSafely("a: 1\nb: [x, y]\n")).toEqual({ a: 1, b: ["x", "y"] });
    expect(parseYamlSafely('{"a": {"b": [1, 2]}}')).toEqual({ a: { b: [1, 2] } });
  });

  it("refuses nesting that would exhaust the stack, however it is written, and survives repeats", () => {
    const hostile = [
      "a: " + "{".repeat(50_000),
      "- " + "[".repeat(100_000),
      "- ".repeat(100_000) + "a",
      "? ".repeat(100_000) + "a",
      Array.from({ length: 1500 }, (_, i) => " ".repeat(i) + "k:").join("\n") + " x",
      Array.from({ length: 1500 }, (_, i) => " ".repeat(i) + "-").join("\n") + " x",
    ];
    for (let round = 0; round < 3; round++) {
      for (const text of hostile) expect(() => parseYamlSafely(text)).toThrow(YamlTooDeep);
    }
  });

  it("still parses nesting just under the limit", () => {
    const text = Array.from({ length: MAX_YAML_DEPTH - 1 }, (_, i) => " ".repeat(i) + `k${i}:`).join("\n") + " x";
    expect(parseYamlSafely(text)).toBeTypeOf("object");
  });

  it("reports syntax errors quickly on long text", () => {
    const t0 = Date.now();
    expect(() => parseYamlSafely("[x]\nh k" + "\n".repeat(200_000) + "y")).toThrow();
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});
