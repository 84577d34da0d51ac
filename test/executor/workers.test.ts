import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { jobs } from "@/db/schema";
import { rowsOf } from "@/db/client";
import { api, ctx } from "../api";
import { makeCredential, makeLocalInventory, makeProject, outputOf, processesWith, waitForState } from "./helpers";

/**
 * Standalone workers (`npm run worker`) sharing one PostgreSQL: exactly-once delivery,
 * per-worker capacity, and a worker killed with SIGKILL mid-job. PostgreSQL only: with
 * the embedded database the executor runs inside the web process.
 */
const workers = new Map<string, ChildProcess>();
let refs: Record<string, number>;
let logs = "";

function startWorker(id: string, capacity: number): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, WORKER_ID: id, WORKER_CAPACITY: String(capacity), DATA_DIR: path.join(process.env.DATA_DIR!, id) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (logs += d));
  child.stderr!.on("data", (d) => (logs += d));
  workers.set(id, child);
  return child;
}

async function launch(playbook: string) {
  const r = await api("POST", "/api/job/job/", { json: { ...refs, playbook } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as number;
}

describe.skipIf(!process.env.DATABASE_URL)("workers on PostgreSQL", () => {
  beforeAll(async () => {
    const { config } = await ctx();
    const project = await makeProject("workers", {
      "quick.yml": "- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.command: sleep 0.5\n",
      "long.yml": "- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.command: sleep 73.3131\n",
    });
    const inventory = await makeLocalInventory();
    const credential = await makeCredential();
    refs = { project: project.id, inventory: inventory.id, credential: credential.id };
    // the workers' own projects root must be the one the test wrote to
    process.env.PROJECTS_ROOT = config.projectsRoot;
    startWorker("w1", 3);
    startWorker("w2", 3);
  }, 60_000);

  afterAll(async () => {
    for (const w of workers.values()) if (w.exitCode === null) w.kill("SIGKILL");
  });

  it("runs 50 queued jobs, each exactly once, spread over both workers within their capacity", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 50; i++) ids.push(await launch("quick.yml"));
    const { db } = await ctx();
    let maxPerWorker = 0;
    const deadline = Date.now() + 240_000;
    for (;;) {
      const running = rowsOf<{ worker_id: string; n: string }>(
        await db.execute(sql`select worker_id, count(*) n from jobs where state in ('waiting','running') group by worker_id`),
      );
      for (const r of running) maxPerWorker = Math.max(maxPerWorker, Number(r.n));
      const done = await db
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(inArray(jobs.id, ids), inArray(jobs.state, ["successful", "failed", "error", "canceled"])));
      if (done.length === ids.length) break;
      if (Date.now() > deadline) throw new Error(`only ${done.length}/50 done\n${logs}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const rows = await db.select().from(jobs).where(inArray(jobs.id, ids));
    expect(
      rows.every((r) => r.state === "successful"),
      logs,
    ).toBe(true);
    expect(new Set(rows.map((r) => r.workerId))).toEqual(new Set(["w1", "w2"]));
    expect(maxPerWorker).toBeLessThanOrEqual(3);
    expect(maxPerWorker).toBeGreaterThan(1);
    const starts = rowsOf<{ job_id: number; n: string }>(
      await db.execute(sql`select job_id, count(*) n from job_events where event = 'playbook_on_start' and job_id in ${ids} group by job_id`),
    );
    expect(starts).toHaveLength(50);
    expect(starts.every((s) => Number(s.n) === 1)).toBe(true);
  }, 300_000);

  it("ends a job `error` within 60 s when its worker is killed with SIGKILL, leaving no process", async () => {
    const id = await launch("long.yml");
    const job = await waitForState(id, ["running"], 60_000);
    const deadline = Date.now() + 20_000;
    while (processesWith("73.3131").length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(processesWith("73.3131").length).toBeGreaterThan(0);
    const victim = workers.get(job.workerId!)!;
    victim.kill("SIGKILL");
    const killedAt = Date.now();
    const ended = await waitForState(id, ["error", "failed", "successful", "canceled"], 75_000);
    expect(ended.state).toBe("error");
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    expect((await outputOf(id)).join("\n")).toContain("已失联");
    expect(processesWith("73.3131")).toEqual([]);
    const { db } = await ctx();
    const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
    expect(row!.finishTime).not.toBeNull();
  }, 120_000);
});
