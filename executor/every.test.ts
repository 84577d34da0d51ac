import { afterEach, describe, expect, it, vi } from "vitest";
import { every } from "./every";

afterEach(() => vi.restoreAllMocks());

describe("every", () => {
  it("with attemptMs, a tick that never answers is counted failed and the loop goes on", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void errors.push(a.join(" ")));
    let calls = 0;
    const stop = every(
      60_000,
      "beat",
      () => {
        calls++;
        // the first call hangs forever (a query on a connection cut at that moment)
        return calls === 1 ? new Promise(() => {}) : Promise.resolve();
      },
      { retryMs: 20, attemptMs: 50, first: 0 },
    );
    try {
      await vi.waitUntil(() => calls >= 2, { timeout: 2_000, interval: 10 });
    } finally {
      stop();
    }
    expect(calls).toBe(2);
    expect(errors.join("\n")).toMatch(/\[beat\].*no answer from the database within 50 ms/);
  });

  it("without attemptMs, never two ticks at once: a slow tick delays the next", async () => {
    let running = 0;
    let most = 0;
    let calls = 0;
    const stop = every(5, "slow", async () => {
      calls++;
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 30));
      running--;
    });
    try {
      await vi.waitUntil(() => calls >= 3, { timeout: 2_000, interval: 5 });
    } finally {
      stop();
    }
    expect(most).toBe(1);
  });
});
