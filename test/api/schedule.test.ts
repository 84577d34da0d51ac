import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { schedules } from "@/db/schema";
import { api, ctx, resetDb } from "../api";
import { makeProjectDir, PLAYBOOK } from "../project-folders";

const count = async () => (await api("GET", "/api/job/schedule/")).body.count as number;
const now = () => Math.floor(Date.now() / 1000);

let template: number;

beforeEach(async () => {
  await resetDb();
  makeProjectDir("nightly", { "main.yml": PLAYBOOK });
  const project = (await api("POST", "/api/job/project/", { json: { name: "nightly", local_path: "nightly" } })).body;
  const inventory = (await api("POST", "/api/job/inventory/", { json: { name: "hosts", content: "localhost" } })).body;
  const credential = (await api("POST", "/api/job/credential/", { json: { name: "cred" } })).body;
  const t = await api("POST", "/api/job/template/", {
    json: { name: "备份", project: project.id, inventory: inventory.id, credential: credential.id, playbook: "main.yml", limit: "db" },
  });
  template = t.body.id;
});

describe("POST /api/job/schedule/", () => {
  it("creates from JSON with defaults, the owner and the next run", async () => {
    const before = now();
    const r = await api("POST", "/api/job/schedule/", { json: { name: "每五分钟", template, cron: "*/5  * * * *", timezone: "UTC", next_run: 1 } });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      id: 1,
      name: "每五分钟",
      description: "",
      template,
      template_name: "备份",
      cron: "*/5 * * * *",
      timezone: "UTC",
      enabled: true,
      limit: null,
      tags: null,
      skip_tags: null,
      variables: null,
      verbosity: null,
      job_type: null,
      inventory: null,
      credential: null,
      forks: null,
      diff_mode: null,
      next_run: expect.any(Number),
      last_error: "",
      owner: expect.any(Number),
      ctime: expect.any(Number),
      last_job: null,
      last_job_state: null,
      last_job_time: null,
    });
    expect(r.body.next_run % 300).toBe(0);
    expect(r.body.next_run).toBeGreaterThan(before);
    expect(r.body.next_run).toBeLessThanOrEqual(before + 300 + 5);
    const { db, adminUserId } = await ctx();
    const [row] = await db.select().from(schedules).where(eq(schedules.id, 1));
    expect(row!.ownerId).toBe(adminUserId);
    expect(r.body.owner).toBe(adminUserId);
  });

  it("computes next_run in the schedule's zone; the default zone is Asia/Shanghai", async () => {
    const r = await api("POST", "/api/job/schedule/", { json: { name: "09:30", template, cron: "30 9 * * *" } });
    expect(r.body.timezone).toBe("Asia/Shanghai");
    // 09:30 in Shanghai (UTC+8, no DST) is 01:30 UTC
    expect(r.body.next_run % 86400).toBe(90 * 60);
    expect(r.body.next_run - now()).toBeLessThanOrEqual(86400);
    const utc = await api("PATCH", `/api/job/schedule/${r.body.id}/`, { json: { timezone: "UTC" } });
    expect(utc.body.next_run % 86400).toBe(9.5 * 3600);
    const off = await api("PATCH", `/api/job/schedule/${r.body.id}/`, { json: { enabled: false } });
    expect(off.body).toMatchObject({ enabled: false, next_run: null });
  });

  it("creates from a form and from multipart, with overrides", async () => {
    const form = await api("POST", "/api/job/schedule/", {
      form: { name: "f", template: String(template), cron: "0 2 * * *", enabled: "false", limit: "web01", verbosity: "", job_type: "check" },
    });
    expect(form.status).toBe(201);
    expect(form.body).toMatchObject({ enabled: false, next_run: null, limit: "web01", verbosity: null, job_type: "check", tags: null });
    const multi = await api("POST", "/api/job/schedule/", {
      multipart: [
        ["name", "m"],
        ["template", String(template)],
        ["cron", "0 3 * * 1-5"],
        ["variables", "a: 1"],
        ["verbosity", "3"],
        ["tags", ""],
      ],
    });
    expect(multi.status).toBe(201);
    expect(multi.body).toMatchObject({ enabled: true, variables: "a: 1", verbosity: 3, tags: "", limit: null });
  });

  it("refuses bad input with its message and writes nothing", async () => {
    const base = () => ({ name: "s", template, cron: "0 2 * * *" });
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [
        { name: undefined, template: undefined, cron: undefined },
        { name: ["该字段是必填项。"], template: ["该字段是必填项。"], cron: ["该字段是必填项。"] },
      ],
      [{ template: 9999 }, { template: ["无效主键 “9999” － 对象不存在。"] }],
      [{ template: null }, { template: ["该字段不能为 null。"] }],
      [{ template: "x" }, { template: ["类型错误。期望为主键，获得的类型为 str。"] }],
      [{ cron: "" }, { cron: ["该字段不能为空。"] }],
      [{ cron: "0 0 2 * * *" }, { cron: ["无效的 cron 表达式：需要 5 个字段（分 时 日 月 周），得到 6 个。"] }],
      [{ cron: "@daily" }, { cron: ["无效的 cron 表达式：需要 5 个字段（分 时 日 月 周），得到 1 个。"] }],
      [{ cron: "H 2 * * *" }, { cron: ["无效的 cron 表达式：不支持 H（散列）写法。"] }],
      [{ timezone: "Mars/Olympus" }, { timezone: ["“Mars/Olympus” 不是有效的 IANA 时区（例如 Asia/Shanghai）。"] }],
      [{ timezone: "+08:00" }, { timezone: ["“+08:00” 不是有效的 IANA 时区（例如 Asia/Shanghai）。"] }],
      [{ enabled: "maybe" }, { enabled: ["必须是有效的布尔值。"] }],
      [{ verbosity: 7 }, { verbosity: ["“7” 不是合法选项。"] }],
      [{ job_type: "bogus" }, { job_type: ["“bogus” 不是合法选项。"] }],
      [{ variables: "[1, 2]" }, { variables: ["必须是 YAML 或 JSON 格式的字典（mapping）。"] }],
      [{ limit: "@file" }, { limit: ["limit 不能包含 @（不允许从文件读取主机）。"] }],
    ];
    for (const [change, errors] of cases) {
      const r = await api("POST", "/api/job/schedule/", { json: { ...base(), ...change } });
      expect(r.status, JSON.stringify(change)).toBe(400);
      expect(r.body).toEqual(errors);
    }
    for (const cron of ["61 * * * *", "0 0 1 13 *", "a b c d e"]) {
      const r = await api("POST", "/api/job/schedule/", { json: { ...base(), cron } });
      expect(r.status).toBe(400);
      expect(r.body.cron[0]).toMatch(/^无效的 cron 表达式：.+/);
    }
    expect(await count()).toBe(0);
  });
});

describe("GET /api/job/schedule/", () => {
  it("pages, filters, searches and orders", async () => {
    const other = (await api("POST", "/api/job/template/", { json: { name: "另一个" } })).body.id;
    await api("POST", "/api/job/schedule/", { json: { name: "a", template, cron: "0 1 * * *", description: "Nightly DB" } });
    await api("POST", "/api/job/schedule/", { json: { name: "b", template: other, cron: "0 2 * * *", enabled: false } });
    await api("POST", "/api/job/schedule/", { json: { name: "c", template, cron: "0 3 * * *" } });
    const page = await api("GET", "/api/job/schedule/?limit=2&template=" + template);
    expect(page.body).toMatchObject({ count: 2, next: null, previous: null });
    expect(page.body.results.map((s: { name: string }) => s.name)).toEqual(["c", "a"]);
    const second = await api("GET", "/api/job/schedule/?limit=2&offset=2");
    expect(second.body).toMatchObject({ count: 3, next: null, previous: "http://testserver/api/job/schedule/?limit=2" });
    expect((await api("GET", "/api/job/schedule/?name=b")).body.results[0]).toMatchObject({ template_name: "另一个", next_run: null });
    expect((await api("GET", "/api/job/schedule/?search=nightly")).body.results.map((s: { name: string }) => s.name)).toEqual(["a"]);
    expect((await api("GET", "/api/job/schedule/?template=x")).body).toEqual({ template: ["选择一个有效的选项： 该选择不在可用的选项中。"] });
    const names = async (q: string) => (await api("GET", `/api/job/schedule/?ordering=${q}`)).body.results.map((s: { name: string }) => s.name);
    expect(await names("enabled,name")).toEqual(["b", "a", "c"]);
    expect(await names("template_name,-name")).toEqual(["b", "c", "a"]);
    expect(await names("next_run")).toEqual(["c", "b", "a"]);
  });
});

describe("last_job: each schedule's newest job", () => {
  const row = async (id: number) => {
    const r = await api("GET", "/api/job/schedule/?ordering=name");
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return (r.body.results as { id: number }[]).find((s) => s.id === id);
  };
  const none = { last_job: null, last_job_state: null, last_job_time: null };

  it("is the newer of two runs, on the list and the detail; null without jobs; a deleted one hands back", async () => {
    const s = (await api("POST", "/api/job/schedule/", { json: { name: "a 运行过", template, cron: "0 1 * * *" } })).body;
    const idle = (await api("POST", "/api/job/schedule/", { json: { name: "b 没运行过", template, cron: "0 2 * * *" } })).body;
    expect(s).toMatchObject(none);

    const first = await api("POST", `/api/job/schedule/${s.id}/launch/`);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await api("POST", "/api/job/job/", {
      json: { template, schedule: s.id, state: "successful", start_time: 1_700_000_000, finish_time: 1_700_000_030 },
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.id).toBeGreaterThan(first.body.id);
    // a job of the same template launched without the schedule is not the schedule's
    expect((await api("POST", `/api/job/template/${template}/launch/`)).status).toBe(201);

    const newest = { last_job: second.body.id, last_job_state: "successful", last_job_time: 1_700_000_030 };
    expect(await row(s.id)).toMatchObject(newest);
    expect((await api("GET", `/api/job/schedule/${s.id}/`)).body).toMatchObject(newest);
    expect(await row(idle.id)).toMatchObject(none);
    expect((await api("GET", "/api/job/schedule/?ordering=name&limit=1&offset=1")).body.results).toEqual([await row(idle.id)]);

    expect((await api("DELETE", `/api/job/job/${second.body.id}/`)).status).toBe(204);
    expect(await row(s.id)).toMatchObject({ last_job: first.body.id, last_job_state: "new", last_job_time: first.body.ctime });
    expect((await api("DELETE", `/api/job/job/${first.body.id}/`)).status).toBe(204);
    expect(await row(s.id)).toMatchObject(none);
  });

  it("is read-only", async () => {
    const s = (await api("POST", "/api/job/schedule/", { json: { name: "s", template, cron: "0 1 * * *", last_job: 3, last_job_state: "failed" } })).body;
    expect(s).toMatchObject(none);
    const patched = await api("PATCH", `/api/job/schedule/${s.id}/`, { json: { last_job: 3, last_job_time: 9 } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject(none);
  });
});

describe("/api/job/schedule/<id>/", () => {
  it("gets, replaces, patches and deletes", async () => {
    const created = (await api("POST", "/api/job/schedule/", { json: { name: "s", template, cron: "0 2 * * *", limit: "web" } })).body;
    expect((await api("GET", `/api/job/schedule/${created.id}/`)).body).toEqual(created);
    expect((await api("PUT", `/api/job/schedule/${created.id}/`, { json: { name: "s2" } })).body).toEqual({
      template: ["该字段是必填项。"],
      cron: ["该字段是必填项。"],
    });
    const put = await api("PUT", `/api/job/schedule/${created.id}/`, { json: { name: "s2", template, cron: "15 4 * * *", limit: null } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: "s2", cron: "15 4 * * *", limit: null, enabled: true, timezone: "Asia/Shanghai" });
    const patch = await api("PATCH", `/api/job/schedule/${created.id}/`, { form: { tags: "a,b", enabled: "0" } });
    expect(patch.body).toMatchObject({ name: "s2", tags: "a,b", enabled: false, next_run: null });
    const bad = await api("PATCH", `/api/job/schedule/${created.id}/`, { json: { cron: "* * *", name: "zzz" } });
    expect(bad.status).toBe(400);
    expect((await api("GET", `/api/job/schedule/${created.id}/`)).body).toEqual(patch.body);
    expect((await api("DELETE", `/api/job/schedule/${created.id}/`)).status).toBe(204);
    expect((await api("GET", `/api/job/schedule/${created.id}/`)).body).toEqual({ detail: "未找到。" });
    expect((await api("PATCH", `/api/job/schedule/${created.id}/`, { json: {} })).status).toBe(404);
    expect((await api("POST", `/api/job/schedule/${created.id}/`, { json: {} })).status).toBe(405);
  });

  it("deleting the template disables its schedules and leaves jobs intact", async () => {
    const s1 = (await api("POST", "/api/job/schedule/", { json: { name: "s1", template, cron: "0 2 * * *" } })).body;
    const s2 = (await api("POST", "/api/job/schedule/", { json: { name: "s2", template, cron: "0 3 * * *", enabled: false } })).body;
    const other = (await api("POST", "/api/job/template/", { json: { name: "other" } })).body.id;
    const s3 = (await api("POST", "/api/job/schedule/", { json: { name: "s3", template: other, cron: "0 4 * * *" } })).body;
    const job = await api("POST", "/api/job/job/", { json: { template, schedule: s1.id } });
    expect(job.status).toBe(201);
    expect(job.body).toMatchObject({ template, template_name: "备份", schedule: s1.id, schedule_name: "s1", limit: "db" });

    expect((await api("DELETE", `/api/job/template/${template}/`)).status).toBe(204);
    const ran = { last_job: job.body.id, last_job_state: "new", last_job_time: job.body.ctime };
    for (const s of [s1, s2]) {
      expect((await api("GET", `/api/job/schedule/${s.id}/`)).body).toEqual({
        ...s,
        ...(s === s1 ? ran : {}),
        enabled: false,
        template_name: null,
        next_run: null,
        last_error: "模板已被删除，计划任务已停用。",
      });
    }
    expect((await api("GET", `/api/job/schedule/${s3.id}/`)).body).toMatchObject({ enabled: true, template_name: "other" });
    expect((await api("GET", `/api/job/job/${job.body.id}/`)).body).toEqual(job.body);

    const reenable = await api("PATCH", `/api/job/schedule/${s1.id}/`, { json: { enabled: true } });
    expect(reenable.status).toBe(400);
    expect(reenable.body).toEqual({ template: [`无效主键 “${template}” － 对象不存在。`] });
    expect((await api("PATCH", `/api/job/schedule/${s1.id}/`, { json: { description: "kept" } })).status).toBe(200);
    const moved = await api("PATCH", `/api/job/schedule/${s1.id}/`, { json: { enabled: true, template: other } });
    expect(moved.body).toMatchObject({ enabled: true, template: other, template_name: "other", next_run: expect.any(Number) });

    expect((await api("DELETE", `/api/job/schedule/${s1.id}/`)).status).toBe(204);
    expect((await api("GET", `/api/job/job/${job.body.id}/`)).body).toEqual(job.body);
  });
});
