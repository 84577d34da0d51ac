import { describe, expect, it } from "vitest";
import { stripAnsi } from "./strip-ansi";

const ESC = "\x1b";

describe("stripAnsi", () => {
  it("leaves plain text alone", () => {
    expect(stripAnsi("ok: [web1] => 中文 | 100%")).toBe("ok: [web1] => 中文 | 100%");
    expect(stripAnsi("")).toBe("");
  });

  it("removes SGR colours, with or without parameters", () => {
    expect(stripAnsi(`${ESC}[0;32mok: [web1]${ESC}[0m`)).toBe("ok: [web1]");
    expect(stripAnsi(`${ESC}[1;31mfatal${ESC}[m: x`)).toBe("fatal: x");
    expect(stripAnsi(`${ESC}[38;5;208morange${ESC}[39m`)).toBe("orange");
    expect(stripAnsi(`${ESC}[38:2:255:0:0mred`)).toBe("red");
  });

  it("removes other CSI sequences: cursor moves, erase, private modes", () => {
    expect(stripAnsi(`a${ESC}[2Kb${ESC}[1Ac${ESC}[?25ld${ESC}[?25h`)).toBe("abcd");
    expect(stripAnsi(`x${ESC}[1 qy`)).toBe("xy");
  });

  it("removes OSC strings ended by BEL or ST, and an unterminated one to the end", () => {
    expect(stripAnsi(`${ESC}]0;title\x07text`)).toBe("text");
    expect(stripAnsi(`${ESC}]8;;http://x/${ESC}\\link${ESC}]8;;${ESC}\\ end`)).toBe("link end");
    expect(stripAnsi(`before${ESC}]2;never ends`)).toBe("before");
  });

  it("removes two-byte escapes and a lone ESC", () => {
    expect(stripAnsi(`${ESC}(Bplain${ESC}7${ESC}8`)).toBe("plain");
    expect(stripAnsi(`end${ESC}`)).toBe("end");
    expect(stripAnsi(`a${ESC}${ESC}[31mb`)).toBe("ab");
    expect(stripAnsi(`a${ESC}\nb`)).toBe("a\nb");
  });

  it("keeps text that only looks like an escape", () => {
    expect(stripAnsi("[0;32m not an escape")).toBe("[0;32m not an escape");
  });
});
