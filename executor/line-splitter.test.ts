import { describe, expect, it } from "vitest";
import { LineSplitter, MAX_LINE_BYTES } from "./line-splitter";

describe("LineSplitter", () => {
  it("splits on newlines across chunks and keeps the last partial line for end()", () => {
    const s = new LineSplitter();
    expect(s.push(Buffer.from("a\nb"))).toEqual(["a"]);
    expect(s.push(Buffer.from("c\r\n\nd"))).toEqual(["bc", ""]);
    expect(s.end()).toEqual(["d"]);
    expect(s.end()).toEqual([]);
  });

  it("keeps a multi-byte character split between chunks whole", () => {
    const s = new LineSplitter();
    const bytes = Buffer.from("任务\n");
    expect(s.push(bytes.subarray(0, 2))).toEqual([]);
    expect(s.push(bytes.subarray(2))).toEqual(["任务"]);
  });

  it("replaces invalid UTF-8 and NUL instead of failing", () => {
    const s = new LineSplitter();
    expect(s.push(Buffer.from([0x61, 0xff, 0xfe, 0x00, 0x62, 0x0a]))).toEqual(["a\uFFFD\uFFFD\uFFFDb"]);
  });

  it("cuts a 5 MB line into bounded lines and loses no byte", () => {
    const s = new LineSplitter();
    const big = "x".repeat(5 * 1024 * 1024 + 10);
    const lines = [...s.push(Buffer.from(big.slice(0, 3_000_000))), ...s.push(Buffer.from(big.slice(3_000_000) + "\nnext\n"))];
    expect(lines.at(-1)).toBe("next");
    const parts = lines.slice(0, -1);
    expect(parts.every((l) => l.length <= MAX_LINE_BYTES)).toBe(true);
    expect(parts.join("")).toBe(big);
  });
});
