import { expect, it } from "vitest";
import { lineAnchor, parseLineAnchor } from "./line-anchor";

it("writes and reads a line's fragment", () => {
  expect(lineAnchor(29)).toBe("#L29");
  expect(parseLineAnchor("#L29")).toBe(29);
  for (const bad of ["", "#", "#L", "#L0", "#L-3", "#l29", "#L29x", "#L1234567890"]) expect(parseLineAnchor(bad)).toBeNull();
});
