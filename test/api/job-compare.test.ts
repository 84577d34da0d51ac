import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { api, ctx, resetDb } from "../api";
import { importBody, makeCatalog, makeLoginUser } from "../fixtures";
import { insertEvents, insertLines, insertSummaries } from "../output-fixtures";

beforeEach(resetDb);

async function imported(extra: Record<string, unknown> = {}): Promise<number> {
  const r = await api("POST", "/api/job/job/", { json: importBody({ playbook: "main.yml", ...extra }) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as number;
}

type Event = Parameters<typeof insertEvents>[1][number];
const taskStart = (name: string, uuid: string): Event => ({
  event: "playbook_on_task_start",
  play: "deploy",
  task: name,
  data: { uuid, path: `main.yml:${uuid}` },
});
const ok = (name: string, host: string, changed = false): Event => ({ event: "runner_on_ok", play: "deploy", task: name, host, changed });
const failed = (name: string, host: string, uuid: string): Event => ({
  event: "runner_on_failed",
  play: "deploy",
  task: name,
  host,
  failed: true,
  data: { msg: "boom", ignore_errors: false, rescued: false, task_uuid: uuid },
});

/** `count` lines of a made-up run: a task banner every 50 lines, else a host's result; `at` = the line's number in the run. */
async function insertRun(jobId: number, count: number, text: (n: number) => string | null = () => null) {
  const { db } = await ctx();
  await db.execute(sql`insert into job_output_lines (job_id, line_no, text)
    select ${jobId}, n, case when n % 50 = 1 then 'TASK [step ' || (n / 50) || '] ' || repeat('*', 40)
      else E'\\x1b[0;32mok: [host' || (n % 7) || E']\\x1b[0m  ' || (n % 3) || ':0' || (n % 10) || ':12' end
    from generate_series(1, ${count}::int) n`);
  for (let n = 1; n <= count; n++) {
    const replaced = text(n);
    if (replaced !== null) await db.execute(sql`update job_output_lines set text = ${replaced} where job_id = ${jobId} and line_no = ${n}`);
  }
}

const window = (a: number, b: number, query = "") => api("GET", `/api/job/job/${a}/compare/${b}/output/${query}`);

describe("GET /api/job/job/<a>/compare/<b>/", () => {
  it("answers 404 when either job is missing or an id is not a number, for every compare endpoint", async () => {
    const id = await imported();
    for (const path of [
      `/api/job/job/${id}/compare/999/`,
      `/api/job/job/999/compare/${id}/`,
      `/api/job/job/${id}/compare/abc/`,
      `/api/job/job/${id}/compare/999/output/`,
      `/api/job/job/999/compare/${id}/output/?a_from=1`,
      "/api/job/job/999/compare/",
    ]) {
      const r = await api("GET", path);
      expect(r.status, path).toBe(404);
      expect(r.body).toEqual({ detail: "未找到。" });
    }
    expect((await api("POST", `/api/job/job/${id}/compare/${id}/`, { json: {} })).status).toBe(405);
    expect((await api("GET", `/api/job/job/${id}/compare/${id}/`, { as: null })).status).toBe(401);
  });

  it("compares a job with itself: nothing differs", async () => {
    const id = await imported({ limit: "web", forks: 5 });
    await insertSummaries(id, [{ host: "web", ok: 2, changed: 1 }]);
    await insertEvents(id, [taskStart("ping", "u1"), ok("ping", "web"), taskStart("deploy", "u2"), ok("deploy", "web", true)]);
    await insertLines(id, ["PLAY [all] ****", "TASK [ping] ****", "ok: [web]", "TASK [deploy] ****", "changed: [web]"]);
    const r = await api("GET", `/api/job/job/${id}/compare/${id}/`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.a.id).toBe(id);
    expect(r.body.b.id).toBe(id);
    expect(r.body.options).toEqual([]);
    expect(r.body.hosts).toEqual([
      {
        host: "web",
        a: { status: "changed", ok: 2, changed: 1, failures: 0, unreachable: 0, skipped: 0, first_failed_task: "" },
        b: { status: "changed", ok: 2, changed: 1, failures: 0, unreachable: 0, skipped: 0, first_failed_task: "" },
        differs: false,
      },
    ]);
    expect(r.body.tasks.map((t: { name: string; differs: boolean }) => [t.name, t.differs])).toEqual([
      ["ping", false],
      ["deploy", false],
    ]);
    const out = await window(id, id);
    expect(out.body.rows.map((row: { kind: string }) => row.kind)).toEqual(["equal", "equal", "equal", "equal", "equal"]);
    expect(out.body).toMatchObject({ a_total: 5, b_total: 5, a_next: null, b_next: null, next: null });
  });

  it("lists the run options that differ, in the contract's order, variables as the record shows them", async () => {
    const c = await makeCatalog();
    const common = { template: c.template.id, inventory: c.inventory.id, project: c.project.id, credential: c.credential.id, tags: "deploy" };
    const a = await imported({ ...common, limit: "web", forks: 5, variables: "version: 9" });
    const b = await imported({ ...common, limit: "db", forks: 10, variables: "version: 10", verbosity: 2, diff_mode: 1 });
    const r = await api("GET", `/api/job/job/${a}/compare/${b}/`);
    expect(r.status).toBe(200);
    expect(r.body.options).toEqual([
      { field: "forks", a: 5, b: 10 },
      { field: "limit", a: "web", b: "db" },
      { field: "verbosity", a: 1, b: 2 },
      { field: "variables", a: "version: 9", b: "version: 10" },
      { field: "diff_mode", a: 0, b: 1 },
    ]);
    const job = await api("GET", `/api/job/job/${b}/`);
    expect(r.body.b).toEqual(job.body);
  });

  it("gives each host's status in both runs, hosts of one run only included, and each task's result per host", async () => {
    const [a, b] = [await imported(), await imported({ state: "failed" })];
    await insertSummaries(a, [
      { host: "web", ok: 2, changed: 1 },
      { host: "db", ok: 2 },
      { host: "old", ok: 1 },
    ]);
    await insertSummaries(b, [
      { host: "web", ok: 2, changed: 1 },
      { host: "db", ok: 1, failures: 1, firstFailedTask: "deploy" },
      { host: "new", unreachable: 1, firstFailedTask: "ping" },
    ]);
    await insertEvents(a, [
      taskStart("ping", "a1"),
      ok("ping", "web"),
      ok("ping", "db"),
      taskStart("deploy", "a2"),
      ok("deploy", "web", true),
      ok("deploy", "db"),
    ]);
    await insertEvents(b, [
      taskStart("ping", "b1"),
      ok("ping", "web"),
      ok("ping", "db"),
      { event: "runner_on_unreachable", play: "deploy", task: "ping", host: "new", failed: true, data: { task_uuid: "b1" } },
      taskStart("backup", "b3"),
      ok("backup", "web"),
      taskStart("deploy", "b2"),
      ok("deploy", "web", true),
      failed("deploy", "db", "b2"),
    ]);
    const r = await api("GET", `/api/job/job/${a}/compare/${b}/`);
    expect(
      r.body.hosts.map((h: { host: string; a: { status: string } | null; b: { status: string } | null; differs: boolean }) => [
        h.host,
        h.a?.status ?? null,
        h.b?.status ?? null,
        h.differs,
      ]),
    ).toEqual([
      ["db", "ok", "failed", true],
      ["new", null, "unreachable", true],
      ["old", "ok", null, true],
      ["web", "changed", "changed", false],
    ]);
    expect(r.body.hosts[0].b.first_failed_task).toBe("deploy");
    expect(r.body.tasks).toEqual([
      {
        play: "deploy",
        name: "ping",
        occurrence: 1,
        handler: false,
        path_a: "main.yml:a1",
        path_b: "main.yml:b1",
        in_a: true,
        in_b: true,
        differs: true,
        results: [
          { host: "db", a: "ok", b: "ok", differs: false },
          { host: "new", a: "absent", b: "unreachable", differs: true },
          { host: "web", a: "ok", b: "ok", differs: false },
        ],
      },
      expect.objectContaining({ name: "backup", in_a: false, in_b: true, differs: true, results: [{ host: "web", a: "absent", b: "ok", differs: true }] }),
      expect.objectContaining({
        name: "deploy",
        differs: true,
        results: [
          { host: "db", a: "ok", b: "failed", differs: true },
          { host: "web", a: "changed", b: "changed", differs: false },
        ],
      }),
    ]);
  });
});

describe("GET /api/job/job/<a>/compare/<b>/output/", () => {
  it("answers windows of the aligned diff of two 100,000-line outputs, each of the size asked for", async () => {
    const [a, b] = [await imported(), await imported()];
    await insertRun(a, 100_000);
    // b: one result line changed, one line more after line 70,000 (numbers after it move by one), times differ everywhere
    await insertRun(b, 100_001);
    const { db } = await ctx();
    await db.execute(sql`update job_output_lines set text = case when n.line_no = 70001 then 'fatal: [extra]: UNREACHABLE!'
        else (select t.text from job_output_lines t where t.job_id = ${a} and t.line_no = n.line_no - 1) end
      from (select line_no from job_output_lines where job_id = ${b} and line_no > 70000) n
      where job_output_lines.job_id = ${b} and job_output_lines.line_no = n.line_no`);
    await db.execute(sql`update job_output_lines set text = replace(text, ':12', ':59') where job_id = ${b}`);
    await db.execute(sql`update job_output_lines set text = 'failed: [host4]' where job_id = ${b} and line_no = 50124`);

    const first = await window(a, b, "?lines=500");
    expect(first.status, JSON.stringify(first.body).slice(0, 300)).toBe(200);
    expect(first.body).toMatchObject({ a_total: 100_000, b_total: 100_001, a_from: 1, b_from: 1, a_next: 501, b_next: 501 });
    expect(first.body.rows).toHaveLength(500);
    expect(first.body.rows.every((r: { kind: string }) => r.kind === "equal")).toBe(true);
    expect(first.body.rows[1]).toEqual({
      kind: "equal",
      a: { line: 2, text: "\x1b[0;32mok: [host2]\x1b[0m  2:02:12" },
      b: { line: 2, text: "\x1b[0;32mok: [host2]\x1b[0m  2:02:59" },
    });
    expect(first.body.next).toBe(`http://testserver/api/job/job/${a}/compare/${b}/output/?lines=500&a_from=501&b_from=501`);

    const changed = await window(a, b, "?a_from=50001&b_from=50001&lines=200");
    expect(changed.body.rows).toHaveLength(200);
    expect(changed.body.rows.filter((r: { kind: string }) => r.kind !== "equal")).toEqual([
      { kind: "changed", a: { line: 50124, text: expect.stringContaining("ok: [host4]") }, b: { line: 50124, text: "failed: [host4]" } },
    ]);

    const inserted = await window(a, b, "?a_from=69990&b_from=69990&lines=30");
    expect(inserted.body.rows).toHaveLength(30);
    const odd = inserted.body.rows.filter((r: { kind: string }) => r.kind !== "equal");
    expect(odd).toEqual([{ kind: "only_b", a: null, b: { line: 70001, text: "fatal: [extra]: UNREACHABLE!" } }]);
    expect(inserted.body.rows.at(-1)).toMatchObject({ kind: "equal", a: { line: 70018 }, b: { line: 70019 } });
    expect([inserted.body.a_next, inserted.body.b_next]).toEqual([70019, 70020]);

    const last = await window(a, b, "?a_from=99901&b_from=99902&lines=2000");
    expect(last.body.rows).toHaveLength(100);
    expect(last.body).toMatchObject({ a_next: null, b_next: null, next: null });
    expect(last.body.rows.at(-1)).toMatchObject({ kind: "equal", a: { line: 100_000 }, b: { line: 100_001 } });
  }, 120_000);

  it("chained through next, covers every line of both outputs once, in order", async () => {
    const [a, b] = [await imported(), await imported()];
    await insertRun(a, 12_000, (n) => (n === 3_000 ? "changed here" : null));
    await insertRun(b, 11_950, (n) => (n === 9_000 ? "TASK [only in b] ****" : null));
    const [linesA, linesB] = [[] as number[], [] as number[]];
    let query = "?lines=2000";
    for (let guard = 0; guard < 20; guard++) {
      const r = await window(a, b, query);
      expect(r.status).toBe(200);
      for (const row of r.body.rows) {
        if (row.a) linesA.push(row.a.line);
        if (row.b) linesB.push(row.b.line);
      }
      if (!r.body.next) break;
      expect(r.body.rows).toHaveLength(2000);
      query = `?lines=2000&a_from=${r.body.a_next}&b_from=${r.body.b_next}`;
    }
    expect(linesA).toEqual(Array.from({ length: 12_000 }, (_, i) => i + 1));
    expect(linesB).toEqual(Array.from({ length: 11_950 }, (_, i) => i + 1));
  }, 120_000);

  it("refuses bad window parameters with a 400 naming them", async () => {
    const id = await imported();
    const r = await window(id, id, "?a_from=0&b_from=x&lines=5000");
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      a_from: ["请确保该值大于或者等于 1。"],
      b_from: ["请填写合法的整数值。"],
      lines: ["请确保该值小于或者等于 2000。"],
    });
  });
});

describe("GET /api/job/job/<id>/compare/: the last successful run of the same template before it", () => {
  it("finds it with its record, or says why there is none; viewers may ask", async () => {
    const c = await makeCatalog();
    const other = await makeCatalog("2");
    const first = await imported({ template: c.template.id });
    await imported({ template: c.template.id, state: "failed" });
    await imported({ template: other.template.id });
    const second = await imported({ template: c.template.id });
    const current = await imported({ template: c.template.id, state: "failed" });
    const later = await imported({ template: c.template.id });
    void later;
    const viewer = await makeLoginUser("kan", "viewer");
    const r = await api("GET", `/api/job/job/${current}/compare/`, { as: viewer.id });
    expect(r.status).toBe(200);
    expect(r.body.last_successful.id).toBe(second);
    expect(r.body.last_successful_error).toBeNull();
    expect((await api("GET", `/api/job/job/${second}/compare/`)).body.last_successful.id).toBe(first);
    expect((await api("GET", `/api/job/job/${first}/compare/`)).body).toEqual({
      last_successful: null,
      last_successful_error: `模板 “${c.template.name}” 在这个作业之前没有成功的运行。`,
    });
    expect((await api("GET", `/api/job/job/${await imported()}/compare/`)).body).toEqual({
      last_successful: null,
      last_successful_error: "该作业不是从模板启动的，没有同一模板的运行可以比较。",
    });
  });
});
