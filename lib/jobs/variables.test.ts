import { describe, expect, it } from "vitest";
import { defaultVariablesView, formatVariables } from "./variables";

describe("formatVariables", () => {
  it("converts between YAML and JSON, and shows unparsable text as given", () => {
    expect(formatVariables('{"a": 1, "b": [1, 2]}', "yaml").text).toBe("a: 1\nb:\n  - 1\n  - 2");
    expect(formatVariables("a: 1", "json").text).toBe('{\n  "a": 1\n}');
    expect(formatVariables("a: [", "json")).toEqual({ text: "a: [", ok: false });
    expect(defaultVariablesView(' {"a":1}')).toBe("json");
    expect(defaultVariablesView("a: 1")).toBe("given");
  });
});
