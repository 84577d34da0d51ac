import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { openDatabase, rowsOf, type Database, type Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { claimNextJob, type ClaimLease } from "@/executor/claim-next-job";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { acquireWorkerLease } from "@/executor/worker-lease";
import { api, ctx } from "../api";
import { makeCredential, makeLocalInventory, makeProject, outputOf, waitForState } from "./helpers";

/**
 * Concurrency limits with real runs: a template that forbids simultaneous runs, a maximum
 * of 2, an inventory's maximum across templates, the cancel of a pending job, and claims
 * racing from two worker leases that never pass a limit.
 */
const PLAY = (seconds: number) => `- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.command: sleep ${seconds}\n`;

let executor: Executor;
let refs: { project: number; inventory: number; credential: number };
const others: Database[] = [];

beforeAll(async () => {
  const c = await ctx();
  const project = await makeProject("conc", { "nap.yml": PLAY(2), "long.yml": PLAY(30) });
  const inventory = await makeLocalInventory();
  const credential = await makeCredential();
  refs = { project: project.id, inventory: inventory.id, credential: credential.id };
  executor = await startExecutor(c.database, { ...c.config, workerCapacity: 4, workerId: "conc-worker" });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
  for (const d of others) await d.close();
});

async function makeTemplate(name: string, limits: Record<string, unknown>, body: Record<string, unknown> = {}): Promise<number> {
  const r = await api("POST", "/api/job/template/", { json: { name, ...refs, playbook: "nap.yml", ...limits, ...body } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as number;
}

async function launch(template: number): Promise<number> {
  const r = await api("POST", `/api/job/template/${template}/launch/`, { json: {} });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as number;
}

/** Samples how many of `ids` hold a slot (waiting or running) until all ended; the most seen at once. */
async function mostAtOnce(ids: number[]): Promise<number> {
  const { db } = await ctx();
  let most = 0;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const rows = await db.select({ state: jobs.state }).from(jobs).where(inArray(jobs.id, ids));
    most = Math.max(most, rows.filter((r) => r.state === "waiting" || r.state === "running").length);
    if (rows.every((r) => ["successful", "failed", "canceled", "error"].includes(r.state))) return most;
    if (Date.now() > deadline) throw new Error(`jobs ${ids.join(", ")} still live`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("concurrency limits", () => {
  it("two launches of a template that forbids simultaneous runs run one after the other", async () => {
    const template = await makeTemplate("一次一个", { allow_simultaneous: false });
    const first = await launch(template);
    const second = await launch(template);
    await waitForState(second, ["pending"], 30_000);
    const shown = await api("GET", `/api/job/job/${second}/`);
    expect(shown.body).toMatchObject({ state: "pending", queue_position: 1, queue_reason: "template", queue_limit: 1 });
    const most = await mostAtOnce([first, second]);
    const [a, b] = [await waitForState(first), await waitForState(second)];
    expect([a.state, b.state], (await outputOf(second)).join("\n")).toEqual(["successful", "successful"]);
    expect(most).toBe(1);
    expect(b.startTime!).toBeGreaterThanOrEqual(a.finishTime!);
  }, 120_000);

  it("a maximum of 2: the third of three launches starts when one of the first two ends", async () => {
    const template = await makeTemplate("最多两个", { max_concurrent_jobs: 2 });
    const ids = [await launch(template), await launch(template), await launch(template)];
    await waitForState(ids[2]!, ["pending"], 30_000);
    expect(await mostAtOnce(ids)).toBe(2);
    const [a, b, c] = await Promise.all(ids.map((id) => waitForState(id)));
    expect([a!.state, b!.state, c!.state]).toEqual(["successful", "successful", "successful"]);
    expect(c!.startTime!).toBeGreaterThanOrEqual(Math.min(a!.finishTime!, b!.finishTime!));
  }, 120_000);

  it("an inventory's maximum holds across two templates", async () => {
    const inventory = await api("POST", "/api/job/inventory/", {
      json: { name: "一次一台", content: "localhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n", max_concurrent_jobs: 1 },
    });
    expect(inventory.status, JSON.stringify(inventory.body)).toBe(201);
    const one = await makeTemplate("清单甲", {}, { inventory: inventory.body.id });
    const two = await makeTemplate("清单乙", {}, { inventory: inventory.body.id });
    const first = await launch(one);
    const second = await launch(two);
    await waitForState(second, ["pending"], 30_000);
    expect((await api("GET", `/api/job/job/${second}/`)).body).toMatchObject({ queue_position: 1, queue_reason: "inventory", queue_limit: 1 });
    expect(await mostAtOnce([first, second])).toBe(1);
    const [a, b] = [await waitForState(first), await waitForState(second)];
    expect([a.state, b.state]).toEqual(["successful", "successful"]);
    expect(b.startTime!).toBeGreaterThanOrEqual(a.finishTime!);
  }, 120_000);

  it("a pending job is canceled at once and never runs; the one before it is untouched", async () => {
    const template = await makeTemplate("取消排队", { allow_simultaneous: false }, { playbook: "long.yml" });
    const running = await launch(template);
    const queued = await launch(template);
    await waitForState(running, ["running"], 30_000);
    await waitForState(queued, ["pending"], 30_000);
    const canceled = await api("POST", `/api/job/job/${queued}/cancel/`);
    expect(canceled.status).toBe(202);
    expect(canceled.body.state).toBe("canceled");
    const row = await waitForState(queued, ["canceled"], 1_000);
    expect(row.startTime).toBeNull();
    expect(row.workerId).toBeNull();
    const { db } = await ctx();
    const [still] = await db.select({ state: jobs.state }).from(jobs).where(eq(jobs.id, running));
    expect(still!.state).toBe("running");
    expect((await api("POST", `/api/job/job/${running}/cancel/`)).status).toBe(202);
    expect((await waitForState(running)).state).toBe("canceled");
    expect(await outputOf(queued)).toEqual([]);
  }, 120_000);
});

/** A second process's connection on PostgreSQL; on PGlite the one connection there is. */
async function secondDb(): Promise<Db> {
  const { database, config } = await ctx();
  if (database.driver === "pglite") return database.db;
  const other = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: "", poolSize: 4 });
  others.push(other);
  return other.db;
}

describe("claims racing under a limit", () => {
  it("two worker leases claiming at once never pass it, and a freed slot goes to the oldest pending job", async () => {
    await executor.stop();
    const { db } = await ctx();
    const dbs = [db, await secondDb()];
    const leases: ClaimLease[] = [
      await acquireWorkerLease(dbs[0]!, { workerId: "race-limit-a", capacity: 10, sandbox: "off" }, { waitMs: 0 }),
      await acquireWorkerLease(dbs[1]!, { workerId: "race-limit-b", capacity: 10, sandbox: "off" }, { waitMs: 0 }),
    ];
    const template = await makeTemplate("三个为限", { max_concurrent_jobs: 3 });
    const ids = rowsOf<{ id: number }>(
      await db.execute(
        sql`insert into jobs (cuser_id, ctime, state, template_id, inventory_id) select 1, 0, 'new', ${template}, ${refs.inventory} from generate_series(1, 20) returning id`,
      ),
    ).map((r) => Number(r.id));
    const claimed: number[] = [];
    // 4 claim loops per lease, not serialised as an executor's are: the claim alone must hold
    const loop = async (w: number) => {
      for (;;) {
        const job = await claimNextJob(dbs[w]!, leases[w]!);
        if (!job) return;
        claimed.push(job.id);
      }
    };
    await Promise.all([0, 0, 0, 0, 1, 1, 1, 1].map(loop));
    expect(claimed.sort((a, b) => a - b)).toEqual(ids.slice(0, 3));
    const states = await db.select({ id: jobs.id, state: jobs.state }).from(jobs).where(inArray(jobs.id, ids)).orderBy(jobs.id);
    expect(states.filter((s) => s.state === "pending").map((s) => s.id)).toEqual(ids.slice(3));

    await db.update(jobs).set({ state: "successful" }).where(eq(jobs.id, ids[1]!));
    const after: number[] = [];
    await Promise.all(
      [0, 1, 0, 1].map(async (w) => {
        const job = await claimNextJob(dbs[w]!, leases[w]!);
        if (job) after.push(job.id);
      }),
    );
    expect(after).toEqual([ids[3]]);
  }, 120_000);
});
