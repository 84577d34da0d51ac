import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { templates } from "@/db/schema";
import { api, ctx, resetDb } from "../api";
import { importBody, jobCount, jobRow, makeCatalog, makeUser } from "../fixtures";

beforeEach(resetDb);

async function expect400(body: unknown, errors: Record<string, string[]>, how: "json" | "form" = "json") {
  const before = await jobCount();
  const opts = how === "json" ? { json: body } : { form: body as Record<string, string> };
  const r = await api("POST", "/api/job/job/", opts);
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  expect(r.body).toMatchObject(errors);
  expect(await jobCount()).toBe(before);
  return r.body;
}

describe("POST /api/job/job/ launch", () => {
  it("launches from a template: options, references and names come from it; server fields are derived", async () => {
    const c = await makeCatalog();
    const r = await api("POST", "/api/job/job/", {
      json: { template: c.template.id, id: 999, user: "someone", template_name: "forged", state_name: "x", start_time: 5, finish_time: 6 },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const j = r.body;
    expect(j.id).not.toBe(999);
    expect(j).toMatchObject({
      template: c.template.id,
      template_name: "tomcat",
      project: c.project.id,
      project_name: "测试tomcat",
      inventory: c.inventory.id,
      inventory_name: "测试tomcat",
      credential: c.credential.id,
      credential_name: "测试",
      playbook: "main.yml",
      forks: 5,
      limit: "web",
      tags: "deploy",
      verbosity: 1,
      verbosity_name: "Verbose",
      variables: "version: 9",
      kind: "job",
      kind_name: "自动化作业",
      state: "new",
      state_name: "新建",
      start_time: null,
      finish_time: null,
      cuser: 1,
      user: "管理员",
      job: null,
      schedule: null,
    });
    expect(typeof j.ctime).toBe("number");
    expect(Math.abs(j.ctime - Date.now() / 1000)).toBeLessThan(60);
    const stored = await jobRow(j.id);
    expect(stored!.state).toBe("new");
    expect((await api("GET", `/api/job/job/${j.id}/`)).body).toEqual(j);
  });

  it("lets the body override the template's options, and records a re-run's parent", async () => {
    const c = await makeCatalog();
    const first = (await api("POST", "/api/job/job/", { json: { template: c.template.id } })).body;
    const r = await api("POST", "/api/job/job/", {
      json: {
        template: c.template.id,
        job: first.id,
        limit: "  db  ",
        forks: "10",
        verbosity: "3",
        become_enabled: true,
        diff_mode: "1",
        force_handlers: 1,
        playbook: "sub/deploy.yml",
        variables: "a: 1\n",
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      job: first.id,
      limit: "db",
      forks: 10,
      verbosity: 3,
      become_enabled: 1,
      become_enabled_name: "是",
      diff_mode: 1,
      force_handlers: 1,
      playbook: "sub/deploy.yml",
      variables: "a: 1",
      tags: "deploy",
    });
  });

  it("accepts form and multipart bodies", async () => {
    const c = await makeCatalog();
    const form = await api("POST", "/api/job/job/", { form: { template: String(c.template.id), verbosity: "2", limit: "", become_enabled: "0" } });
    expect(form.status, JSON.stringify(form.body)).toBe(201);
    expect(form.body).toMatchObject({ template: c.template.id, verbosity: 2, limit: "", become_enabled: 0 });
    const multi = await api("POST", "/api/job/job/", {
      multipart: [
        ["template", String(c.template.id)],
        ["tags", "a,b"],
        ["diff_mode", "1"],
      ],
    });
    expect(multi.status, JSON.stringify(multi.body)).toBe(201);
    expect(multi.body).toMatchObject({ tags: "a,b", diff_mode: 1 });
  });

  it("launches an ad-hoc command against a host list", async () => {
    const c = await makeCatalog();
    const r = await api("POST", "/api/job/job/", { json: { module: "shell", arguments: "uptime", credential: c.credential.id, inventory_str: "h1,h2" } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      kind: "adhoc",
      kind_name: "临时命令",
      module: "shell",
      arguments: "uptime",
      inventory_str: "h1,h2",
      inventory: null,
      template: null,
      state: "new",
    });
  });

  it("names what a launch lacks", async () => {
    await expect400(
      {},
      {
        project: ["该字段是必填项。"],
        playbook: ["该字段是必填项。"],
        credential: ["该字段是必填项。"],
        inventory: ["需要主机清单或主机列表（inventory_str）。"],
      },
    );
    const c = await makeCatalog();
    await expect400({ kind: "adhoc", credential: c.credential.id, inventory: c.inventory.id }, { module: ["该字段是必填项。"] });
    await expect400({ template: c.template.id, playbook: "gone.yml" }, { playbook: ["项目中不存在 playbook “gone.yml”。"] });
    await expect400({ template: c.template.id, playbook: "../etc/passwd.yml" }, { playbook: [expect.stringContaining("相对路径")] });
    await expect400({ template: c.template.id, playbook: "/etc/x.yml" }, { playbook: [expect.stringContaining("相对路径")] });
    await expect400({ template: c.template.id, limit: "@/etc/hosts" }, { limit: [expect.stringContaining("@")] });
    await expect400({ template: c.template.id, credential: null }, { credential: ["该字段是必填项。"] });
  });
});

describe("POST /api/job/job/ history import", () => {
  it("stores a finished run as given and never launches it", async () => {
    const c = await makeCatalog();
    const r = await api("POST", "/api/job/job/", { json: importBody({ template: c.template.id, state: "failed", ctime: 1561688900 }) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      state: "failed",
      state_name: "失败",
      start_time: 1561688923,
      finish_time: 1561688924,
      ctime: 1561688900,
      template_name: "tomcat",
    });
  });

  it("requires the times, in order, and refuses the executor's states", async () => {
    await expect400({ state: "successful" }, { start_time: ["该字段是必填项。"], finish_time: ["该字段是必填项。"] });
    await expect400(importBody({ start_time: 10, finish_time: 5 }), { finish_time: ["完成时间不能早于开始时间。"] });
    await expect400({ state: "running" }, { state: [expect.stringContaining("执行器")] });
    await expect400({ state: "waiting" }, { state: [expect.stringContaining("执行器")] });
  });

  it("lets an admin record a job for another user, with that user's name", async () => {
    const u = await makeUser("fly", "fly yao");
    const r = await api("POST", "/api/job/job/", { json: importBody({ cuser: u!.id, kind: "adhoc", module: "ping" }) });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ cuser: u!.id, user: "fly yao" });
  });
});

describe("POST validation: DRF's messages, nothing written", () => {
  it("checks types, ranges, choices and lengths", async () => {
    await expect400(importBody({ verbosity: 7, job_type: "bogus", forks: 201, kind: "x", state: "nope" }), {
      verbosity: ["“7” 不是合法选项。"],
      job_type: ["“bogus” 不是合法选项。"],
      forks: ["请确保该值小于或者等于 200。"],
      kind: ["“x” 不是合法选项。"],
      state: ["“nope” 不是合法选项。"],
    });
    await expect400(importBody({ forks: -1 }), { forks: ["请确保该值大于或者等于 0。"] });
    await expect400(importBody({ forks: "abc" }), { forks: ["请填写合法的整数值。"] });
    await expect400(importBody({ forks: 1.5 }), { forks: ["请填写合法的整数值。"] });
    await expect400(importBody({ forks: true }), { forks: ["请填写合法的整数值。"] });
    await expect400(importBody({ become_enabled: 2, diff_mode: "yes" }), { become_enabled: ["“2” 不是合法选项。"], diff_mode: ["“yes” 不是合法选项。"] });
    await expect400(importBody({ limit: "x".repeat(1025) }), { limit: ["请确保这个字段不能超过 1024 个字符。"] });
    await expect400(importBody({ tags: ["a"] }), { tags: ["不是有效的字符串。"] });
    await expect400(importBody({ job_type: null }), { job_type: ["该字段不能为 null。"] });
    await expect400(importBody({ variables: "- a\n- b" }), { variables: [expect.stringContaining("字典")] });
    await expect400(importBody({ variables: "{bad" }), { variables: [expect.stringContaining("字典")] });
    await expect400(importBody({ module: "shell; rm -rf /" }), { module: [expect.stringContaining("模块名")] });
    await expect400(importBody({ start_time: "soon" }), { start_time: ["请填写合法的整数值。"] });
  });

  it("checks references: existence and type", async () => {
    await expect400(importBody({ template: 99999 }), { template: ["无效主键 “99999” － 对象不存在。"] });
    await expect400(importBody({ inventory: "abc" }), { inventory: ["类型错误。期望为主键，获得的类型为 str。"] });
    await expect400(importBody({ credential: true, project: [1], schedule: 99, job: 12345, cuser: 777, node: 3 }), {
      credential: ["类型错误。期望为主键，获得的类型为 bool。"],
      project: ["类型错误。期望为主键，获得的类型为 list。"],
      schedule: ["无效主键 “99” － 对象不存在。"],
      job: ["无效主键 “12345” － 对象不存在。"],
      cuser: ["无效主键 “777” － 对象不存在。"],
      node: ["无效主键 “3” － 对象不存在。"],
    });
    await expect400(importBody({ cuser: null }), { cuser: ["该字段不能为 null。"] });
  });

  it("validates form bodies the same way", async () => {
    await expect400(
      { state: "successful", start_time: "1", finish_time: "2", forks: "x", template: "abc" },
      { forks: ["请填写合法的整数值。"], template: ["类型错误。期望为主键，获得的类型为 str。"] },
      "form",
    );
  });

  it("answers malformed JSON, non-object JSON and unknown media types without writing", async () => {
    let r = await api("POST", "/api/job/job/", { raw: { contentType: "application/json", body: "{bad json" } });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body)).toEqual(["detail"]);
    r = await api("POST", "/api/job/job/", { json: [1, 2] });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ non_field_errors: ["无效数据。期待为字典类型，得到的是 list 。"] });
    r = await api("POST", "/api/job/job/", { raw: { contentType: "text/plain", body: "hello" } });
    expect(r.status).toBe(415);
    expect(r.body).toEqual({ detail: "不支持请求中的媒体类型 “text/plain”。" });
    expect(await jobCount()).toBe(0);
  });
});

describe("names are kept as they were at creation", () => {
  it("survives a rename and a delete of the template; the old id still finds the job", async () => {
    const c = await makeCatalog();
    const job = (await api("POST", "/api/job/job/", { json: { template: c.template.id } })).body;
    const { db } = await ctx();
    await db.update(templates).set({ name: "renamed" }).where(eq(templates.id, c.template.id));
    expect((await api("GET", `/api/job/job/${job.id}/`)).body.template_name).toBe("tomcat");
    await db.delete(templates).where(eq(templates.id, c.template.id));
    const r = await api("GET", `/api/job/job/?template=${c.template.id}`);
    expect(r.status).toBe(200);
    expect(r.body.count).toBe(1);
    expect(r.body.results[0]).toMatchObject({ id: job.id, template: c.template.id, template_name: "tomcat" });
  });
});
