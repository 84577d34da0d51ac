import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { jobs, schedules } from "@/db/schema";
import { api, ctx } from "../api";
import { makeCatalog } from "../fixtures";

/**
 * A schedule firing every minute with three executor processes sharing one PostgreSQL:
 * one job per minute, not three. Real time (about two and a half minutes); PostgreSQL
 * only, since several processes cannot share the embedded database.
 */
const procs: ChildProcess[] = [];

afterAll(() => {
  for (const p of procs) if (p.exitCode === null) p.kill("SIGKILL");
});

describe.skipIf(!process.env.DATABASE_URL)("schedules across processes", () => {
  it("fires once per minute with three processes", async () => {
    const c = await makeCatalog();
    const { db, config } = await ctx();
    const created = await api("POST", "/api/job/schedule/", { json: { name: "每分钟巡检", template: c.template.id, cron: "* * * * *", timezone: "UTC" } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as number;
    let logs = "";
    for (const name of ["s1", "s2", "s3"]) {
      const p = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
        env: { ...process.env, WORKER_ID: name, WORKER_CAPACITY: "1", DATA_DIR: path.join(process.env.DATA_DIR!, name), PROJECTS_ROOT: config.projectsRoot },
        stdio: ["ignore", "pipe", "pipe"],
      });
      p.stdout!.on("data", (d) => (logs += d));
      p.stderr!.on("data", (d) => (logs += d));
      procs.push(p);
    }
    // wait until the first tick has set the due time, then through two due times
    let first: number | null = null;
    const start = Date.now();
    while (first === null) {
      if (Date.now() - start > 60_000) throw new Error(`no tick set next_fire_at\n${logs}`);
      await new Promise((r) => setTimeout(r, 500));
      first = (await db.select().from(schedules).where(eq(schedules.id, id)))[0]!.nextFireAt;
    }
    const until = (first + 60) * 1000 + 12_000;
    while (Date.now() < until) await new Promise((r) => setTimeout(r, 1000));
    const fired = await db.select().from(jobs).where(eq(jobs.scheduleId, id));
    expect(fired.length, logs).toBe(2);
    const minutes = fired.map((j) => Math.floor(j.ctime / 60)).sort();
    expect(new Set(minutes).size).toBe(2);
    expect(fired.every((j) => j.scheduleName === "每分钟巡检" && j.templateId === c.template.id)).toBe(true);
    const filtered = await api("GET", `/api/job/job/?schedule=${id}`);
    expect(filtered.body.count).toBe(2);
  }, 200_000);
});
