import { beforeEach, describe, expect, it } from "vitest";
import { api, resetDb } from "../api";

const count = async () => (await api("GET", "/api/job/inventory/")).body.count as number;

const INI = "[web]\nweb[01:02].example.com ansible_user=deploy\n\n[db]\ndb1.example.com:5432\n\n[all:vars]\nntp=time.example.com\n";
const YAML = "all:\n  hosts:\n    jump.example.com:\n  children:\n    web:\n      hosts:\n        web[1:3]:\n";

beforeEach(resetDb);

describe("POST /api/job/inventory/", () => {
  it("creates from JSON and lists the hosts of INI content", async () => {
    const r = await api("POST", "/api/job/inventory/", { json: { name: "测试清单", description: "d", content: INI, variables: "a: 1", hosts: ["x"] } });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      id: 1,
      name: "测试清单",
      description: "d",
      content: INI.trim(),
      variables: "a: 1",
      hosts: ["web01.example.com", "web02.example.com", "db1.example.com"],
      ctime: expect.any(Number),
      max_concurrent_jobs: 0,
    });
  });

  it("creates from a form and from multipart, with YAML content", async () => {
    const form = await api("POST", "/api/job/inventory/", { form: { name: "f", content: YAML } });
    expect(form.status).toBe(201);
    expect(form.body).toMatchObject({ name: "f", hosts: ["jump.example.com", "web1", "web2", "web3"], variables: "" });
    const multi = await api("POST", "/api/job/inventory/", {
      multipart: [
        ["name", "m"],
        ["content", '{"all": {"hosts": {"10.0.0.1": {}}}}'],
        ["variables", '{"x": 1}'],
      ],
    });
    expect(multi.status).toBe(201);
    expect(multi.body).toMatchObject({ name: "m", hosts: ["10.0.0.1"], variables: '{"x": 1}' });
    const empty = await api("POST", "/api/job/inventory/", { json: { name: "empty" } });
    expect(empty.body).toMatchObject({ content: "", variables: "", hosts: [] });
  });

  it("refuses bad input and writes nothing", async () => {
    const cases: [unknown, Record<string, string[]>][] = [
      [{}, { name: ["该字段是必填项。"] }],
      [{ name: "   " }, { name: ["该字段不能为空。"] }],
      [{ name: "n".repeat(513) }, { name: ["请确保这个字段不能超过 512 个字符。"] }],
      [{ name: "i", variables: "- a\n- b" }, { variables: ["必须是 YAML 或 JSON 格式的字典（mapping）。"] }],
      [{ name: "i", variables: ["a"] }, { variables: ["不是有效的字符串。"] }],
      [{ name: "i", content: "[web]\nweb1 oops" }, { content: ["无效的 INI 主机清单：第 2 行：主机变量应写作 key=value，得到 “oops”。"] }],
      [
        { name: "i", content: "[web:bogus]\nh" },
        { content: ["无效的 INI 主机清单：第 1 行：节 [web:bogus] 的类型 “bogus” 未知（只能是 vars 或 children）。"] },
      ],
      [{ name: "i", content: "all:\n  hosts:\n    - a\n" }, { content: ["无效的 YAML 主机清单：组 “all” 的 “hosts” 必须是字典（mapping），得到的是 list。"] }],
      [{ name: "i", content: "x".repeat(262145) }, { content: ["请确保这个字段不能超过 262144 个字符。"] }],
    ];
    for (const [json, errors] of cases) {
      const r = await api("POST", "/api/job/inventory/", { json });
      expect(r.status, JSON.stringify(json).slice(0, 80)).toBe(400);
      expect(r.body).toEqual(errors);
    }
    const broken = await api("POST", "/api/job/inventory/", { json: { name: "i", content: "all:\n  hosts: [a, b\n  vars:\n" } });
    expect(broken.status).toBe(400);
    expect(broken.body.content[0]).toMatch(/^无效的 YAML 主机清单：/);
    expect(await count()).toBe(0);
  });
});

describe("GET /api/job/inventory/", () => {
  beforeEach(async () => {
    for (const [name, description] of [
      ["prod", "生产环境"],
      ["staging", "pre-PROD mirror"],
      ["dev", "laptops"],
    ]) {
      expect((await api("POST", "/api/job/inventory/", { json: { name, description } })).status).toBe(201);
    }
  });

  it("pages, filters, searches and orders", async () => {
    const page = await api("GET", "/api/job/inventory/?limit=1&offset=1&search=prod");
    expect(page.body).toMatchObject({
      count: 2,
      next: null,
      previous: "http://testserver/api/job/inventory/?limit=1&search=prod",
    });
    expect(page.body.results.map((i: { name: string }) => i.name)).toEqual(["prod"]);
    expect((await api("GET", "/api/job/inventory/?name=dev")).body.results.map((i: { id: number }) => i.id)).toEqual([3]);
    expect((await api("GET", "/api/job/inventory/?name=%20dev%20")).body.count).toBe(1);
    const names = async (q: string) => (await api("GET", `/api/job/inventory/?ordering=${q}`)).body.results.map((i: { name: string }) => i.name);
    expect(await names("name")).toEqual(["dev", "prod", "staging"]);
    expect(await names("-ctime")).toEqual(["dev", "staging", "prod"]);
    expect(await names("hosts")).toEqual(["dev", "staging", "prod"]);
    const first = await api("GET", "/api/job/inventory/?limit=2&ordering=name");
    expect(first.body.next).toBe("http://testserver/api/job/inventory/?limit=2&offset=2&ordering=name");
  });
});

describe("/api/job/inventory/<id>/", () => {
  it("gets, replaces, patches and deletes; hosts follow the content", async () => {
    const created = (await api("POST", "/api/job/inventory/", { json: { name: "i", content: INI } })).body;
    expect((await api("GET", `/api/job/inventory/${created.id}/`)).body).toEqual(created);

    const put = await api("PUT", `/api/job/inventory/${created.id}/`, { json: { name: "i2", content: YAML } });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ ...created, name: "i2", content: YAML.trim(), hosts: ["jump.example.com", "web1", "web2", "web3"] });

    expect((await api("PUT", `/api/job/inventory/${created.id}/`, { json: { content: "" } })).body).toEqual({ name: ["该字段是必填项。"] });

    const patch = await api("PATCH", `/api/job/inventory/${created.id}/`, { form: { content: "a\nb" } });
    expect(patch.body).toMatchObject({ name: "i2", content: "a\nb", hosts: ["a", "b"] });

    const bad = await api("PATCH", `/api/job/inventory/${created.id}/`, { json: { content: "[x]\nh k", variables: "[1]" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body).sort()).toEqual(["content", "variables"]);
    expect((await api("GET", `/api/job/inventory/${created.id}/`)).body).toEqual(patch.body);

    expect((await api("DELETE", `/api/job/inventory/${created.id}/`)).status).toBe(204);
    expect((await api("GET", `/api/job/inventory/${created.id}/`)).body).toEqual({ detail: "未找到。" });
    expect((await api("DELETE", `/api/job/inventory/${created.id}/`)).status).toBe(404);
    expect((await api("PATCH", "/api/job/inventory/999/", { json: { name: "x" } })).status).toBe(404);
    expect((await api("POST", "/api/job/inventory/1/", { json: {} })).status).toBe(405);
  });
});
