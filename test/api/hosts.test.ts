import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { hosts, jobEvents, jobHostSummaries } from "@/db/schema";
import { api, ctx, resetDb } from "../api";
import { importBody } from "../fixtures";

type Counts = Partial<Record<"ok" | "changed" | "failures" | "unreachable" | "skipped", number>>;

/** An imported job (the history of a run elsewhere) and its per-host results, as the executor writes them. */
async function jobOn(results: Record<string, Counts & { task?: string }>, extra: Record<string, unknown> = {}): Promise<number> {
  const r = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping", ...extra }) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const { db } = await ctx();
  for (const [host, { task, ...c }] of Object.entries(results))
    await db.insert(jobHostSummaries).values({ jobId: r.body.id, host, ...c, firstFailedTask: task ?? "", seenAt: 1000 + r.body.id });
  return r.body.id;
}

const hostByName = async (name: string) => (await api("GET", `/api/job/host/?name=${name}`)).body.results[0];
const ids = (r: { body: { results: { id: number }[] } }) => r.body.results.map((j) => j.id);

beforeEach(resetDb);

describe("?host= on the history", () => {
  it("finds the jobs that reached a host, with the exact count, combined with the other filters", async () => {
    const a = await jobOn({ "web-1": { ok: 2 }, "web-2": { ok: 1 } }, { state: "successful" });
    const b = await jobOn({ "web-1": { failures: 1 } }, { state: "failed" });
    await jobOn({ "db-1": { ok: 1 } });
    const c = await jobOn({ "web-1": { unreachable: 1 } }, { state: "failed" });
    const r = await api("GET", "/api/job/job/?host=web-1&limit=2");
    expect(r.status).toBe(200);
    expect(r.body.count).toBe(3);
    expect(ids(r)).toEqual([c, b]);
    expect(r.body.next).toContain("host=web-1");
    // the count is a count(*) over the per-host results
    const [{ n } = { n: -1 }] = await (await ctx()).db.select({ n: count() }).from(jobHostSummaries).where(eq(jobHostSummaries.host, "web-1"));
    expect(r.body.count).toBe(n);
    expect(ids(await api("GET", "/api/job/job/?host=web-1&state=failed"))).toEqual([c, b]);
    expect(ids(await api("GET", "/api/job/job/?host=web-2&state=failed"))).toEqual([]);
    expect(ids(await api("GET", "/api/job/job/?host=web-1&ordering=id"))).toEqual([a, b, c]);
    // a name is exact: no prefix match, and an empty value is no filter
    expect((await api("GET", "/api/job/job/?host=web")).body.count).toBe(0);
    expect((await api("GET", "/api/job/job/?host=")).body.count).toBe(4);
  });

  it("a search word that is exactly a host's name finds that host's jobs", async () => {
    const a = await jobOn({ "db-7.example.com": { ok: 1 } });
    await jobOn({ "web-1": { ok: 1 } });
    expect(ids(await api("GET", "/api/job/job/?search=db-7.example.com"))).toEqual([a]);
    expect((await api("GET", "/api/job/job/?search=db-7")).body.count).toBe(0);
  });
});

describe("GET /api/job/host/", () => {
  it("lists each host once: its number of jobs, newest job, and its own status there", async () => {
    await jobOn({ "web-1": { ok: 2, changed: 1 }, "web-2": { ok: 1 } });
    const second = await jobOn({ "web-1": { ok: 1, failures: 1, task: "install" }, "web-3": { skipped: 2 } });
    const r = await api("GET", "/api/job/host/?ordering=name");
    expect(r.status).toBe(200);
    expect(r.body.count).toBe(3);
    const [web1, web2, web3] = r.body.results;
    expect(Object.keys(web1)).toEqual(["id", "name", "jobs", "last_job", "last_status", "last_seen"]);
    expect(web1).toMatchObject({ name: "web-1", jobs: 2, last_job: second, last_status: "failed", last_seen: 1000 + second });
    expect(web2).toMatchObject({ name: "web-2", jobs: 1, last_status: "ok" });
    expect(web3).toMatchObject({ name: "web-3", jobs: 1, last_status: "skipped" });
    const failing = await api("GET", "/api/job/host/?last_status__in=failed,unreachable");
    expect(failing.body.results.map((h: { name: string }) => h.name)).toEqual(["web-1"]);
    expect((await api("GET", "/api/job/host/?search=web&ordering=-jobs,name")).body.results.map((h: { name: string }) => h.name)).toEqual([
      "web-1",
      "web-2",
      "web-3",
    ]);
    const bad = await api("GET", "/api/job/host/?last_status=broken&last_seen__gte=soon");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body)).toEqual(["last_status", "last_seen__gte"]);
    expect((await api("POST", "/api/job/host/", { json: { name: "x" } })).status).toBe(405);
  });

  it("follows the newest job's result as it is written, and deleting jobs hands 'last' back or removes the host", async () => {
    const older = await jobOn({ "web-1": { ok: 1 } });
    const newer = await jobOn({ "web-1": { ok: 1 } });
    const { db } = await ctx();
    await db.update(jobHostSummaries).set({ unreachable: 1 }).where(eq(jobHostSummaries.jobId, newer));
    expect(await hostByName("web-1")).toMatchObject({ jobs: 2, last_job: newer, last_status: "unreachable" });
    // a write to an older job's result leaves "last" alone
    await db.update(jobHostSummaries).set({ failures: 3 }).where(eq(jobHostSummaries.jobId, older));
    expect(await hostByName("web-1")).toMatchObject({ last_job: newer, last_status: "unreachable" });
    expect((await api("DELETE", `/api/job/job/${newer}/`)).status).toBe(204);
    expect(await hostByName("web-1")).toMatchObject({ jobs: 1, last_job: older, last_status: "failed", last_seen: 1000 + older });
    expect((await api("DELETE", "/api/job/job/", { json: { pk: [older] } })).status).toBe(204);
    expect((await api("GET", "/api/job/host/")).body.count).toBe(0);
    expect(await db.select().from(hosts)).toEqual([]);
  });
});

describe("GET /api/job/host/<id>/results/", () => {
  it("is the host's timeline: each job with the host's own result and the tasks that changed or failed on it", async () => {
    const first = await jobOn({ "web-1": { ok: 3, changed: 1 }, "web-2": { ok: 3 } }, { kind: "job", module: "", template_name: null });
    const second = await jobOn({ "web-1": { ok: 1, failures: 1, task: "restart nginx" } });
    const { db } = await ctx();
    const event = (jobId: number, seq: number, host: string, task: string, e: string, flags: { changed?: boolean; failed?: boolean }) =>
      db.insert(jobEvents).values({ jobId, seq, event: e, host, task, lineNo: seq, created: 1, changed: false, failed: false, ...flags });
    await event(first, 1, "web-1", "copy config", "runner_on_ok", { changed: true });
    await event(first, 2, "web-2", "copy config", "runner_on_ok", { changed: true });
    await event(first, 3, "web-1", "check", "runner_on_ok", {});
    await event(second, 1, "web-1", "restart nginx", "runner_on_failed", { failed: true });
    await event(second, 2, "web-1", "ignored", "runner_on_failed", {});
    const host = await hostByName("web-1");
    const r = await api("GET", `/api/job/host/${host.id}/results/`);
    expect(r.status).toBe(200);
    expect(r.body.count).toBe(2);
    expect(r.body.results).toMatchObject([
      { job: second, status: "failed", failures: 1, first_failed_task: "restart nginx", failed_tasks: ["restart nginx"], changed_tasks: [] },
      { job: first, status: "changed", changed: 1, first_failed_task: "", failed_tasks: [], changed_tasks: ["copy config"] },
    ]);
    expect((await api("GET", `/api/job/host/${host.id}/results/?limit=1&offset=1`)).body.results.map((x: { job: number }) => x.job)).toEqual([first]);
    expect((await api("GET", `/api/job/host/${host.id}/`)).body).toMatchObject({ name: "web-1", jobs: 2 });
    expect((await api("GET", "/api/job/host/999999/results/")).status).toBe(404);
    expect((await api("GET", "/api/job/host/abc/")).status).toBe(404);
  });
});

describe("GET /api/job/job/<id>/hosts/", () => {
  it("adds each host's status and first failed task to the summary", async () => {
    const job = await jobOn({ "web-1": { ok: 1, failures: 1, task: "install" }, "web-2": { ok: 2 } });
    const r = await api("GET", `/api/job/job/${job}/hosts/`);
    expect(r.body.results).toMatchObject([
      { host: "web-1", failed: true, status: "failed", first_failed_task: "install" },
      { host: "web-2", failed: false, status: "ok", first_failed_task: "" },
    ]);
  });
});
