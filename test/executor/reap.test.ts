import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { openDatabase, rowsOf } from "@/db/client";
import { jobs, workers } from "@/db/schema";
import { endJobsOf, JOB_STALL_S, reapOrphanedJobs } from "@/executor/reap-jobs";
import { clusterChores } from "@/executor/start-housekeeping";
import { explain } from "@/lib/jobs/explanations";
import { api, ctx, resetDb } from "../api";
import { importBody } from "../fixtures";
import { outputOf } from "./helpers";

beforeEach(resetDb);

async function activeJob(state: "waiting" | "running", workerId: string | null, progressAt: number | null = null) {
  const r = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping" }) });
  const { db } = await ctx();
  await db.update(jobs).set({ state, workerId, finishTime: null, progressAt }).where(eq(jobs.id, r.body.id));
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
    expect(k!.state).toBe("running");
    // the API's explanation says what the red last line says
    expect(l).toMatchObject({ state: "error", explanation: explain.executorLost("dead", 30) });
    expect(l!.finishTime).not.toBeNull();
    expect((await outputOf(lost)).at(-1)).toContain("dead 已失联");
    expect(await reapOrphanedJobs(db)).toEqual([]);
  });

  it("after a database restart, a worker's missed beats are no evidence until the server has been up 30 s", async () => {
    // a database whose server just started (PGlite starts its postgres when opened)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zuoye-reap-"));
    fs.cpSync(inject("pgliteTemplate"), path.join(dir, "pglite"), { recursive: true });
    const fresh = await openDatabase({ pgliteDir: path.join(dir, "pglite") });
    try {
      const { db } = fresh;
      const now = Math.floor(Date.now() / 1000);
      await db.insert(workers).values({ id: "quiet", hostname: "h", pid: 2, capacity: 1, startedAt: now - 600, heartbeatAt: now - 120 });
      const [job] = await db
        .insert(jobs)
        .values({ cuserId: 1, kind: "adhoc", module: "ping", state: "running", workerId: "quiet", ctime: now - 200, startTime: now - 200 })
        .returning({ id: jobs.id });
      expect(await reapOrphanedJobs(db, { afterRestartGrace: true })).toEqual([]);
      const [kept] = await db.select({ state: jobs.state }).from(jobs).where(eq(jobs.id, job!.id));
      expect(kept!.state).toBe("running");
      // without the grace (the embedded database cannot restart under its worker) it is lost
      expect(await reapOrphanedJobs(db)).toEqual([job!.id]);
    } finally {
      await fresh.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // the shared PostgreSQL server has been up for long (an embedded database opened moments
  // ago has not: the case above)
  it.runIf(process.env.TEST_DATABASE_URL)("on PostgreSQL up for long, the grace changes nothing: a silent worker is lost", async () => {
    const { db } = await ctx();
    const { up } = rowsOf<{ up: number }>(await db.execute(sql`select extract(epoch from now() - pg_postmaster_start_time())::int as up`))[0]!;
    expect(up).toBeGreaterThan(30);
    const now = Math.floor(Date.now() / 1000);
    await db.insert(workers).values({ id: "gone", hostname: "h", pid: 2, capacity: 1, startedAt: now - 600, heartbeatAt: now - 120 });
    const lost = await activeJob("running", "gone");
    expect(await reapOrphanedJobs(db, { afterRestartGrace: true })).toEqual([lost]);
  });

  it("a web process's chores (no executor) also forget workers silent for a day", async () => {
    const c = await ctx();
    const now = Math.floor(Date.now() / 1000);
    await c.db.insert(workers).values([
      { id: "yesterday", hostname: "h", pid: 3, capacity: 1, startedAt: now - 200_000, heartbeatAt: now - 90_000 },
      { id: "an-hour-ago", hostname: "h", pid: 4, capacity: 1, startedAt: now - 7_200, heartbeatAt: now - 3_600 },
    ]);
    await clusterChores(c.database).reap();
    expect((await c.db.select({ id: workers.id }).from(workers)).map((w) => w.id)).toEqual(["an-hour-ago"]);
  });

  it("ends a job its live worker has not reported progress on (a writer stuck on the database)", async () => {
    const { db } = await ctx();
    const now = Math.floor(Date.now() / 1000);
    await db.insert(workers).values({ id: "beating", hostname: "h", pid: 1, capacity: 2, startedAt: now, heartbeatAt: now });
    const moving = await activeJob("running", "beating", now - 5);
    const stuck = await activeJob("running", "beating", now - JOB_STALL_S - 5);
    expect(await reapOrphanedJobs(db)).toEqual([stuck]);
    const [s] = await db.select().from(jobs).where(eq(jobs.id, stuck));
    expect(s).toMatchObject({ state: "error", explanation: explain.stalled("beating", JOB_STALL_S) });
    expect((await outputOf(stuck)).at(-1)).toContain("作业停滞");
    const [m] = await db.select().from(jobs).where(eq(jobs.id, moving));
    expect(m!.state).toBe("running");
  });

  it("ends at start the jobs a restarted worker held", async () => {
    const { db } = await ctx();
    const held = await activeJob("running", "w-stable");
    expect(await endJobsOf(db, "w-stable")).toEqual([held]);
    expect((await outputOf(held)).at(-1)).toContain("重启");
  });
});
