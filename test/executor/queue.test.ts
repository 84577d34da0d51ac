import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, rowsOf, type Database, type Db } from "@/db/client";
import { jobs, workers } from "@/db/schema";
import { claimNextJob, type ClaimLease } from "@/executor/claim-next-job";
import { startExecutor } from "@/executor/start-executor";
import { takeJobs } from "@/executor/take-jobs";
import { acquireWorkerLease } from "@/executor/worker-lease";
import { jsonSource } from "@/lib/drf/serializer";
import { createJob } from "@/core/jobs/create-job";
import { ctx, resetDb } from "../api";
import { makeCatalog } from "../fixtures";

/**
 * The queue is the jobs table: a launch is one committed row, claimed by exactly one
 * worker with `FOR UPDATE SKIP LOCKED`; there is no second copy of a launch to drop.
 */
beforeEach(resetDb);

const others: Database[] = [];
afterAll(async () => {
  for (const d of others) await d.close();
});

/** A second process's connection on PostgreSQL; on PGlite the one connection there is. */
async function secondDb(): Promise<Db> {
  const { database, config } = await ctx();
  if (database.driver === "pglite") return database.db;
  const other = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: "", poolSize: 4 });
  others.push(other);
  return other.db;
}

async function launchNew(db: Db, n: number): Promise<number[]> {
  const rows = rowsOf<{ id: number }>(
    await db.execute(sql`insert into jobs (cuser_id, ctime, state) select 1, 0, 'new' from generate_series(1, ${n}::int) returning id`),
  );
  return rows.map((r) => Number(r.id));
}

const lease = async (db: Db, workerId: string): Promise<ClaimLease> => acquireWorkerLease(db, { workerId, capacity: 4, sandbox: "off" }, { waitMs: 0 });

describe("claiming from the jobs table", () => {
  it("two workers racing for 200 jobs claim each exactly once", async () => {
    const { db } = await ctx();
    const dbs = [db, await secondDb()];
    const leases = [await lease(dbs[0]!, "race-a"), await lease(dbs[1]!, "race-b")];
    const ids = await launchNew(db, 200);
    const claimed: { id: number; by: string; state: string; workerId: string | null }[] = [];
    // 4 claim loops per worker, not serialised as an executor's are: the statement alone must hold
    const loop = async (w: number) => {
      for (;;) {
        const job = await claimNextJob(dbs[w]!, leases[w]!);
        if (!job) return;
        claimed.push({ id: job.id, by: leases[w]!.workerId, state: job.state, workerId: job.workerId });
      }
    };
    await Promise.all([0, 0, 0, 0, 1, 1, 1, 1].map(loop));
    expect(claimed).toHaveLength(200);
    expect(new Set(claimed.map((c) => c.id))).toEqual(new Set(ids));
    expect(claimed.every((c) => c.state === "waiting" && c.workerId === c.by)).toBe(true);
    const rows = await db.select({ id: jobs.id, state: jobs.state, workerId: jobs.workerId }).from(jobs).where(inArray(jobs.id, ids));
    const by = new Map(claimed.map((c) => [c.id, c.by]));
    expect(rows.every((r) => r.state === "waiting" && r.workerId === by.get(r.id))).toBe(true);
    expect(await claimNextJob(db, leases[0]!)).toBeUndefined();
  }, 60_000);

  it("claims the oldest new job first", async () => {
    const { db } = await ctx();
    const l = await lease(db, "oldest");
    const ids = await launchNew(db, 3);
    expect((await claimNextJob(db, l))?.id).toBe(ids[0]);
    expect((await claimNextJob(db, l))?.id).toBe(ids[1]);
  });

  it("a job is claimable in the transaction that creates it, and by others only once it commits", async () => {
    const c = await ctx();
    const l = await lease(c.db, "same-tx");
    const user = { id: c.adminUserId, username: "admin", displayName: "admin", role: "admin" };
    const { template } = await makeCatalog();
    const body = jsonSource({ template: template.id });
    // the row is the queue entry: there is no moment when the job exists without being queued
    const claimedInside = await c.db
      .transaction(async (tx) => {
        const job = await createJob(tx, user, body);
        const claimed = await claimNextJob(tx, l);
        expect(claimed?.id).toBe(job.id);
        tx.rollback();
      })
      .catch((e) => e);
    expect(String(claimedInside)).toMatch(/Rollback/);
    expect(await c.db.select().from(jobs)).toEqual([]);

    if (c.database.driver === "postgres") {
      const other = await secondDb();
      const otherLease = await lease(other, "same-tx-other");
      let created = 0;
      let seenBeforeCommit: unknown = "not tried";
      await c.db.transaction(async (tx) => {
        created = (await createJob(tx, user, body)).id;
        seenBeforeCommit = await claimNextJob(other, otherLease);
      });
      expect(seenBeforeCommit).toBeUndefined();
      expect((await claimNextJob(other, otherLease))?.id).toBe(created);
    }
  });

  it("claims nothing without the worker id's lease", async () => {
    const { db } = await ctx();
    const l = await lease(db, "leaseless");
    await launchNew(db, 1);
    await db.update(workers).set({ instance: "another-process" }).where(eq(workers.id, "leaseless"));
    expect(await claimNextJob(db, l)).toBeUndefined();
    expect(await claimNextJob(db, { workerId: "never-registered", instance: "x" })).toBeUndefined();
    const [row] = await db.select().from(jobs);
    expect(row).toMatchObject({ state: "new", workerId: null });
  });

  it("after a claim whose answer was lost, takes that job back instead of leaving it held by no slot", async () => {
    const { db } = await ctx();
    const l = await lease(db, "lost-answer");
    const [id] = await launchNew(db, 1);
    let attempts = 0;
    const ran: number[] = [];
    const intake = takeJobs({
      capacity: 2,
      pollMs: 100,
      claim: async (recover) => {
        attempts++;
        const job = await claimNextJob(db, l, recover);
        // the first claim commits, then its answer is lost with the connection
        if (attempts === 1) throw Object.assign(new Error("connection closed"), { code: "CONNECTION_CLOSED", job });
        return job;
      },
      run: async (job) => void ran.push(job.id),
      giveBack: async () => {},
    });
    const deadline = Date.now() + 10_000;
    while (ran.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await intake.stop();
    expect(ran).toEqual([id]);
  });
});

/** Executor processes starting together on one new database all start (their set-up takes no lock another holds). */
describe.skipIf(!process.env.DATABASE_URL)("executors starting at once", () => {
  it("six start together and each stops cleanly", async () => {
    const { database, config } = await ctx();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => startExecutor(database, { ...config, workerCapacity: 1, workerId: `together-${i}` })),
    );
    const failures = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
    for (const r of results) if (r.status === "fulfilled") await r.value.stop({ graceMs: 0 });
    expect(failures).toEqual([]);
  }, 60_000);
});

describe("an executor's intake", () => {
  it("holds off the no-slot sweep while a claim is under way, and skips it while a lost claim is taken back", async () => {
    let answer: (job: undefined) => void = () => {};
    let attempts = 0;
    const intake = takeJobs({
      capacity: 1,
      pollMs: 60_000,
      claim: async () => {
        attempts++;
        if (attempts === 2) throw Object.assign(new Error("connection closed"), { code: "CONNECTION_CLOSED" });
        if (attempts > 2) return undefined;
        return new Promise<undefined>((resolve) => (answer = resolve));
      },
      run: async () => {},
      giveBack: async () => {},
    });
    const events: string[] = [];
    await new Promise((r) => setTimeout(r, 50));
    const sweep = intake.whileNoClaim(async () => void events.push("swept"));
    await new Promise((r) => setTimeout(r, 100));
    events.push("claim answered");
    answer(undefined);
    await sweep;
    expect(events).toEqual(["claim answered", "swept"]);
    // the next claim fails: until a claim settles again, the sweep is skipped
    intake.wake();
    await new Promise((r) => setTimeout(r, 50));
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(await intake.whileNoClaim(async () => "swept")).toBeUndefined();
    await intake.stop();
  });
});
