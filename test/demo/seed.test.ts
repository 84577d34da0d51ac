import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { stripAnsi } from "@/lib/ansi/strip-ansi";
import { failureHost } from "@/lib/jobs/failure-lines";
import { JOB_KINDS, JOB_STATES } from "@/lib/jobs/enums";
import { seedDemoData } from "@/server/demo/seed-demo-data";
import { demoLoginsFile } from "@/server/demo/seed-demo-logins";
import { seedJobs } from "@/server/demo/seed-jobs";
import { api, ctx, resetDb } from "../api";

const KEY = "template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type";

async function query<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await (await ctx()).db.execute(q));
}

/** job_counts as the triggers keep it, next to the same grouping computed from jobs. */
async function countsFromTriggersAndFromJobs() {
  const kept = await query<Record<string, unknown>>(
    sql.raw(`
    select ${KEY}, n::int as n from job_counts where n <> 0 order by ${KEY}`),
  );
  const actual = await query<Record<string, unknown>>(
    sql.raw(`
    select coalesce(template_id, 0) template_id, coalesce(inventory_id, 0) inventory_id,
      coalesce(credential_id, 0) credential_id, coalesce(schedule_id, 0) schedule_id,
      coalesce(project_id, 0) project_id, state, kind, job_type, count(*)::int as n
    from jobs group by 1, 2, 3, 4, 5, 6, 7, 8 order by ${KEY}`),
  );
  return { kept, actual };
}

async function directCount(where: string): Promise<number> {
  const [r] = await query<{ n: number | string }>(sql.raw(`select count(*) as n from jobs where ${where}`));
  return Number(r!.n);
}

describe("demo data", () => {
  beforeAll(async () => {
    await resetDb();
    const { db, config, adminUserId } = await ctx();
    await seedDemoData(db, { config, adminUserId });
  });

  it("fills a few hundred jobs of the last 30 days in every state and kind", async () => {
    const all = await api("GET", "/api/job/job/?limit=1000");
    expect(all.status).toBe(200);
    expect(all.body.count).toBeGreaterThanOrEqual(200);
    expect(all.body.count).toBeLessThanOrEqual(500);
    expect(all.body.results).toHaveLength(all.body.count);
    // pending, waiting and running are the executor's: the demo launches its newest jobs instead
    for (const state of JOB_STATES.filter((st) => st !== "pending" && st !== "waiting" && st !== "running")) {
      const r = await api("GET", `/api/job/job/?state=${state}&limit=1`);
      expect(r.body.count, state).toBeGreaterThan(0);
    }
    // the newest four of the spread, then the two daily checks (real output with a failure and an unreachable host)
    const newest = (await api("GET", "/api/job/job/?limit=6")).body.results;
    expect(newest.map((j: { state: string }) => j.state)).toEqual(["new", "new", "new", "new", "new", "new"]);
    expect(newest.slice(0, 2).map((j: { template_name: string }) => j.template_name)).toEqual(["灾备巡检", "每日巡检"]);
    expect((await api("GET", "/api/job/job/?state__in=waiting,running")).body.count).toBe(0);
    for (const kind of JOB_KINDS) {
      const r = await api("GET", `/api/job/job/?kind=${kind}&limit=1`);
      expect(r.body.count, kind).toBeGreaterThan(0);
    }
    const now = Date.now() / 1000;
    for (const j of all.body.results) {
      expect(j.ctime).toBeGreaterThanOrEqual(now - 31 * 86400);
      expect(j.ctime).toBeLessThanOrEqual(now + 60);
      if (j.start_time !== null && j.finish_time !== null) expect(j.finish_time).toBeGreaterThanOrEqual(j.start_time);
    }
    // ids increase with ctime: the default -id order is newest first
    const ctimes = all.body.results.map((j: { ctime: number }) => j.ctime);
    expect(ctimes).toEqual([...ctimes].sort((a: number, b: number) => b - a));
  });

  it("snapshots the names of what each job referenced, and shapes jobs by kind", async () => {
    const { body } = await api("GET", "/api/job/job/?limit=1000");
    const jobs = body.results;
    for (const j of jobs.filter((j: { kind: string }) => j.kind === "job")) {
      expect(j.template).not.toBeNull();
      expect(j.template_name).toEqual(expect.any(String));
      expect(j.project_name).toEqual(expect.any(String));
      expect(j.inventory_name).toEqual(expect.any(String));
      expect(j.credential_name).toEqual(expect.any(String));
      expect(j.playbook).toMatch(/\.yml$/);
      expect(j.module).toBe("");
      expect(j.kind_name).toBe("自动化作业");
    }
    for (const j of jobs.filter((j: { kind: string }) => j.kind === "adhoc")) {
      expect(j.template).toBeNull();
      expect(j.template_name).toBeNull();
      expect(j.module).toMatch(/^[a-z_.]+$/);
      expect(j.credential_name).toEqual(expect.any(String));
      expect(j.inventory !== null || j.inventory_str !== "").toBe(true);
      if (j.inventory !== null) expect(j.inventory_name).toEqual(expect.any(String));
    }
    for (const j of jobs) expect(j.user).not.toBe("");
    expect(jobs.some((j: { schedule: number | null; schedule_name: string | null }) => j.schedule !== null && j.schedule_name)).toBe(true);
    expect(jobs.some((j: { job: number | null }) => j.job !== null)).toBe(true);
    // a re-run points to an earlier job and repeats what it ran
    const byId = new Map(jobs.map((j: { id: number }) => [j.id, j]));
    for (const j of jobs.filter((j: { job: number | null }) => j.job !== null)) {
      const parent = byId.get(j.job) as typeof j;
      expect(j.job).toBeLessThan(j.id);
      expect([parent.kind, parent.template, parent.module]).toEqual([j.kind, j.template, j.module]);
    }
  });

  it("gives every ended job output; its recap agrees with its state and host results, and a failed one says where it failed", async () => {
    type Job = { id: number; kind: string; state: string; explanation: string; finish_time: number };
    const ended = await query<Job>(
      sql`select id, kind, state, explanation, finish_time from jobs where state in ('successful', 'failed', 'canceled', 'error') order by id`,
    );
    expect(ended.length).toBeGreaterThan(250);
    const lines = await query<{ job_id: number; line_no: number; text: string }>(
      sql`select job_id, line_no, text from job_output_lines where job_id in (select id from jobs where state in ('successful', 'failed', 'canceled', 'error')) order by job_id, line_no`,
    );
    const hosts = await query<{
      job_id: number;
      host: string;
      ok: number;
      changed: number;
      unreachable: number;
      failures: number;
      skipped: number;
      status: string;
      first_failed_task: string;
      first_failed_message: string;
      seen_at: number | string;
    }>(
      sql`select job_id, host, ok, changed, unreachable, failures, skipped, status, first_failed_task, first_failed_message, seen_at from job_host_summaries order by job_id, host`,
    );
    const linesOf = new Map<number, string[]>();
    for (const l of lines) linesOf.set(l.job_id, [...(linesOf.get(l.job_id) ?? []), stripAnsi(l.text)]);
    const hostsOf = new Map<number, typeof hosts>();
    for (const h of hosts) hostsOf.set(h.job_id, [...(hostsOf.get(h.job_id) ?? []), h]);
    let unreachable = 0;
    for (const job of ended) {
      const out = linesOf.get(job.id) ?? [];
      const results = hostsOf.get(job.id) ?? [];
      expect(out.length, `job ${job.id} has output`).toBeGreaterThan(0);
      if (job.state === "error") {
        expect(out[0], `job ${job.id}`).toMatch(/^ERROR! /);
        expect(results).toEqual([]);
        continue;
      }
      if (job.state === "canceled") {
        expect(out.at(-1)).toMatch(/^作业已被取消。已由 /);
        expect(out.some((l) => l.startsWith("PLAY RECAP"))).toBe(false);
        continue;
      }
      expect(results.length, `job ${job.id} has host results`).toBeGreaterThan(0);
      for (const h of results) expect(Number(h.seen_at), `job ${job.id}: seen when it ran`).toBe(Number(job.finish_time));
      if (job.kind === "job") {
        // the recap says what the host results say
        const recap = out.slice(out.findIndex((l) => l.startsWith("PLAY RECAP")) + 1).filter((l) => l.includes(": ok="));
        const parsed = recap.map((l) => {
          const m = /^(\S+)\s+: ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)\s+skipped=(\d+)/.exec(l)!;
          return { host: m[1], ok: +m[2]!, changed: +m[3]!, unreachable: +m[4]!, failures: +m[5]!, skipped: +m[6]! };
        });
        expect(parsed, `job ${job.id}'s recap`).toEqual(
          results.map(({ host, ok, changed, unreachable, failures, skipped }) => ({ host, ok, changed, unreachable, failures, skipped })),
        );
      }
      const bad = results.filter((h) => h.status === "failed" || h.status === "unreachable");
      if (job.state === "successful") {
        expect(bad, `job ${job.id}`).toEqual([]);
        expect(job.explanation).toBe("");
        continue;
      }
      // failed: a host failed in a task, or was unreachable, with a message; the job says which
      expect(bad.length, `job ${job.id} has a failed host`).toBeGreaterThan(0);
      for (const h of bad) {
        expect(h.first_failed_task, `job ${job.id} ${h.host}`).not.toBe("");
        expect(h.first_failed_message, `job ${job.id} ${h.host}`).not.toBe("");
      }
      unreachable += bad.filter((h) => h.status === "unreachable").length;
      expect(job.explanation).toMatch(new RegExp(`^主机 (${bad.map((h) => h.host).join("|")}) `));
      expect(out.at(-1)).toBe(job.explanation);
      if (job.kind === "job") expect(out.map(failureHost).filter(Boolean).sort(), `job ${job.id}'s failure lines`).toEqual(bad.map((h) => h.host).sort());
    }
    expect(unreachable).toBeGreaterThan(0);

    // what the job page reads: its failure summary's hosts, the task a re-run resumes at, a host's jobs
    const failed = ended.filter((j) => j.state === "failed" && j.kind === "job");
    expect(failed.length).toBeGreaterThan(10);
    for (const job of failed.slice(0, 5)) {
      const r = await api("GET", `/api/job/job/${job.id}/hosts/?status=failed`);
      expect(r.status).toBe(200);
      const relaunch = await api("GET", `/api/job/job/${job.id}/relaunch/`);
      expect(relaunch.body.failed_hosts).toEqual((hostsOf.get(job.id) ?? []).filter((h) => h.failures || h.unreachable).map((h) => h.host));
      expect(relaunch.body.failed_task?.name ?? relaunch.body.failed_task_error).toEqual(expect.any(String));
    }
    const [busiest] = await query<{ host: string; n: number }>(
      sql`select host, count(*)::int n from job_host_summaries group by host order by n desc, host limit 1`,
    );
    const host = await api("GET", `/api/job/host/?name=${encodeURIComponent(busiest!.host)}`);
    expect(host.body.results[0]).toMatchObject({ name: busiest!.host, jobs: busiest!.n });
  });

  it("has a user of each role, and an operator and a viewer who can log in with the password written for them", async () => {
    const { config } = await ctx();
    const roles = await query<{ role: string }>(sql`select distinct role from users order by role`);
    expect(roles.map((r) => r.role)).toEqual(["admin", "operator", "viewer"]);
    const file = demoLoginsFile(config);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const logins = fs
      .readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => l.split(" "));
    expect(logins.map(([user, role]) => [user, role]).sort()).toEqual([
      ["wangfang", "viewer"],
      ["zhangwei", "operator"],
    ]);
    for (const [username, role, password] of logins) {
      const token = await api("POST", "/api/auth/token/", { as: null, json: { username, password } });
      expect(token.status, username).toBe(200);
      const me = await api("GET", "/api/auth/me/", { as: null, headers: { authorization: `Token ${token.body.token}` } });
      expect(me.body).toMatchObject({ username, role });
    }
  });

  it("writes each demo project's playbooks under the projects root", async () => {
    const { config } = await ctx();
    const projects = await query<{ local_path: string; playbooks: string[] }>(sql`select local_path, playbooks from projects`);
    expect(projects.length).toBeGreaterThanOrEqual(4);
    for (const p of projects) {
      expect(p.playbooks.length).toBeGreaterThan(0);
      for (const pb of p.playbooks) {
        const text = fs.readFileSync(path.resolve(config.projectsRoot, p.local_path, pb), "utf8");
        expect(text).toMatch(/hosts: all/);
      }
    }
    const templates = await query<{ playbook: string; playbooks: string[] }>(
      sql`select t.playbook, p.playbooks from templates t join projects p on p.id = t.project_id`,
    );
    for (const t of templates) expect(t.playbooks).toContain(t.playbook);
  });

  it("answers each seed filter with the exact count", async () => {
    const [one] = await query<Record<string, number>>(sql`
      select (select min(template_id) from jobs) template, (select max(inventory_id) from jobs) inventory,
        (select min(credential_id) from jobs) credential, (select min(schedule_id) from jobs) schedule,
        (select min(cuser_id) from jobs) cuser`);
    const cases: [string, string][] = [
      ["", "true"],
      [`template=${one!.template}`, `template_id = ${one!.template}`],
      [`inventory=${one!.inventory}`, `inventory_id = ${one!.inventory}`],
      [`credential=${one!.credential}`, `credential_id = ${one!.credential}`],
      [`schedule=${one!.schedule}`, `schedule_id = ${one!.schedule}`],
      ["state=failed", "state = 'failed'"],
      ["kind=adhoc", "kind = 'adhoc'"],
      [`template=${one!.template}&state=successful`, `template_id = ${one!.template} and state = 'successful'`],
      [`credential=${one!.credential}&kind=adhoc&state=successful`, `credential_id = ${one!.credential} and kind = 'adhoc' and state = 'successful'`],
      ["state__in=new,waiting,running", "state in ('new', 'waiting', 'running')"],
      [`cuser=${one!.cuser}`, `cuser_id = ${one!.cuser}`],
    ];
    for (const [q, where] of cases) {
      const r = await api("GET", `/api/job/job/?${q}`);
      expect(r.status, q).toBe(200);
      const expected = await directCount(where);
      expect(r.body.count, q).toBe(expected);
      expect(expected, q).toBeGreaterThan(0);
    }
  });
});

describe("job_counts triggers", () => {
  // seeds the demo (with its output) and 250 more jobs: up to a minute on a busy machine
  it("equal a count(*) group by over jobs after inserts, state updates and deletes", async () => {
    await resetDb();
    const { db, config, adminUserId } = await ctx();
    await seedDemoData(db, { config, adminUserId });
    let { kept, actual } = await countsFromTriggersAndFromJobs();
    expect(kept).toEqual(actual);

    // a second bulk insert in batches
    const now = Math.floor(Date.now() / 1000);
    await seedJobs(db, { count: 250, from: now - 86400, to: now, batchSize: 100 });
    ({ kept, actual } = await countsFromTriggersAndFromJobs());
    expect(kept).toEqual(actual);
    // recorded (the default, for benchmarks): the newest jobs stored as waiting and running
    const recorded = await query<{ state: string; n: string }>(
      sql`select state, count(*) as n from jobs where state in ('waiting', 'running') group by state order by state`,
    );
    expect(recorded.map((x) => [x.state, Number(x.n)])).toEqual([
      ["running", 2],
      ["waiting", 1],
    ]);

    // state changes one by one and in bulk, a reference change
    const [r] = await query<{ id: number }>(sql`select max(id) as id from jobs where state = 'new'`);
    await db.execute(sql`update jobs set state = 'waiting' where id = ${r!.id}`);
    await db.execute(sql`update jobs set state = 'running', start_time = ${now} where id = ${r!.id}`);
    await db.execute(sql`update jobs set state = 'successful', finish_time = ${now} where id = ${r!.id}`);
    await db.execute(sql`update jobs set state = 'error' where state = 'canceled' and id % 2 = 0`);
    await db.execute(sql`update jobs set template_id = null where id % 7 = 0 and template_id is not null`);
    await db.execute(sql`update jobs set forks = forks + 1 where id % 3 = 0`);
    ({ kept, actual } = await countsFromTriggersAndFromJobs());
    expect(kept).toEqual(actual);

    // deletes: through the API and in bulk
    const del = await api("DELETE", "/api/job/job/", { json: { pk: "1,2,3,999999" } });
    expect(del.status).toBe(204);
    await db.execute(sql`delete from jobs where state = 'failed' and id % 5 = 0`);
    ({ kept, actual } = await countsFromTriggersAndFromJobs());
    expect(kept).toEqual(actual);

    const list = await api("GET", "/api/job/job/?state=failed");
    expect(list.body.count).toBe(await directCount("state = 'failed'"));

    await db.execute(sql`truncate jobs`);
    ({ kept, actual } = await countsFromTriggersAndFromJobs());
    expect(kept).toEqual([]);
    expect(actual).toEqual([]);
  }, 60_000);
});
