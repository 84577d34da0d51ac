import { describe, expect, it } from "vitest";
import { CHUNK, LineStore, MAX_CHUNKS } from "./line-store";

const lines = (from: number, to: number): [number, string][] => Array.from({ length: to - from + 1 }, (_, i) => [from + i, `line ${from + i}`]);

describe("LineStore", () => {
  it("asks for the windows a range needs, once fetched never again", () => {
    const s = new LineStore(0);
    s.setTotal(3 * CHUNK + 10);
    expect(s.missing(1, 40)).toEqual([0]);
    expect(s.missing(CHUNK - 5, 2 * CHUNK + 5)).toEqual([0, 1, 2]);
    s.put(lines(1, CHUNK), 0);
    expect(s.missing(1, CHUNK + 1)).toEqual([1]);
    expect(s.get(7)).toBe("line 7");
    expect(s.get(CHUNK + 1)).toBeUndefined();
    // nothing past the total
    expect(s.missing(3 * CHUNK, 10 * CHUNK)).toEqual([2, 3]);
  });

  it("grows the total with streamed lines, without marking their window fetched", () => {
    const s = new LineStore(0);
    s.put(lines(1, 10), 0);
    s.put(lines(11, 12));
    expect(s.total).toBe(12);
    expect(s.get(12)).toBe("line 12");
    expect(s.missing(1, 12)).toEqual([]);
    s.put(lines(CHUNK + 1, CHUNK + 2));
    expect(s.missing(CHUNK, CHUNK + 2)).toEqual([1]);
  });

  it("keeps streamed lines that a slower fetch of the same window lacks", () => {
    const s = new LineStore(0);
    s.put(lines(5, 6));
    s.put(lines(1, 4), 0);
    expect([s.get(4), s.get(5), s.get(6)]).toEqual(["line 4", "line 5", "line 6"]);
  });

  it("fetches again, after the job ended, a window left with holes", () => {
    const s = new LineStore(0);
    s.put(lines(1, 10), 0);
    s.setTotal(20);
    s.refetchIncomplete();
    expect(s.missing(1, 20)).toEqual([0]);
    s.put(lines(1, 20), 0);
    s.refetchIncomplete();
    expect(s.missing(1, 20)).toEqual([]);
  });

  it("drops the least recently shown windows past its limit", () => {
    const s = new LineStore(0);
    s.setTotal((MAX_CHUNKS + 5) * CHUNK);
    for (let c = 0; c < MAX_CHUNKS + 5; c++) {
      s.missing(c * CHUNK + 1, c * CHUNK + 1);
      s.put([[c * CHUNK + 1, "x"]], c);
    }
    expect(s.get(1)).toBeUndefined();
    expect(s.get((MAX_CHUNKS + 4) * CHUNK + 1)).toBe("x");
    expect(s.missing(1, 1)).toEqual([0]);
  });

  it("announces a burst of changes once", async () => {
    const s = new LineStore(5);
    let calls = 0;
    s.subscribe(() => calls++);
    for (let i = 1; i <= 100; i++) s.put([[i, "x"]]);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(1);
    expect(s.getVersion()).toBe(1);
  });
});
