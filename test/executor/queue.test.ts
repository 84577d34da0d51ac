import { describe, expect, it } from "vitest";
import { startQueue } from "@/executor/queue";
import { ctx } from "../api";

/**
 * Executor processes starting together on a new PostgreSQL all get the queue: pg-boss's
 * createQueue deadlocked for one of two workers started at the same moment.
 */
describe.skipIf(!process.env.DATABASE_URL)("queue set-up", () => {
  it("survives six processes' worth of pg-boss starting at once", async () => {
    const { database } = await ctx();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => startQueue(database)));
    const failures = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
    for (const r of results) if (r.status === "fulfilled") await r.value.stop({ graceful: false, close: true, wait: true });
    expect(failures).toEqual([]);
  }, 60_000);
});
