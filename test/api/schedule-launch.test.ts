import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { schedules, users } from "@/db/schema";
import { api, ctx, resetDb } from "../api";
import { jobCount, makeUser } from "../fixtures";
import { makeProjectDir, PLAYBOOK } from "../project-folders";

let refs: { project: number; inventory: number; credential: number };
let template: number;

const scheduleRow = async (id: number) => {
  const { db } = await ctx();
  const [row] = await db.select().from(schedules).where(eq(schedules.id, id));
  return row;
};

beforeEach(async () => {
  await resetDb();
  makeProjectDir("nightly", { "main.yml": PLAYBOOK });
  refs = {
    project: (await api("POST", "/api/job/project/", { json: { name: "nightly", local_path: "nightly" } })).body.id,
    inventory: (await api("POST", "/api/job/inventory/", { json: { name: "hosts", content: "localhost" } })).body.id,
    credential: (await api("POST", "/api/job/credential/", { json: { name: "cred" } })).body.id,
  };
  const asks = { ask_limit_on_launch: true, ask_verbosity_on_launch: true, ask_job_type_on_launch: true };
  template = (await api("POST", "/api/job/template/", { json: { name: "备份", ...refs, playbook: "main.yml", limit: "db", tags: "t", ...asks } })).body.id;
});

describe("POST /api/job/schedule/<id>/launch/", () => {
  it("launches the template with the schedule's overrides, as the caller, and leaves the timetable alone", async () => {
    const s = (
      await api("POST", "/api/job/schedule/", { json: { name: "每日备份", template, cron: "0 2 * * *", limit: "web", verbosity: 3, job_type: "check" } })
    ).body;
    const before = await scheduleRow(s.id);
    const r = await api("POST", `/api/job/schedule/${s.id}/launch/`);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      template,
      template_name: "备份",
      schedule: s.id,
      schedule_name: "每日备份",
      project: refs.project,
      inventory: refs.inventory,
      credential: refs.credential,
      playbook: "main.yml",
      limit: "web",
      tags: "t",
      verbosity: 3,
      job_type: "check",
      state: "new",
      kind: "job",
      job: null,
      user: "管理员",
    });
    expect((await api("GET", `/api/job/job/${r.body.id}/`)).body).toEqual(r.body);
    expect((await api("GET", `/api/job/job/?schedule=${s.id}`)).body.count).toBe(1);
    const after = await scheduleRow(s.id);
    expect(after!.nextFireAt).toBe(before!.nextFireAt);
    expect(after!.enabled).toBe(true);
  });

  it("records the operator who clicked it as cuser, even when the schedule's owner is deactivated", async () => {
    const s = (await api("POST", "/api/job/schedule/", { json: { name: "owned by admin", template, cron: "0 2 * * *" } })).body;
    const op = await makeUser("op", "值班员", "operator");
    const { db, adminUserId } = await ctx();
    const other = await makeUser("owner", "离职的人", "operator");
    await db.update(schedules).set({ ownerId: other!.id }).where(eq(schedules.id, s.id));
    await db.update(users).set({ isActive: false }).where(eq(users.id, other!.id));
    const r = await api("POST", `/api/job/schedule/${s.id}/launch/`, { as: op!.id });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ cuser: op!.id, user: "值班员", schedule: s.id });
    expect(r.body.cuser).not.toBe(adminUserId);
    const viewer = await makeUser("v", "只读", "viewer");
    expect((await api("POST", `/api/job/schedule/${s.id}/launch/`, { as: viewer!.id })).status).toBe(403);
    expect(await jobCount()).toBe(1);
  });

  it("runs a disabled schedule too, from JSON, a form or no body, and clears an old error", async () => {
    const s = (await api("POST", "/api/job/schedule/", { json: { name: "off", template, cron: "0 2 * * *", enabled: false } })).body;
    const { db } = await ctx();
    await db.update(schedules).set({ lastError: "无法启动作业：old" }).where(eq(schedules.id, s.id));
    expect((await api("POST", `/api/job/schedule/${s.id}/launch/`, { json: {} })).status).toBe(201);
    expect((await api("POST", `/api/job/schedule/${s.id}/launch`, { form: {} })).status).toBe(201);
    expect((await api("POST", `/api/job/schedule/${s.id}/launch/`)).status).toBe(201);
    expect(await jobCount()).toBe(3);
    expect((await api("GET", `/api/job/schedule/${s.id}/`)).body).toMatchObject({ enabled: false, next_run: null, last_error: "" });
  });

  it("answers 400 with the schedule's last_error when the job cannot be launched", async () => {
    const s = (await api("POST", "/api/job/schedule/", { json: { name: "s", template, cron: "0 2 * * *" } })).body;
    expect((await api("PATCH", `/api/job/template/${template}/`, { json: { playbook: "gone.yml" } })).status).toBe(200);
    const r = await api("POST", `/api/job/schedule/${s.id}/launch/`);
    expect(r.status).toBe(400);
    const lastError = (await api("GET", `/api/job/schedule/${s.id}/`)).body.last_error;
    expect(lastError).toBe("无法启动作业：playbook: 项目中不存在 playbook “gone.yml”。");
    expect(r.body).toEqual({ non_field_errors: [lastError] });
    expect(await jobCount()).toBe(0);
  });

  it("answers 400 and disables the schedule when its template is gone", async () => {
    const s = (await api("POST", "/api/job/schedule/", { json: { name: "s", template, cron: "0 2 * * *" } })).body;
    expect((await api("DELETE", `/api/job/template/${template}/`)).status).toBe(204);
    const r = await api("POST", `/api/job/schedule/${s.id}/launch/`);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ non_field_errors: ["模板已被删除，计划任务已停用。"] });
    expect((await api("GET", `/api/job/schedule/${s.id}/`)).body).toMatchObject({ enabled: false, last_error: "模板已被删除，计划任务已停用。" });
    expect(await jobCount()).toBe(0);
  });

  it("404 for an unknown or non-numeric id, 405 for other methods", async () => {
    for (const id of ["999", "abc", "1.5"]) {
      const r = await api("POST", `/api/job/schedule/${id}/launch/`);
      expect(r.status, id).toBe(404);
      expect(r.body).toEqual({ detail: "未找到。" });
    }
    const s = (await api("POST", "/api/job/schedule/", { json: { name: "s", template, cron: "0 2 * * *" } })).body;
    const get = await api("GET", `/api/job/schedule/${s.id}/launch/`);
    expect(get.status).toBe(405);
    expect(get.body).toEqual({ detail: "方法 “GET” 不被允许。" });
    expect(get.headers.get("allow")).toBe("POST, OPTIONS");
  });
});
