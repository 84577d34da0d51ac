import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { api, resetDb } from "../api";
import { makeProjectDir, PLAYBOOK, projectsRoot } from "../project-folders";

const count = async () => (await api("GET", "/api/job/project/")).body.count as number;

beforeEach(async () => {
  await resetDb();
  makeProjectDir("demo", { "site.yml": PLAYBOOK });
});

describe("POST /api/job/project/", () => {
  it("creates a manual project from JSON and scans its playbooks", async () => {
    makeProjectDir("scan", {
      "site.yml": PLAYBOOK,
      "sub/deploy.yaml": "- import_playbook: ../site.yml\n",
      "a/b/c/deep.yml": PLAYBOOK,
      "a/b/c/d/too-deep.yml": PLAYBOOK,
      "tasks/main.yml": "- name: a task\n  ansible.builtin.ping:\n",
      "roles/web/tasks/main.yml": PLAYBOOK,
      "group_vars/all.yml": PLAYBOOK,
      "host_vars/h1.yml": PLAYBOOK,
      "node_modules/x/play.yml": PLAYBOOK,
      ".hidden/play.yml": PLAYBOOK,
      "vars.yml": "http_port: 80\n",
      "broken.yml": "- hosts: all\n  tasks: [\n",
      "notes.txt": PLAYBOOK,
    });
    const r = await api("POST", "/api/job/project/", {
      json: { name: " 演示项目 ", description: "d", local_path: "scan", scm_branch: "main", id: 99, playbooks: ["x.yml"], ctime: 1 },
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      id: 1,
      name: "演示项目",
      description: "d",
      scm_type: "manual",
      scm_url: "",
      scm_branch: "main",
      local_path: "scan",
      playbooks: ["a/b/c/deep.yml", "site.yml", "sub/deploy.yaml"],
      scm_revision: "",
      sync_error: "",
      ctime: expect.any(Number),
    });
    expect(Math.abs(r.body.ctime - Date.now() / 1000)).toBeLessThan(60);
  });

  it("creates from a form and from multipart", async () => {
    const form = await api("POST", "/api/job/project/", { form: { name: "f", local_path: "demo/", scm_type: "manual" } });
    expect(form.status).toBe(201);
    expect(form.body).toMatchObject({ name: "f", local_path: "demo", playbooks: ["site.yml"] });
    const multi = await api("POST", "/api/job/project/", {
      multipart: [
        ["name", "m"],
        ["local_path", "demo"],
        ["description", "多部分"],
      ],
    });
    expect(multi.status).toBe(201);
    expect(multi.body).toMatchObject({ name: "m", description: "多部分", playbooks: ["site.yml"] });
  });

  it("creates a git project with no folder and no playbooks yet", async () => {
    // (URL forms are checked by isScmUrl's unit test; here only local URLs, so no test reaches the network)
    for (const url of ["file:///srv/repo.git", "file:///nonexistent/ops/p.git"]) {
      const r = await api("POST", "/api/job/project/", { json: { name: url, scm_type: "git", scm_url: url, local_path: "demo" } });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ scm_type: "git", scm_url: url, local_path: "", playbooks: [], scm_revision: "" });
      expect(r.body.sync_error).toContain("git clone");
    }
  });

  it("refuses bad input with DRF's messages and writes nothing", async () => {
    const cases: [unknown, Record<string, string[]>][] = [
      [{ local_path: "demo" }, { name: ["该字段是必填项。"] }],
      [{ name: "", local_path: "demo" }, { name: ["该字段不能为空。"] }],
      [{ name: null, local_path: "demo" }, { name: ["该字段不能为 null。"] }],
      [{ name: "x".repeat(513), local_path: "demo" }, { name: ["请确保这个字段不能超过 512 个字符。"] }],
      [{ name: "p", scm_type: "svn" }, { scm_type: ["“svn” 不是合法选项。"] }],
      [{ name: "p", scm_type: "git" }, { scm_url: ["该字段是必填项。"] }],
      [{ name: "p", scm_type: "git", scm_url: "not a url" }, { scm_url: ["请输入合法的仓库地址：http(s)://、ssh://、git://、git@主机:路径 或 file://。"] }],
      [{ name: "p" }, { local_path: ["该字段是必填项。"] }],
      [{ name: "p", local_path: "../etc" }, { local_path: ["local_path 必须是项目根目录下的相对路径，不能以 / 开头或包含 ..。"] }],
      [{ name: "p", local_path: "demo/../../x" }, { local_path: ["local_path 必须是项目根目录下的相对路径，不能以 / 开头或包含 ..。"] }],
      [{ name: "p", local_path: "/etc" }, { local_path: ["local_path 必须是项目根目录下的相对路径，不能以 / 开头或包含 ..。"] }],
      [{ name: "p", local_path: "nope" }, { local_path: ["项目根目录下没有目录 “nope”。"] }],
      [{ name: "p", local_path: "demo/site.yml" }, { local_path: ["项目根目录下没有目录 “demo/site.yml”。"] }],
      [
        { name: "", scm_type: "bogus", local_path: "/" },
        { name: ["该字段不能为空。"], scm_type: ["“bogus” 不是合法选项。"], local_path: ["local_path 必须是项目根目录下的相对路径，不能以 / 开头或包含 ..。"] },
      ],
      [[1, 2], { non_field_errors: ["无效数据。期待为字典类型，得到的是 list 。"] }],
    ];
    for (const [json, errors] of cases) {
      const r = await api("POST", "/api/job/project/", { json });
      expect(r.status, JSON.stringify(json)).toBe(400);
      expect(r.body).toEqual(errors);
    }
    expect(await count()).toBe(0);
  });

  it("refuses a symlink that leads out of the projects root", async () => {
    const outside = fs.mkdtempSync(path.join(process.env.DATA_DIR!, "outside-"));
    fs.writeFileSync(path.join(outside, "site.yml"), PLAYBOOK);
    fs.symlinkSync(outside, path.join(projectsRoot(), "escape"));
    const r = await api("POST", "/api/job/project/", { json: { name: "p", local_path: "escape" } });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ local_path: ["项目根目录下没有目录 “escape”。"] });
  });

  it("answers 415 and 400 for bodies it cannot read", async () => {
    const r = await api("POST", "/api/job/project/", { raw: { contentType: "text/plain", body: "x" } });
    expect(r.status).toBe(415);
    expect(r.body).toEqual({ detail: "不支持请求中的媒体类型 “text/plain”。" });
    const bad = await api("POST", "/api/job/project/", { raw: { contentType: "application/json", body: "{" } });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/^JSON 解析错误 - /);
  });
});

describe("GET /api/job/project/", () => {
  beforeEach(async () => {
    for (const [name, description] of [
      ["alpha", "web servers"],
      ["beta", "数据库"],
      ["gamma", "Web proxies"],
    ]) {
      const r = await api("POST", "/api/job/project/", { json: { name, description, local_path: "demo" } });
      expect(r.status).toBe(201);
    }
  });

  it("pages with DRF's envelope, newest first", async () => {
    const first = await api("GET", "/api/job/project/?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.count).toBe(3);
    expect(first.body.next).toBe("http://testserver/api/job/project/?limit=2&offset=2");
    expect(first.body.previous).toBeNull();
    expect(first.body.results.map((p: { name: string }) => p.name)).toEqual(["gamma", "beta"]);
    const second = await api("GET", first.body.next);
    expect(second.body.next).toBeNull();
    expect(second.body.previous).toBe("http://testserver/api/job/project/?limit=2");
    expect(second.body.results.map((p: { name: string }) => p.name)).toEqual(["alpha"]);
  });

  it("filters by exact name and searches name and description", async () => {
    const byName = await api("GET", "/api/job/project/?name=beta");
    expect(byName.body.results.map((p: { name: string }) => p.name)).toEqual(["beta"]);
    expect((await api("GET", "/api/job/project/?name=bet")).body.count).toBe(0);
    expect((await api("GET", "/api/job/project/?name=")).body.count).toBe(3);
    const search = await api("GET", "/api/job/project/?search=WEB");
    expect(search.body.results.map((p: { name: string }) => p.name)).toEqual(["gamma", "alpha"]);
    expect((await api("GET", "/api/job/project/?search=数据")).body.results[0].name).toBe("beta");
    expect((await api("GET", "/api/job/project/?search=web%20proxies")).body.count).toBe(1);
    expect((await api("GET", "/api/job/project/?search=100%25")).body.count).toBe(0);
  });

  it("orders by record fields, ignoring unknown ones", async () => {
    const names = async (q: string) => (await api("GET", `/api/job/project/?ordering=${q}`)).body.results.map((p: { name: string }) => p.name);
    expect(await names("name")).toEqual(["alpha", "beta", "gamma"]);
    expect(await names("-name")).toEqual(["gamma", "beta", "alpha"]);
    expect(await names("bogus,id")).toEqual(["alpha", "beta", "gamma"]);
    expect(await names("bogus")).toEqual(["gamma", "beta", "alpha"]);
    expect(await names("description")).toEqual(["gamma", "alpha", "beta"]);
  });
});

describe("/api/job/project/<id>/", () => {
  it("gets, replaces, patches and deletes", async () => {
    const created = (await api("POST", "/api/job/project/", { json: { name: "p", local_path: "demo" } })).body;
    expect((await api("GET", `/api/job/project/${created.id}/`)).body).toEqual(created);
    expect((await api("GET", `/api/job/project/${created.id}`)).status).toBe(200);

    const put = await api("PUT", `/api/job/project/${created.id}/`, { json: { name: "p2", description: "换了" } });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ ...created, name: "p2", description: "换了" });

    const putMissing = await api("PUT", `/api/job/project/${created.id}/`, { json: { description: "x" } });
    expect(putMissing.status).toBe(400);
    expect(putMissing.body).toEqual({ name: ["该字段是必填项。"] });

    fs.writeFileSync(path.join(projectsRoot(), "demo", "new.yml"), PLAYBOOK);
    const patch = await api("PATCH", `/api/job/project/${created.id}/`, { form: { description: "rescanned" } });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ name: "p2", description: "rescanned", playbooks: ["new.yml", "site.yml"] });

    const badPatch = await api("PATCH", `/api/job/project/${created.id}/`, { json: { local_path: "../demo", name: "" } });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body).toEqual({ name: ["该字段不能为空。"], local_path: ["local_path 必须是项目根目录下的相对路径，不能以 / 开头或包含 ..。"] });
    expect((await api("GET", `/api/job/project/${created.id}/`)).body).toEqual(patch.body);

    const toGit = await api("PATCH", `/api/job/project/${created.id}/`, { json: { scm_type: "git", scm_url: "file:///nonexistent/r.git" } });
    expect(toGit.body).toMatchObject({ scm_type: "git", local_path: "", playbooks: [] });
    const backToManual = await api("PATCH", `/api/job/project/${created.id}/`, { json: { scm_type: "manual" } });
    expect(backToManual.status).toBe(400);
    expect(backToManual.body).toEqual({ local_path: ["该字段是必填项。"] });

    const del = await api("DELETE", `/api/job/project/${created.id}/`);
    expect(del.status).toBe(204);
    expect(del.text).toBe("");
    expect((await api("GET", `/api/job/project/${created.id}/`)).status).toBe(404);
  });

  it("answers 404 for unknown ids and 405 for other methods", async () => {
    for (const [method, opts] of [
      ["GET", {}],
      ["PUT", { json: { name: "x" } }],
      ["PATCH", { json: {} }],
      ["DELETE", {}],
    ] as const) {
      const r = await api(method, "/api/job/project/12345/", opts);
      expect(r.status, method).toBe(404);
      expect(r.body).toEqual({ detail: "未找到。" });
    }
    expect((await api("GET", "/api/job/project/abc/")).status).toBe(404);
    const post = await api("POST", "/api/job/project/1/", { json: {} });
    expect(post.status).toBe(405);
    expect(post.body).toEqual({ detail: "方法 “POST” 不被允许。" });
    const del = await api("DELETE", "/api/job/project/");
    expect(del.status).toBe(405);
    expect(del.body).toEqual({ detail: "方法 “DELETE” 不被允许。" });
  });
});
