import { beforeEach, describe, expect, it } from "vitest";
import { api, resetDb } from "../api";
import { makeProjectDir, PLAYBOOK } from "../project-folders";

const count = async () => (await api("GET", "/api/job/template/")).body.count as number;

let refs: { project: number; inventory: number; credential: number };

beforeEach(async () => {
  await resetDb();
  makeProjectDir("tomcat", { "main.yml": PLAYBOOK, "sub/deploy.yml": PLAYBOOK });
  const project = await api("POST", "/api/job/project/", { json: { name: "测试tomcat", local_path: "tomcat" } });
  const inventory = await api("POST", "/api/job/inventory/", { json: { name: "web servers", content: "[web]\nlocalhost ansible_connection=local" } });
  const credential = await api("POST", "/api/job/credential/", { json: { name: "deploy key", username: "deploy", password: "pw" } });
  refs = { project: project.body.id, inventory: inventory.body.id, credential: credential.body.id };
});

const full = () => ({
  name: "部署 tomcat",
  description: "每日部署",
  ...refs,
  playbook: "sub/deploy.yml",
  job_type: "check",
  forks: 5,
  limit: "web",
  tags: "deploy",
  skip_tags: "slow",
  verbosity: 2,
  variables: "version: 9",
  become_enabled: 1,
  diff_mode: true,
  force_handlers: "0",
  start_at_task: "restart",
  timeout: 600,
});

describe("POST /api/job/template/", () => {
  it("creates from JSON with the current names of what it references", async () => {
    const r = await api("POST", "/api/job/template/", { json: { ...full(), project_name: "ignored", ctime: 5 } });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      id: 1,
      name: "部署 tomcat",
      description: "每日部署",
      project: refs.project,
      project_name: "测试tomcat",
      playbook: "sub/deploy.yml",
      inventory: refs.inventory,
      inventory_name: "web servers",
      credential: refs.credential,
      credential_name: "deploy key",
      job_type: "check",
      forks: 5,
      limit: "web",
      tags: "deploy",
      skip_tags: "slow",
      verbosity: 2,
      verbosity_name: "More Verbose",
      variables: "version: 9",
      become_enabled: 1,
      become_enabled_name: "是",
      diff_mode: 1,
      diff_mode_name: "是",
      force_handlers: 0,
      force_handlers_name: "否",
      start_at_task: "restart",
      timeout: 600,
      ask_inventory_on_launch: false,
      ask_credential_on_launch: false,
      ask_job_type_on_launch: false,
      ask_forks_on_launch: false,
      ask_limit_on_launch: false,
      ask_tags_on_launch: false,
      ask_skip_tags_on_launch: false,
      ask_verbosity_on_launch: false,
      ask_variables_on_launch: false,
      ask_diff_mode_on_launch: false,
      ctime: expect.any(Number),
      last_job: null,
      last_job_state: null,
      last_job_time: null,
      allow_simultaneous: true,
      max_concurrent_jobs: 0,
    });
  });

  it("creates from a form and from multipart; only name is required", async () => {
    const form = await api("POST", "/api/job/template/", {
      form: { name: "f", project: String(refs.project), inventory: "", forks: "3", become_enabled: "1" },
    });
    expect(form.status).toBe(201);
    expect(form.body).toMatchObject({
      name: "f",
      project: refs.project,
      project_name: "测试tomcat",
      inventory: null,
      inventory_name: null,
      forks: 3,
      become_enabled: 1,
    });
    const multi = await api("POST", "/api/job/template/", {
      multipart: [
        ["name", "m"],
        ["credential", String(refs.credential)],
        ["verbosity", "1"],
      ],
    });
    expect(multi.status).toBe(201);
    expect(multi.body).toMatchObject({ name: "m", credential_name: "deploy key", verbosity: 1, job_type: "run", playbook: "", project: null });
  });

  it("refuses bad input with DRF's messages and writes nothing", async () => {
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ name: undefined }, { name: ["该字段是必填项。"] }],
      [{ project: 99999 }, { project: ["无效主键 “99999” － 对象不存在。"] }],
      [{ inventory: "abc" }, { inventory: ["类型错误。期望为主键，获得的类型为 str。"] }],
      [
        { credential: 99999, inventory: 88888 },
        { inventory: ["无效主键 “88888” － 对象不存在。"], credential: ["无效主键 “99999” － 对象不存在。"] },
      ],
      [{ playbook: "../etc/passwd.yml" }, { playbook: ["playbook 必须是项目内的相对路径，不能以 / 开头或包含 ..。"] }],
      [{ playbook: "/abs.yml" }, { playbook: ["playbook 必须是项目内的相对路径，不能以 / 开头或包含 ..。"] }],
      [{ variables: "- a" }, { variables: ["必须是 YAML 或 JSON 格式的字典（mapping）。"] }],
      [{ forks: 201 }, { forks: ["请确保该值小于或者等于 200。"] }],
      [{ forks: "x" }, { forks: ["请填写合法的整数值。"] }],
      [{ verbosity: 5 }, { verbosity: ["“5” 不是合法选项。"] }],
      [{ job_type: "bogus" }, { job_type: ["“bogus” 不是合法选项。"] }],
      [{ become_enabled: "maybe" }, { become_enabled: ["“maybe” 不是合法选项。"] }],
      [{ limit: "@hosts.txt" }, { limit: ["limit 不能包含 @（不允许从文件读取主机）。"] }],
      [{ tags: "t".repeat(1025) }, { tags: ["请确保这个字段不能超过 1024 个字符。"] }],
      [{ timeout: -1 }, { timeout: ["请确保该值大于或者等于 0。"] }],
      [{ timeout: 2_592_001 }, { timeout: ["请确保该值小于或者等于 2592000。"] }],
      [{ timeout: "soon" }, { timeout: ["请填写合法的整数值。"] }],
    ];
    for (const [change, errors] of cases) {
      const r = await api("POST", "/api/job/template/", { json: { ...full(), ...change } });
      expect(r.status, JSON.stringify(change).slice(0, 60)).toBe(400);
      expect(r.body).toEqual(errors);
    }
    expect(await count()).toBe(0);
  });
});

describe("GET /api/job/template/", () => {
  beforeEach(async () => {
    await api("POST", "/api/job/template/", { json: { name: "alpha", project: refs.project } });
    await api("POST", "/api/job/template/", { json: { name: "beta", description: "nightly BACKUP", inventory: refs.inventory } });
    await api("POST", "/api/job/template/", { json: { name: "gamma", project: refs.project, credential: refs.credential } });
  });

  it("pages, filters by name, reference and search, and orders", async () => {
    const first = await api("GET", "/api/job/template/?limit=2&project=" + refs.project);
    expect(first.body).toMatchObject({ count: 2, next: null, previous: null });
    expect(first.body.results.map((t: { name: string }) => t.name)).toEqual(["gamma", "alpha"]);
    const page = await api("GET", "/api/job/template/?limit=1&offset=1");
    expect(page.body).toMatchObject({
      count: 3,
      next: "http://testserver/api/job/template/?limit=1&offset=2",
      previous: "http://testserver/api/job/template/?limit=1",
    });
    expect((await api("GET", "/api/job/template/?name=beta")).body.results[0].inventory_name).toBe("web servers");
    expect((await api("GET", "/api/job/template/?search=backup")).body.results.map((t: { name: string }) => t.name)).toEqual(["beta"]);
    expect((await api("GET", "/api/job/template/?credential=" + refs.credential)).body.count).toBe(1);
    const bad = await api("GET", "/api/job/template/?inventory=abc");
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ inventory: ["选择一个有效的选项： 该选择不在可用的选项中。"] });
    const names = async (q: string) => (await api("GET", `/api/job/template/?ordering=${q}`)).body.results.map((t: { name: string }) => t.name);
    expect(await names("name")).toEqual(["alpha", "beta", "gamma"]);
    // as in PostgreSQL (and so Django): nulls sort last ascending, first descending
    expect(await names("project_name,name")).toEqual(["alpha", "gamma", "beta"]);
    expect(await names("-project_name,name")).toEqual(["beta", "alpha", "gamma"]);
  });
});

describe("last_job: each template's newest job", () => {
  const row = async (id: number, query = "") => {
    const r = await api("GET", `/api/job/template/?ordering=name${query}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return (r.body.results as { id: number }[]).find((t) => t.id === id);
  };

  it("is the newer of two launches, on the list and the detail; null without jobs; a deleted one hands back", async () => {
    const t = (await api("POST", "/api/job/template/", { json: { ...full(), name: "a 有作业" } })).body;
    const idle = (await api("POST", "/api/job/template/", { json: { ...full(), name: "b 没有作业" } })).body;
    expect(await row(t.id)).toMatchObject({ last_job: null, last_job_state: null, last_job_time: null });

    const first = (await api("POST", `/api/job/template/${t.id}/launch/`)).body;
    const second = await api("POST", "/api/job/job/", {
      json: { template: t.id, state: "failed", start_time: 1_700_000_000, finish_time: 1_700_000_090 },
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.id).toBeGreaterThan(first.id);
    const newest = { last_job: second.body.id, last_job_state: "failed", last_job_time: 1_700_000_090 };
    expect(await row(t.id)).toMatchObject(newest);
    expect((await api("GET", `/api/job/template/${t.id}/`)).body).toMatchObject(newest);
    expect(await row(idle.id)).toMatchObject({ last_job: null, last_job_state: null, last_job_time: null });
    expect((await api("GET", `/api/job/template/${idle.id}/`)).body).toMatchObject({ last_job: null });
    // each row of a page, wherever the page starts
    expect((await api("GET", "/api/job/template/?ordering=name&limit=1&offset=1")).body.results).toEqual([await row(idle.id)]);
    expect((await api("GET", "/api/job/template/?ordering=name&limit=1")).body.results[0]).toMatchObject(newest);

    expect((await api("DELETE", `/api/job/job/${second.body.id}/`)).status).toBe(204);
    // not started: the time it was created
    expect(await row(t.id)).toMatchObject({ last_job: first.id, last_job_state: "new", last_job_time: first.ctime });
    expect((await api("DELETE", `/api/job/job/${first.id}/`)).status).toBe(204);
    expect(await row(t.id)).toMatchObject({ last_job: null, last_job_state: null, last_job_time: null });
  });

  it("is read-only", async () => {
    const t = (await api("POST", "/api/job/template/", { json: { ...full(), last_job: 5, last_job_state: "failed", last_job_time: 9 } })).body;
    expect(t).toMatchObject({ last_job: null, last_job_state: null, last_job_time: null });
    const patched = await api("PATCH", `/api/job/template/${t.id}/`, { json: { last_job: 5, last_job_state: "failed" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ last_job: null, last_job_state: null });
  });
});

describe("/api/job/template/<id>/", () => {
  it("gets, replaces, patches and deletes; names follow renames and deletions", async () => {
    const created = (await api("POST", "/api/job/template/", { json: full() })).body;
    expect((await api("GET", `/api/job/template/${created.id}/`)).body).toEqual(created);

    await api("PATCH", `/api/job/project/${refs.project}/`, { json: { name: "改名的项目" } });
    await api("DELETE", `/api/job/inventory/${refs.inventory}/`);
    const renamed = (await api("GET", `/api/job/template/${created.id}/`)).body;
    expect(renamed).toMatchObject({ project_name: "改名的项目", inventory: refs.inventory, inventory_name: null });

    const put = await api("PUT", `/api/job/template/${created.id}/`, { json: { name: "t2", inventory: null, forks: 0 } });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ ...renamed, name: "t2", inventory: null, forks: 0 });
    expect((await api("PUT", `/api/job/template/${created.id}/`, { json: { forks: 1 } })).body).toEqual({ name: ["该字段是必填项。"] });

    const patch = await api("PATCH", `/api/job/template/${created.id}/`, { form: { playbook: "main.yml", diff_mode: "0" } });
    expect(patch.body).toMatchObject({ name: "t2", playbook: "main.yml", diff_mode: 0, diff_mode_name: "否" });
    const bad = await api("PATCH", `/api/job/template/${created.id}/`, { json: { project: 4242, name: "t3" } });
    expect(bad.body).toEqual({ project: ["无效主键 “4242” － 对象不存在。"] });
    expect((await api("GET", `/api/job/template/${created.id}/`)).body).toEqual(patch.body);

    expect((await api("DELETE", `/api/job/template/${created.id}/`)).status).toBe(204);
    expect((await api("GET", `/api/job/template/${created.id}/`)).body).toEqual({ detail: "未找到。" });
    expect((await api("PUT", `/api/job/template/${created.id}/`, { json: { name: "x" } })).status).toBe(404);
  });
});

describe("POST /api/job/template/<id>/launch/", () => {
  it("creates a job that takes the template's options and names", async () => {
    const t = (await api("POST", "/api/job/template/", { json: full() })).body;
    const r = await api("POST", `/api/job/template/${t.id}/launch/`);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      template: t.id,
      template_name: "部署 tomcat",
      project: refs.project,
      project_name: "测试tomcat",
      inventory: refs.inventory,
      inventory_name: "web servers",
      credential: refs.credential,
      credential_name: "deploy key",
      playbook: "sub/deploy.yml",
      job_type: "check",
      forks: 5,
      limit: "web",
      tags: "deploy",
      skip_tags: "slow",
      verbosity: 2,
      variables: "version: 9",
      become_enabled: 1,
      diff_mode: 1,
      force_handlers: 0,
      start_at_task: "restart",
      timeout: 600,
      explanation: "",
      canceled_by: null,
      kind: "job",
      state: "new",
      job: null,
      schedule: null,
      user: "管理员",
      ignored_fields: {},
    });
    const { ignored_fields: _, ...job } = r.body;
    expect((await api("GET", `/api/job/job/${r.body.id}/`)).body).toEqual(job);
  });

  it("lets the body override what the template asks for, in JSON or a form; the rest is ignored", async () => {
    const asks = { ask_limit_on_launch: true, ask_forks_on_launch: true, ask_verbosity_on_launch: true, ask_job_type_on_launch: true };
    const t = (await api("POST", "/api/job/template/", { json: { ...full(), ...asks } })).body;
    const json = await api("POST", `/api/job/template/${t.id}/launch/`, { json: { limit: "web01", forks: 10, playbook: "main.yml", template: 999 } });
    expect(json.status).toBe(201);
    expect(json.body).toMatchObject({ template: t.id, limit: "web01", forks: 10, playbook: "sub/deploy.yml", tags: "deploy" });
    expect(json.body.ignored_fields).toEqual({ playbook: "main.yml", template: 999 });
    const form = await api("POST", `/api/job/template/${t.id}/launch`, { form: { verbosity: "0", job_type: "run" } });
    expect(form.status).toBe(201);
    expect(form.body).toMatchObject({ verbosity: 0, verbosity_name: "Normal", job_type: "run", limit: "web", ignored_fields: {} });
    expect((await api("GET", "/api/job/job/?template=" + t.id)).body.count).toBe(2);
  });

  it("refuses a launch the template cannot make, and unknown templates", async () => {
    const bare = (
      await api("POST", "/api/job/template/", { json: { name: "bare", project: refs.project, playbook: "missing.yml", ask_forks_on_launch: true } })
    ).body;
    const r = await api("POST", `/api/job/template/${bare.id}/launch/`, { json: {} });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      playbook: ["项目中不存在 playbook “missing.yml”。"],
      credential: ["该字段是必填项。"],
      inventory: ["需要主机清单或主机列表（inventory_str）。"],
    });
    const bad = await api("POST", `/api/job/template/${bare.id}/launch/`, { json: { forks: 999 } });
    expect(bad.body.forks).toEqual(["请确保该值小于或者等于 200。"]);
    expect((await api("GET", "/api/job/job/")).body.count).toBe(0);

    const missing = await api("POST", "/api/job/template/777/launch/", { json: {} });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: "未找到。" });
    const put = await api("PUT", `/api/job/template/${bare.id}/launch/`, { json: {} });
    expect(put.status).toBe(405);
    expect(put.body).toEqual({ detail: "方法 “PUT” 不被允许。" });
  });

  it("deleting the template leaves its jobs as they were", async () => {
    const t = (await api("POST", "/api/job/template/", { json: full() })).body;
    const { ignored_fields: _, ...job } = (await api("POST", `/api/job/template/${t.id}/launch/`)).body;
    expect((await api("DELETE", `/api/job/template/${t.id}/`)).status).toBe(204);
    expect((await api("DELETE", `/api/job/project/${refs.project}/`)).status).toBe(204);
    const after = await api("GET", `/api/job/job/${job.id}/`);
    expect(after.body).toEqual(job);
    expect((await api("POST", `/api/job/template/${t.id}/launch/`)).status).toBe(404);
  });
});
