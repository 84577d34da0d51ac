import { spawnSync } from "node:child_process";
import os from "node:os";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { jobs, workers } from "@/db/schema";
import { startExecutor } from "@/executor/start-executor";
import { endJobsHeldBy } from "@/executor/end-held-jobs";
import { acquireWorkerLease, LeaseRefused, releaseWorkerLease, renewWorkerLease } from "@/executor/worker-lease";
import { api, ctx, resetDb } from "../api";
import { importBody } from "../fixtures";
import { outputOf } from "../executor/helpers";

beforeEach(resetDb);

const now = () => Math.floor(Date.now() / 1000);
const registration = (workerId: string) => ({ workerId, capacity: 1, sandbox: "sandbox" });

async function holder(id: string, values: { hostname: string; pid: number; heartbeatAt: number; instance?: string }) {
  const { db } = await ctx();
  await db.insert(workers).values({ id, instance: values.instance ?? "other-instance", capacity: 1, startedAt: values.heartbeatAt, ...values });
}

async function rowOf(id: string) {
  const { db } = await ctx();
  return (await db.select().from(workers).where(eq(workers.id, id)))[0];
}

/** A pid that surely ran and exited on this host. */
function deadPid(): number {
  const r = spawnSync("/bin/sh", ["-c", "echo $$"], { encoding: "utf8" });
  return Number(r.stdout.trim());
}

describe("worker id lease", () => {
  it("takes a free id, renews it, and gives it back on release", async () => {
    const { db } = await ctx();
    const lease = await acquireWorkerLease(db, registration("w-free"), { waitMs: 0 });
    expect(lease.tookOver).toBeUndefined();
    expect(await rowOf("w-free")).toMatchObject({ instance: lease.instance, pid: process.pid, hostname: os.hostname() });
    expect(await renewWorkerLease(db, lease)).toBe("renewed");
    await releaseWorkerLease(db, lease);
    expect(await rowOf("w-free")).toBeUndefined();
  });

  it("waits for a live holder, then refuses with a clear message, touching neither its row nor its jobs", async () => {
    const { db } = await ctx();
    await holder("w-live", { hostname: "another-host", pid: 4242, heartbeatAt: now() });
    const r = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping" }) });
    await db.update(jobs).set({ state: "running", workerId: "w-live", finishTime: null }).where(eq(jobs.id, r.body.id));
    const logged: string[] = [];
    const started = Date.now();
    const refused = await acquireWorkerLease(db, registration("w-live"), { waitMs: 1500, pollMs: 200, log: (m) => logged.push(m) }).catch((e) => e);
    expect(refused).toBeInstanceOf(LeaseRefused);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(refused.message).toMatch(/worker id "w-live" is held by a running process \(pid 4242 on another-host.*another WORKER_ID/);
    expect(logged.join("\n")).toMatch(/waiting up to/);
    expect(await rowOf("w-live")).toMatchObject({ instance: "other-instance", pid: 4242 });
    expect((await db.select().from(jobs).where(eq(jobs.id, r.body.id)))[0]!.state).toBe("running");
  });

  it("takes over at once from a holder on this host whose process has exited", async () => {
    const { db } = await ctx();
    await holder("w-dead", { hostname: os.hostname(), pid: deadPid(), heartbeatAt: now() });
    const lease = await acquireWorkerLease(db, registration("w-dead"), { waitMs: 0 });
    expect(lease.tookOver?.why).toMatch(/has exited/);
    expect((await rowOf("w-dead"))!.instance).toBe(lease.instance);
  });

  it("takes over from a holder elsewhere that stopped beating", async () => {
    const { db } = await ctx();
    await holder("w-stale", { hostname: "another-host", pid: 4242, heartbeatAt: now() - 120 });
    const lease = await acquireWorkerLease(db, registration("w-stale"), { waitMs: 0 });
    expect(lease.tookOver?.why).toMatch(/no heartbeat for 1\d\d s/);
    expect(await rowOf("w-stale")).toMatchObject({ instance: lease.instance, pid: process.pid });
  });

  it("re-creates its missing row at the heartbeat; a row taken by another instance is a lost lease, and release leaves it", async () => {
    const { db } = await ctx();
    const lease = await acquireWorkerLease(db, registration("w-beat"), { waitMs: 0 });
    await db.delete(workers).where(eq(workers.id, "w-beat"));
    expect(await renewWorkerLease(db, lease)).toBe("recreated");
    expect((await rowOf("w-beat"))!.instance).toBe(lease.instance);
    await db.update(workers).set({ instance: "intruder", pid: 4343, hostname: "another-host" }).where(eq(workers.id, "w-beat"));
    expect(await renewWorkerLease(db, lease)).toEqual({ lost: expect.objectContaining({ instance: "intruder", pid: 4343, hostname: "another-host" }) });
    await releaseWorkerLease(db, lease);
    expect((await rowOf("w-beat"))!.instance).toBe("intruder");
  });
});

describe("an executor that loses its id", () => {
  it("stops, reports it, and neither ends the new holder's jobs nor deletes its row", async () => {
    const c = await ctx();
    // the lease may be seen lost before the setup below has returned the job's id
    let setUp: Promise<number> = Promise.resolve(0);
    const lost = new Promise<string>((resolve) => {
      setUp = startExecutor(
        c.database,
        { ...c.config, workerCapacity: 1, workerId: "w-lost" },
        {
          heartbeatMs: 300,
          onLeaseLost: (h) => resolve(h.instance),
        },
      ).then(async () => {
        const r = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping" }) });
        // another process takes the id, then runs a job under it: the loser must leave it alone
        // (a job of this id while this process still held it would be its own, and ended)
        // (one transaction: the loser sees the id taken and the job together)
        await c.db.transaction(async (tx) => {
          await tx.update(workers).set({ instance: "new-holder", hostname: "another-host", pid: 4444 }).where(eq(workers.id, "w-lost"));
          await tx.update(jobs).set({ state: "running", workerId: "w-lost", finishTime: null }).where(eq(jobs.id, r.body.id));
        });
        return r.body.id as number;
      });
    });
    expect(await lost).toBe("new-holder");
    const held = await setUp;
    expect(held).toBeGreaterThan(0);
    expect((await rowOf("w-lost"))!.instance).toBe("new-holder");
    const [job] = await c.db.select().from(jobs).where(eq(jobs.id, held));
    expect(job!.state).toBe("running");
    expect(await outputOf(held)).toEqual([]);
  });
});

describe("ending the jobs of a worker id", () => {
  it("with the holder's instance, ends nothing once another instance holds the id", async () => {
    const { db } = await ctx();
    await holder("w-moved", { hostname: "another-host", pid: 4545, heartbeatAt: now(), instance: "taker" });
    const r = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping" }) });
    await db.update(jobs).set({ state: "running", workerId: "w-moved", finishTime: null }).where(eq(jobs.id, r.body.id));
    expect(await endJobsHeldBy(db, "w-moved", "gone", new Set(), "the-loser")).toEqual([]);
    expect((await db.select().from(jobs).where(eq(jobs.id, r.body.id)))[0]!.state).toBe("running");
    expect(await endJobsHeldBy(db, "w-moved", "gone", new Set(), "taker")).toEqual([r.body.id]);
    expect((await db.select().from(jobs).where(eq(jobs.id, r.body.id)))[0]).toMatchObject({ state: "error", explanation: "gone" });
  });
});
