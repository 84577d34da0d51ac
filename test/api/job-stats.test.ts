import { eq, inArray, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { jobHostSummaries, jobs } from "@/db/schema";
import type { JobStats, StatsFigures } from "@/lib/contracts/stats";
import { bucketFloor, bucketOf, WIDE_EDGES } from "@/lib/jobs/duration-buckets";
import { dateOfDay, dayNumber } from "@/lib/jobs/stats-days";
import { nowSeconds } from "@/lib/time";
import { getJobStats } from "@/server/stats/get-job-stats";
import { readStatsQuery } from "@/server/stats/read-stats-query";
import { api, ctx, resetDb } from "../api";
import { makeUser } from "../fixtures";

const DAY = 86_400;
const FINAL = ["successful", "failed", "error", "canceled"];

type Row = typeof jobs.$inferSelect;

/** A deterministic spread of jobs over the last 12 days: states, templates, inventories, projects, durations up to ~3 h. */
function spread(now: number, count: number, cuserId: number) {
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const states = ["successful", "successful", "successful", "failed", "error", "canceled", "running", "new"];
  return Array.from({ length: count }, () => {
    const state = states[rand(states.length)]!;
    const finish = now - rand(12 * DAY);
    const duration = rand(4) === 0 ? rand(10_000) : rand(150);
    const template = rand(4);
    const ended = FINAL.includes(state);
    return {
      cuserId,
      templateId: template === 0 ? null : template,
      templateName: template === 0 ? null : `t${template}`,
      inventoryId: 1 + rand(3),
      projectId: 1 + rand(2),
      kind: template === 0 ? "adhoc" : "job",
      state,
      ctime: finish - duration - 5,
      startTime: state === "new" ? null : finish - duration,
      finishTime: ended ? finish : null,
    };
  });
}

/** The figures computed here from the rows themselves: counts by state, nearest-rank percentiles of successful durations. */
function expected(rows: Row[], fromDay: number, toDay: number, zone: string): { total: StatsFigures; series: Map<string, StatsFigures> } {
  const dayOf = (r: Row) => dayNumber(r.finishTime ?? r.startTime ?? r.ctime, zone);
  const figures = (subset: Row[]): StatsFigures => {
    const n = (s: string) => subset.filter((r) => r.state === s).length;
    const durations = subset
      .filter((r) => r.state === "successful" && r.startTime !== null && r.finishTime !== null)
      .map((r) => r.finishTime! - r.startTime!)
      .sort((a, b) => a - b);
    const pct = (p: number) => (durations.length ? bucketFloor(bucketOf(durations[Math.ceil(p * durations.length) - 1]!)) : null);
    const judged = n("successful") + n("failed") + n("error");
    return {
      jobs: subset.length,
      successful: n("successful"),
      failed: n("failed"),
      error: n("error"),
      canceled: n("canceled"),
      success_rate: judged ? n("successful") / judged : null,
      duration_p50: pct(0.5),
      duration_p95: pct(0.95),
    };
  };
  const inSpan = rows.filter((r) => FINAL.includes(r.state) && dayOf(r) >= fromDay && dayOf(r) <= toDay);
  const series = new Map<string, StatsFigures>();
  for (let d = fromDay; d <= toDay; d++) series.set(dateOfDay(d), figures(inSpan.filter((r) => dayOf(r) === d)));
  return { total: figures(inSpan), series };
}

async function allJobs(where?: ReturnType<typeof eq>): Promise<Row[]> {
  const { db } = await ctx();
  return db.select().from(jobs).where(where);
}

function expectFigures(stats: JobStats, want: ReturnType<typeof expected>) {
  expect(stats.total).toEqual(want.total);
  expect(stats.series.map(({ date, ...f }) => [date, f])).toEqual([...want.series.entries()]);
}

beforeEach(resetDb);

describe("GET /api/job/stats/", () => {
  it("equals the sums and percentiles computed from the jobs, from the kept roll-ups and from the jobs alike", async () => {
    const { db } = await ctx();
    const now = nowSeconds();
    const user = await makeUser("stats-u", "统计");
    // one statement of many rows, and single rows: the triggers group either
    await db.insert(jobs).values(spread(now, 400, user!.id));
    for (const row of spread(now - 3 * DAY, 20, user!.id)) await db.insert(jobs).values(row);
    const rows = await allJobs();
    const zone = "Asia/Shanghai";
    const today = dayNumber(now, zone);

    const r = await api("GET", "/api/job/stats/?days=7");
    expect(r.status).toBe(200);
    const stats = r.body as JobStats;
    expect(Object.keys(stats)).toEqual(["days", "timezone", "from", "to", "total", "series", "failing_templates", "failing_hosts"]);
    expect(stats).toMatchObject({ days: 7, timezone: zone, from: dateOfDay(today - 6), to: dateOfDay(today) });
    expect(stats.series).toHaveLength(7);
    expect(stats.total.jobs).toBeGreaterThan(100);
    expect(stats.total.duration_p95).toBeGreaterThan(stats.total.duration_p50!);
    expectFigures(stats, expected(rows, today - 6, today, zone));

    for (const [query, keep] of [
      ["template=2", (x: Row) => x.templateId === 2],
      ["inventory=3&project=1", (x: Row) => x.inventoryId === 3 && x.projectId === 1],
      ["template=1&inventory=2", (x: Row) => x.templateId === 1 && x.inventoryId === 2],
      ["kind=adhoc", (x: Row) => x.kind === "adhoc"],
    ] as const) {
      const url = `/api/job/stats/?days=10&${query}`;
      const got = (await api("GET", url)).body as JobStats;
      expectFigures(got, expected(rows.filter(keep), today - 9, today, zone));
      // counted from the jobs themselves: the same answer
      expect(await getJobStats(db, new URL(`http://x${url}`), { now, kept: false })).toEqual(got);
    }
  });

  it("counts in the zone asked for, from the jobs", async () => {
    const { db } = await ctx();
    const now = nowSeconds();
    const user = await makeUser("stats-z", "统计");
    await db.insert(jobs).values(spread(now, 200, user!.id));
    const rows = await allJobs();
    for (const zone of ["UTC", "America/New_York"]) {
      const stats = (await api("GET", `/api/job/stats/?days=5&timezone=${zone}`)).body as JobStats;
      const today = dayNumber(now, zone);
      expect(stats).toMatchObject({ timezone: zone, to: dateOfDay(today) });
      expectFigures(stats, expected(rows, today - 4, today, zone));
    }
    // a zone on UTC+8 all year has the kept zone's days: the roll-ups answer, with the same figures
    const url = new URL("http://x/api/job/stats/?days=5&timezone=Asia/Singapore");
    expect(readStatsQuery(url, now).statsWhere).not.toBeNull();
    expect(readStatsQuery(new URL("http://x/api/job/stats/?days=5&timezone=UTC"), now).statsWhere).toBeNull();
    const singapore = (await api("GET", url.pathname + url.search)).body as JobStats;
    expectFigures(singapore, expected(rows, dayNumber(now, "Asia/Singapore") - 4, dayNumber(now, "Asia/Singapore"), "Asia/Singapore"));
    expect(await getJobStats(db, url, { now, kept: false })).toEqual(await getJobStats(db, url, { now }));
  });

  it("follows jobs as they end, change and are deleted", async () => {
    const { db } = await ctx();
    const now = nowSeconds();
    const user = await makeUser("stats-f", "统计");
    const [running] = await db
      .insert(jobs)
      .values({ cuserId: user!.id, templateId: 5, state: "running", ctime: now - 100, startTime: now - 90 })
      .returning();
    const total = async () => ((await api("GET", "/api/job/stats/?days=1&template=5")).body as JobStats).total;
    expect((await total()).jobs).toBe(0);
    // heartbeats of a running job change nothing
    await db.update(jobs).set({ progressAt: now }).where(eq(jobs.id, running!.id));
    expect((await total()).jobs).toBe(0);
    await db
      .update(jobs)
      .set({ state: "successful", finishTime: now - 30 })
      .where(eq(jobs.id, running!.id));
    expect(await total()).toMatchObject({ jobs: 1, successful: 1, success_rate: 1, duration_p50: 60, duration_p95: 60 });
    await db.update(jobs).set({ state: "failed" }).where(eq(jobs.id, running!.id));
    expect(await total()).toMatchObject({ jobs: 1, successful: 0, failed: 1, success_rate: 0, duration_p50: null });
    await db.update(jobs).set({ templateId: 6 }).where(eq(jobs.id, running!.id));
    expect((await total()).jobs).toBe(0);
    await db.delete(jobs).where(inArray(jobs.id, [running!.id]));
    const kept = rowsOf<{ n: string }>(await db.execute(sql`select coalesce(sum(n), 0) as n from job_stats_daily`));
    expect(Number(kept[0]!.n)).toBe(0);
  });

  it("names the templates and hosts that fail most, among the filtered jobs", async () => {
    const { db } = await ctx();
    const now = nowSeconds();
    const user = await makeUser("stats-h", "统计");
    const job = async (templateId: number, state: string, results: Record<string, { failures?: number; unreachable?: number; ok?: number }>) => {
      const [j] = await db
        .insert(jobs)
        .values({ cuserId: user!.id, templateId, templateName: `模板${templateId}`, state, ctime: now - 60, startTime: now - 50, finishTime: now - 10 })
        .returning();
      for (const [host, c] of Object.entries(results)) await db.insert(jobHostSummaries).values({ jobId: j!.id, host, ...c, seenAt: now - 10 });
      return j!.id;
    };
    await job(1, "failed", { web1: { failures: 1 }, web2: { ok: 1 } });
    await job(1, "error", { web1: { unreachable: 1 } });
    await job(2, "failed", { db1: { failures: 1 }, web1: { failures: 1 } });
    await job(2, "successful", { db1: { ok: 1 } });
    const old = await job(3, "failed", { old1: { failures: 1 } });
    await db
      .update(jobs)
      .set({ finishTime: now - 30 * DAY })
      .where(eq(jobs.id, old));
    await db
      .update(jobHostSummaries)
      .set({ seenAt: now - 30 * DAY })
      .where(eq(jobHostSummaries.jobId, old));

    const stats = (await api("GET", "/api/job/stats/?days=7")).body as JobStats;
    expect(stats.failing_templates).toEqual([
      { template: 1, template_name: "模板1", failed: 1, error: 1, jobs: 2 },
      { template: 2, template_name: "模板2", failed: 1, error: 0, jobs: 2 },
    ]);
    expect(stats.failing_hosts).toEqual([
      { host: "web1", failed: 2, unreachable: 1 },
      { host: "db1", failed: 1, unreachable: 0 },
    ]);
    const filtered = (await api("GET", "/api/job/stats/?days=7&template=2")).body as JobStats;
    expect(filtered.failing_hosts).toEqual([
      { host: "db1", failed: 1, unreachable: 0 },
      { host: "web1", failed: 1, unreachable: 0 },
    ]);
    const onHost = (await api("GET", "/api/job/stats/?days=7&host=db1")).body as JobStats;
    expect(onHost.total).toMatchObject({ jobs: 2, successful: 1, failed: 1 });
    // the kept roll-ups and the results themselves agree, with and without a filter and in another zone
    for (const q of ["days=7", "days=7&template=1", "days=7&template=2&inventory=0", "days=30"]) {
      const url = new URL(`http://x/api/job/stats/?${q}`);
      expect(await getJobStats(db, url, { now, kept: false })).toEqual(await getJobStats(db, url, { now }));
    }
    expect(((await api("GET", "/api/job/stats/?days=7&timezone=UTC")).body as JobStats).failing_hosts).toEqual(stats.failing_hosts);
    // a deleted job takes its hosts' failures with it
    const removed = await api("DELETE", `/api/job/job/${old}/`);
    expect(removed.status).toBe(204);
    expect(((await api("GET", "/api/job/stats/?days=60")).body as JobStats).failing_hosts.map((h) => h.host)).not.toContain("old1");
    // a result rewritten as ok leaves the failing hosts
    await db.update(jobHostSummaries).set({ failures: 0, ok: 1 }).where(eq(jobHostSummaries.host, "db1"));
    expect(((await api("GET", "/api/job/stats/?days=7")).body as JobStats).failing_hosts.map((h) => h.host)).toEqual(["web1"]);
  });

  it("refuses bad parameters with a 400 naming each, and changes nothing", async () => {
    const r = await api("GET", "/api/job/stats/?days=0&timezone=Mars/Olympus&template=abc");
    expect(r.status).toBe(400);
    expect(Object.keys(r.body).sort()).toEqual(["days", "timezone"]);
    expect((await api("GET", "/api/job/stats/?days=367")).status).toBe(400);
    expect((await api("GET", "/api/job/stats/?days=7.5")).status).toBe(400);
    const filter = await api("GET", "/api/job/stats/?template=abc");
    expect(filter.status).toBe(400);
    expect(Object.keys(filter.body)).toEqual(["template"]);
    expect((await api("POST", "/api/job/stats/", { json: {} })).status).toBe(405);
  });

  it("the database's duration buckets are the module's", async () => {
    const { db } = await ctx();
    const samples = [0, 1, 59, 119, 120, 121, 125, 126, 500, 3599, 3600, 86_399, 10 ** 6, 8_640_000, 10 ** 9];
    for (const e of WIDE_EDGES.slice(0, 400)) samples.push(e - 1, e, e + 1);
    const got = rowsOf<{ s: string; b: number }>(
      await db.execute(sql`select s::text as s, job_duration_bucket(s) as b from unnest(${`{${samples.join(",")}}`}::bigint[]) s`),
    );
    expect(got.map((r) => [Number(r.s), Number(r.b)])).toEqual(samples.map((s) => [s, bucketOf(s)]));
  });
});
