import { describe, expect, it } from "vitest";
import { capLogLine, MAX_LOG_LINE } from "./log-error";

describe("capLogLine", () => {
  it("keeps a short entry whole, with the error's stack and cause", () => {
    const line = capLogLine(["[api] unexpected error", new Error("boom", { cause: new Error("deeper") })]);
    expect(line).toMatch(/^\[api\] unexpected error Error: boom\n\s+at /);
    expect(line).toContain("caused by: Error: deeper");
  });

  it("cuts an error that quotes a whole request body", () => {
    const line = capLogLine(["[api] unexpected error", new Error(`Failed query: insert …\nparams: ${"x".repeat(300_000)}`)]);
    expect(line.length).toBeLessThan(MAX_LOG_LINE + 100);
    expect(line).toMatch(/… \(\d+ more characters cut\)$/);
  });
});
