import { describe, expect, it } from "vitest";
import { ansiSegments, paletteColor } from "./ansi-segments";

describe("ansiSegments", () => {
  it("keeps plain text as one run, and an empty line as none", () => {
    expect(ansiSegments("ok: [web1]")).toEqual([{ text: "ok: [web1]", style: null }]);
    expect(ansiSegments("")).toEqual([]);
  });

  it("reads Ansible's colours and bold", () => {
    expect(ansiSegments("\x1b[0;31mfailed: [bad]\x1b[0m rest \x1b[1;32mok\x1b[0m")).toEqual([
      { text: "failed: [bad]", style: { color: "#f87171" } },
      { text: " rest ", style: null },
      { text: "ok", style: { color: "#4ade80", bold: true } },
    ]);
  });

  it("leaves markup as text for React to escape", () => {
    expect(ansiSegments("\x1b[33m<script>&amp;</script>\x1b[0m")).toEqual([{ text: "<script>&amp;</script>", style: { color: "#facc15" } }]);
  });

  it("drops escape sequences that are not colours", () => {
    expect(ansiSegments("a\x1b]0;title\x07b\x1b[2Kc\x1b(Bd")).toEqual([{ text: "abcd", style: null }]);
  });

  it("reads 256 colours, true colour and reverse video", () => {
    expect(ansiSegments("\x1b[38;5;208mx")).toEqual([{ text: "x", style: { color: "rgb(255, 135, 0)" } }]);
    expect(ansiSegments("\x1b[38;2;1;2;3my")).toEqual([{ text: "y", style: { color: "rgb(1, 2, 3)" } }]);
    expect(ansiSegments("\x1b[7mz")).toEqual([{ text: "z", style: { color: "#64748b", background: "#e2e8f0" } }]);
  });

  it("maps the palette's cube and greys", () => {
    expect(paletteColor(1)).toBe("#f87171");
    expect(paletteColor(9)).toBe("#fca5a5");
    expect(paletteColor(16)).toBe("rgb(0, 0, 0)");
    expect(paletteColor(231)).toBe("rgb(255, 255, 255)");
    expect(paletteColor(244)).toBe("rgb(128, 128, 128)");
  });
});
