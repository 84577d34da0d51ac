import { eq, inArray, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { jobEvents, jobHostSummaries, jobOutputLines, jobs, retentionSettings } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { runDueRetention } from "@/core/retention/run-due-retention";
import { api, ctx, resetDb } from "../api";
import { importBody, makeCatalog, makeUser, setState } from "../fixtures";
import { insertEvents, insertManyLines, insertSummaries } from "../output-fixtures";
import { rollupDiffs } from "../rollups";

beforeEach(resetDb);

const DAY = 86_400;

/** A job recorded through the API as ended `daysAgo` (its creation too), then put in `state`. */
async function job(opts: { template?: number; daysAgo: number; state?: string; lines?: number; explanation?: string }): Promise<number> {
  const body = opts.template ? importBody({ template: opts.template }) : importBody({ kind: "adhoc", module: "ping" });
  const r = await api("POST", "/api/job/job/", { json: body });
  expect(r.status, r.text).toBe(201);
  const id = r.body.id as number;
  const { db } = await ctx();
  const ended = nowSeconds() - opts.daysAgo * DAY;
  await db
    .update(jobs)
    .set({ ctime: ended - 60, startTime: ended - 60, finishTime: ended, explanation: opts.explanation ?? "" })
    .where(eq(jobs.id, id));
  if (opts.state) await setState(id, opts.state);
  if (opts.lines) {
    await insertManyLines(id, opts.lines);
    await insertEvents(id, [{ event: "playbook_on_start" }, { event: "runner_on_failed", host: "web1", failed: true }]);
    await insertSummaries(id, [{ host: "web1", failures: 1, firstFailedTask: "deploy" }]);
  }
  return id;
}

async function ids(): Promise<number[]> {
  const { db } = await ctx();
  return (await db.select({ id: jobs.id }).from(jobs).orderBy(jobs.id)).map((r) => r.id);
}

async function counts(id: number) {
  const { db } = await ctx();
  const n = async (t: typeof jobOutputLines | typeof jobEvents | typeof jobHostSummaries) =>
    Number(rowsOf<{ n: string }>(await db.execute(sql`select count(*) as n from ${t} where job_id = ${id}`))[0]!.n);
  return { lines: await n(jobOutputLines), events: await n(jobEvents), hosts: await n(jobHostSummaries) };
}

const put = (json: Record<string, unknown>, as?: number) => api("PUT", "/api/job/settings/retention/", { json, as });
const run = (json: Record<string, unknown>, as?: number) => api("POST", "/api/job/settings/retention/run/", { json, as });

describe("retention settings", () => {
  it("round trip: off by default, PUT changes what it names, 0 days keeps forever", async () => {
    const first = await api("GET", "/api/job/settings/retention/");
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      enabled: false,
      job_days: null,
      keep_per_template: 0,
      output_days: null,
      run_at: "03:00",
      next_run_at: null,
      running_since: null,
      last_run: null,
    });
    const r = await put({ enabled: true, job_days: 90, keep_per_template: 20, output_days: 30, run_at: "02:30" });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ enabled: true, job_days: 90, keep_per_template: 20, output_days: 30, run_at: "02:30" });
    expect(r.body.next_run_at).toBeGreaterThan(nowSeconds());
    expect(r.body.next_run_at).toBeLessThanOrEqual(nowSeconds() + DAY);
    // 02:30 in Asia/Shanghai is 18:30 UTC
    expect(new Date(r.body.next_run_at * 1000).toISOString().slice(11, 16)).toBe("18:30");
    expect((await api("GET", "/api/job/settings/retention/")).body).toEqual(r.body);
    const zero = await put({ job_days: 0, output_days: null });
    expect(zero.body).toMatchObject({ enabled: true, job_days: null, output_days: null, keep_per_template: 20, run_at: "02:30" });
    const form = await api("PUT", "/api/job/settings/retention/", { form: { enabled: "false", job_days: "7" } });
    expect(form.body).toMatchObject({ enabled: false, job_days: 7, next_run_at: null });
  });

  it("bad values: a 400 naming each field, nothing changed", async () => {
    const r = await put({ enabled: "maybe", job_days: -1, keep_per_template: "x", output_days: 1.5, run_at: "25:00" });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      enabled: ["必须是有效的布尔值。"],
      job_days: ["请确保该值大于或者等于 0。"],
      keep_per_template: ["请填写合法的整数值。"],
      output_days: ["请填写合法的整数值。"],
      run_at: ["请使用 HH:MM 格式（00:00–23:59）。"],
    });
    expect((await put({ run_at: "7:00" })).body).toEqual({ run_at: ["请使用 HH:MM 格式（00:00–23:59）。"] });
    expect((await api("PUT", "/api/job/settings/retention/", { raw: { contentType: "application/json", body: "[1]" } })).status).toBe(400);
    expect((await api("GET", "/api/job/settings/retention/")).body.job_days).toBeNull();
    expect((await run({ dry_run: "perhaps" })).status).toBe(400);
    expect((await run({ dry_run: true })).body).toEqual({ dry_run: true, jobs: 0, output_jobs: 0, output_lines: 0 });
    const nothing = await run({});
    expect(nothing.status).toBe(400);
    expect(nothing.body).toEqual({ non_field_errors: ["未设置任何保留期限：请先设置作业保留天数或输出保留天数。"] });
  });

  it("only admins change it or run it; everyone signed in reads it", async () => {
    const operator = (await makeUser("ops-ret", "运维", "operator"))!.id;
    const viewer = (await makeUser("view-ret", "只读", "viewer"))!.id;
    await put({ job_days: 30 });
    expect((await put({ job_days: 1 }, operator)).status).toBe(403);
    expect((await api("PATCH", "/api/job/settings/retention/", { json: { job_days: 1 }, as: viewer })).status).toBe(403);
    expect((await run({ dry_run: true }, operator)).status).toBe(403);
    expect((await run({}, viewer)).status).toBe(403);
    const read = await api("GET", "/api/job/settings/retention/", { as: viewer });
    expect(read.status).toBe(200);
    expect(read.body.job_days).toBe(30);
    expect((await api("GET", "/api/job/settings/retention/", { as: null })).status).toBe(401);
    expect((await api("DELETE", "/api/job/settings/retention/")).status).toBe(405);
  });
});

describe("the cleanup", () => {
  /** Three templates' and ad-hoc history; what a 30-day policy keeping 3 per template with 7 days of output does. */
  async function history() {
    const a = (await makeCatalog("a")).template.id;
    const b = (await makeCatalog("b")).template.id;
    const c = (await makeCatalog("c")).template.id;
    const j = {
      aRunning: await job({ template: a, daysAgo: 100, state: "running", lines: 4 }),
      aNew: await job({ template: a, daysAgo: 100, state: "new" }),
      aWaiting: await job({ template: a, daysAgo: 100, state: "waiting" }),
      aOld1: await job({ template: a, daysAgo: 100, lines: 7 }),
      aMid: await job({ template: a, daysAgo: 10, lines: 20, explanation: "主机 web1 的任务 “deploy” 失败" }),
      aMidRunning: await job({ template: a, daysAgo: 10, state: "running", lines: 3 }),
      aOld2: await job({ template: a, daysAgo: 100, lines: 5 }),
      aOld3: await job({ template: a, daysAgo: 100 }),
      aOld4: await job({ template: a, daysAgo: 100 }),
      b1: await job({ template: b, daysAgo: 60 }),
      b2: await job({ template: b, daysAgo: 50 }),
      b3: await job({ template: b, daysAgo: 40 }),
      b4: await job({ template: b, daysAgo: 40 }),
      b5: await job({ template: b, daysAgo: 1, lines: 2 }),
      c1: await job({ template: c, daysAgo: 365 }),
      adhoc1: await job({ daysAgo: 100 }),
      adhoc2: await job({ daysAgo: 100 }),
    };
    await put({ job_days: 30, keep_per_template: 3, output_days: 7 });
    return j;
  }

  it("a dry run's counts are what the run then removes; live jobs, the newest K and recent output survive", async () => {
    const j = await history();
    const dry = await run({ dry_run: true });
    expect(dry.status, dry.text).toBe(200);
    // aOld1, b1, b2 go; aOld2 (kept as one of a's 3 newest) and aMid lose their 5 + 20 lines
    expect(dry.body).toEqual({ dry_run: true, jobs: 3, output_jobs: 2, output_lines: 25 });
    expect((await run({ dry_run: true })).body).toEqual(dry.body);
    const before = await ids();

    const real = await run({});
    expect(real.status, real.text).toBe(200);
    expect(real.body).toEqual({ dry_run: false, jobs: 3, output_jobs: 2, output_lines: 25, errors: [] });
    const after = await ids();
    expect(before.filter((id) => !after.includes(id)).sort((x, y) => x - y)).toEqual([j.aOld1, j.b1, j.b2]);
    for (const live of [j.aRunning, j.aNew, j.aWaiting, j.aMidRunning]) expect(after).toContain(live);

    // output dropped: the job, its host results and its reason stay, marked
    const mid = await api("GET", `/api/job/job/${j.aMid}/`);
    expect(mid.body).toMatchObject({ output_purged: 1, explanation: "主机 web1 的任务 “deploy” 失败", state: "successful" });
    expect(await counts(j.aMid)).toEqual({ lines: 0, events: 0, hosts: 1 });
    const hostsOfMid = await api("GET", `/api/job/job/${j.aMid}/hosts/`);
    expect(hostsOfMid.status).toBe(200);
    expect(JSON.stringify(hostsOfMid.body)).toContain("deploy");
    expect(await counts(j.aOld2)).toEqual({ lines: 0, events: 0, hosts: 1 });
    // live and recent jobs keep theirs; a deleted job's go with it
    expect(await counts(j.aRunning)).toEqual({ lines: 4, events: 2, hosts: 1 });
    expect(await counts(j.aMidRunning)).toEqual({ lines: 3, events: 2, hosts: 1 });
    expect(await counts(j.b5)).toEqual({ lines: 2, events: 2, hosts: 1 });
    expect(await counts(j.aOld1)).toEqual({ lines: 0, events: 0, hosts: 0 });
    expect((await api("GET", `/api/job/job/${j.aRunning}/`)).body.output_purged).toBe(0);

    expect(await rollupDiffs()).toEqual([]);
    const list = await api("GET", "/api/job/job/?limit=1");
    expect(list.body.count).toBe(after.length);

    const settings = await api("GET", "/api/job/settings/retention/");
    expect(settings.body.last_run).toMatchObject({ trigger: "manual", jobs: 3, output_jobs: 2, output_lines: 25, errors: [] });
    expect(settings.body.running_since).toBeNull();
    expect((await run({ dry_run: true })).body).toEqual({ dry_run: true, jobs: 0, output_jobs: 0, output_lines: 0 });
  });

  it("small batches give the same result", async () => {
    await history();
    const dry = (await run({ dry_run: true })).body;
    const { runRetentionNow } = await import("@/core/retention/run-retention");
    const result = await runRetentionNow((await ctx()).db, { batch: 1 });
    expect({ jobs: result.jobs_deleted, output_jobs: result.output_jobs, output_lines: result.output_lines }).toEqual({
      jobs: dry.jobs,
      output_jobs: dry.output_jobs,
      output_lines: dry.output_lines,
    });
    expect(await rollupDiffs()).toEqual([]);
  });

  it("without keep-last-K every old ended job goes; without an output age no output is dropped", async () => {
    const j = await history();
    await put({ keep_per_template: 0, output_days: 0 });
    const dry = (await run({ dry_run: true })).body;
    expect(dry).toEqual({ dry_run: true, jobs: 11, output_jobs: 0, output_lines: 0 });
    expect((await run({})).body.jobs).toBe(11);
    expect(await ids()).toEqual([j.aRunning, j.aNew, j.aWaiting, j.aMid, j.aMidRunning, j.b5].sort((x, y) => x - y));
    expect(await rollupDiffs()).toEqual([]);
  });

  it("a run while another runs is a 409", async () => {
    await history();
    const { db } = await ctx();
    await db.update(retentionSettings).set({ runningSince: nowSeconds() });
    const r = await run({});
    expect(r.status).toBe(409);
    expect(r.body).toEqual({ detail: "保留策略清理正在进行，请稍后再试。" });
    expect((await run({ dry_run: true })).status).toBe(200);
    // a claim whose heartbeat stopped 10 minutes ago belongs to a dead process
    await db.update(retentionSettings).set({ runningSince: nowSeconds() - 601 });
    expect((await run({})).status).toBe(200);
  });

  it("the daily run: due once at the set time, exactly once across processes at the same tick", async () => {
    await history();
    await put({ enabled: true, run_at: "04:00" });
    const { db } = await ctx();
    const [s] = await db.select().from(retentionSettings);
    const due = s!.nextRunAt!;
    expect(await runDueRetention(db, due - 1)).toBeUndefined();
    const ticks = await Promise.all([runDueRetention(db, due + 5), runDueRetention(db, due + 5), runDueRetention(db, due + 6)]);
    const ran = ticks.filter((t) => t !== undefined);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ trigger: "schedule", jobs_deleted: 3, output_jobs: 2, output_lines: 25 });
    const [after] = await db.select().from(retentionSettings);
    expect(after!.nextRunAt).toBe(due + DAY);
    expect(after!.runningSince).toBeNull();
    expect(await runDueRetention(db, due + 60)).toBeUndefined();
    await put({ enabled: false });
    expect(await runDueRetention(db, due + 2 * DAY)).toBeUndefined();
  });
});

describe("bulk delete by filter", () => {
  it("deletes every match (not a page), skips live jobs, counts first with dry_run", async () => {
    const a = (await makeCatalog("a")).template.id;
    const b = (await makeCatalog("b")).template.id;
    const ended: number[] = [];
    for (let i = 0; i < 25; i++) ended.push(await job({ template: a, daysAgo: 1, lines: i % 5 === 0 ? 3 : 0 }));
    const live = [await job({ template: a, daysAgo: 1, state: "running" }), await job({ template: a, daysAgo: 1, state: "new" })];
    const other = await job({ template: b, daysAgo: 1 });

    const dry = await api("DELETE", `/api/job/job/?template=${a}&all=1&dry_run=1&limit=10`);
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body).toEqual({ dry_run: true, count: 25, live: 2 });
    expect(await ids()).toHaveLength(28);

    const r = await api("DELETE", `/api/job/job/?template=${a}&all=1&limit=10`);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ dry_run: false, deleted: 25, live: 2 });
    expect(await ids()).toEqual([...live, other]);
    const { db } = await ctx();
    expect(await db.select().from(jobOutputLines).where(inArray(jobOutputLines.jobId, ended))).toEqual([]);
    expect(await rollupDiffs()).toEqual([]);
  });

  it("filters and search as the list reads them; a bad filter or flag is a 400", async () => {
    const a = (await makeCatalog("a")).template.id;
    const failed = await api("POST", "/api/job/job/", { json: importBody({ template: a, state: "failed" }) });
    const ok = await api("POST", "/api/job/job/", { json: importBody({ template: a }) });
    const r = await api("DELETE", "/api/job/job/?state=failed&all=1");
    expect(r.body).toEqual({ dry_run: false, deleted: 1, live: 0 });
    expect(await ids()).toEqual([ok.body.id]);
    void failed;
    expect((await api("DELETE", "/api/job/job/?state=bogus&all=1")).status).toBe(400);
    const bad = await api("DELETE", "/api/job/job/?all=yes");
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ all: ["“yes” 不是合法选项。"] });
    expect(await ids()).toEqual([ok.body.id]);
    // without all=1 the seed's body of ids is still required
    expect((await api("DELETE", "/api/job/job/?all=0")).status).toBe(400);
  });

  it("viewers may not", async () => {
    const viewer = (await makeUser("view-bulk", "只读", "viewer"))!.id;
    expect((await api("DELETE", "/api/job/job/?all=1", { as: viewer })).status).toBe(403);
  });
});
