import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { jobs, workers } from "@/db/schema";
import { endJobsOf, reapOrphanedJobs } from "@/executor/reap-jobs";
import { api, ctx, resetDb } from "../api";
import { importBody } from "../fixtures";
import { outputOf } from "./helpers";

beforeEach(resetDb);

async function activeJob(state: "waiting" | "running", workerId: string | null) {
  const r = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping" }) });
  const { db } = await ctx();
  await db.update(jobs).set({ state, workerId, finishTime: null }).where(eq(jobs.id, r.body.id));
  return r.body.id as number;
}

describe("reaper", () => {
  it("ends the jobs of a worker that stopped beating, leaves a live worker's alone", async () => {
    const { db } = await ctx();
    const now = Math.floor(Date.now() / 1000);
    await db.insert(workers).values([
      { id: "alive", hostname: "h", pid: 1, capacity: 1, startedAt: now, heartbeatAt: now },
      { id: "dead", hostname: "h", pid: 2, capacity: 1, startedAt: now - 600, heartbeatAt: now - 120 },
    ]);
    const kept = await activeJob("running", "alive");
    const lost = await activeJob("running", "dead");
    const gone = await activeJob("waiting", "never-registered");
    expect((await reapOrphanedJobs(db)).sort()).toEqual([lost, gone].sort());
    const [k] = await db.select().from(jobs).where(eq(jobs.id, kept));
    const [l] = await db.select().from(jobs).where(eq(jobs.id, lost));
    expect(k.state).toBe("running");
    expect(l).toMatchObject({ state: "error", explanation: "作业执行器已失联" });
    expect(l.finishTime).not.toBeNull();
    expect((await outputOf(lost)).at(-1)).toContain("dead 已失联");
    expect(await reapOrphanedJobs(db)).toEqual([]);
  });

  it("ends at start the jobs a restarted worker held", async () => {
    const { db } = await ctx();
    const held = await activeJob("running", "w-stable");
    expect(await endJobsOf(db, "w-stable")).toEqual([held]);
    expect((await outputOf(held)).at(-1)).toContain("重启");
  });
});
