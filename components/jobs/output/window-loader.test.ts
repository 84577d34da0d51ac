import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LinesPage } from "@/lib/jobs/output-api";
import { CHUNK, LineStore } from "./line-store";
import { WindowLoader } from "./window-loader";

const page = (start: number, limit: number, total: number): LinesPage => {
  const lines: [number, string][] = [];
  for (let n = start; n < start + limit && n <= total; n++) lines.push([n, `line ${n}`]);
  return { total, state: "successful", lines, next: null };
};

describe("WindowLoader", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("fetches the windows in view once, at most three at a time, after scrolling settles", async () => {
    const store = new LineStore(0);
    store.setTotal(10 * CHUNK);
    const asked: number[] = [];
    const loader = new WindowLoader(store, async (start, limit) => {
      asked.push(start);
      return page(start, limit, 10 * CHUNK);
    });
    loader.show(1, 10);
    loader.show(CHUNK * 2 + 1, CHUNK * 6);
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(asked.slice(0, 3)).toEqual([2 * CHUNK + 1, 3 * CHUNK + 1, 4 * CHUNK + 1]);
    expect(asked).toEqual([2, 3, 4, 5].map((c) => c * CHUNK + 1));
    expect(store.get(5 * CHUNK + 7)).toBe(`line ${5 * CHUNK + 7}`);
    loader.show(CHUNK * 2 + 1, CHUNK * 6);
    await vi.advanceTimersByTimeAsync(100);
    expect(asked).toHaveLength(4);
  });

  it("tries a failed window again a few seconds later, not in a loop", async () => {
    const store = new LineStore(0);
    store.setTotal(100);
    let calls = 0;
    const loader = new WindowLoader(store, async (start, limit) => {
      calls++;
      if (calls === 1) throw new Error("offline");
      return page(start, limit, 100);
    });
    loader.show(1, 50);
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toBe(2);
    expect(store.get(50)).toBe("line 50");
  });

  it("does nothing once disposed", async () => {
    const store = new LineStore(0);
    store.setTotal(100);
    const fetch = vi.fn(async (start: number, limit: number) => page(start, limit, 100));
    const loader = new WindowLoader(store, fetch);
    loader.show(1, 50);
    loader.dispose();
    await vi.advanceTimersByTimeAsync(200);
    expect(fetch).not.toHaveBeenCalled();
  });
});
