import { beforeEach, describe, expect, it } from "vitest";
import { api, resetDb } from "../api";
import { dbSnapshot, importBody, jobCount, makeCatalog } from "../fixtures";

beforeEach(resetDb);

const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
const TOO_DEEP = { detail: "JSON 解析错误 - 嵌套超过 100 层。" };

describe("bad input is a 400, never a 500", () => {
  it("refuses deeply nested JSON, as the body or inside a field, and changes nothing", async () => {
    const c = await makeCatalog();
    const job = (await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping" }) })).body;
    const before = await dbSnapshot();
    const bodies = [
      deep(10_000),
      `{"job_type": ${deep(10_000)}}`,
      `{"verbosity": ${deep(5_000)}}`,
      `{"state": ${deep(100_000)}}`,
      `{"a": ${'{"a": '.repeat(10_000)}1${"}".repeat(10_000)}}`,
    ];
    const calls: [string, string][] = [
      ["POST", "/api/job/job/"],
      ["PATCH", `/api/job/job/${job.id}/`],
      ["DELETE", "/api/job/job/"],
      ["POST", `/api/job/template/${c.template.id}/launch/`],
      ["POST", `/api/job/job/${job.id}/relaunch/`],
      ["POST", "/api/job/project/"],
      ["PATCH", `/api/job/schedule/${c.schedule.id}/`],
    ];
    for (const body of bodies) {
      for (const [method, path] of calls) {
        const r = await api(method, path, { raw: { contentType: "application/json", body } });
        expect(r.status, `${method} ${path} ${body.slice(0, 20)}`).toBe(400);
        expect(r.body).toEqual(TOO_DEEP);
      }
    }
    expect(await dbSnapshot()).toEqual(before);
  }, 60_000);

  it("still reads JSON nested as deep as any real body", async () => {
    const r = await api("POST", "/api/job/job/", { raw: { contentType: "application/json", body: `{"job_type": ${deep(99)}}` } });
    expect(r.status).toBe(400);
    expect(r.body.job_type[0]).toMatch(/不是合法选项。$/);
  }, 60_000);

  it("caps a bulk delete at 10,000 ids with a clear message, deleting nothing", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping" }) })).body.id);
    const many = [...ids, ...Array.from({ length: 69_997 }, (_, i) => 1_000_000 + i)];
    for (const opts of [{ json: { "pk[]": many } }, { json: { pk: many.join(",") } }, { form: many.map((id) => ["pk[]", String(id)] as [string, string]) }]) {
      const r = await api("DELETE", "/api/job/job/", opts);
      expect(r.status).toBe(400);
      expect(r.body).toEqual({ pk: ["一次最多删除 10000 个作业，收到 70000 个。"] });
      expect(await jobCount()).toBe(3);
    }
    // repeated ids count once; 10,000 distinct ids are allowed
    const atCap = [...ids, ...ids, ...Array.from({ length: 9_997 }, (_, i) => 1_000_000 + i)];
    const ok = await api("DELETE", "/api/job/job/", { json: { "pk[]": atCap } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(204);
    expect(await jobCount()).toBe(0);
  }, 60_000);

  it("quotes at most 200 characters of a bad value", async () => {
    const long = "bogus".repeat(2_000);
    const cut = `${long.slice(0, 200)}…`;
    const choice = await api("POST", "/api/job/job/", { json: importBody({ job_type: long, verbosity: long }) });
    expect(choice.status).toBe(400);
    expect(choice.body.job_type).toEqual([`“${cut}” 不是合法选项。`]);
    expect(choice.body.verbosity).toEqual([`“${cut}” 不是合法选项。`]);
    const filter = await api("GET", `/api/job/job/?state=${long}`);
    expect(filter.status).toBe(400);
    expect(filter.body.state).toEqual([`选择一个有效的选项。 ${cut} 不在可用的选项中。`]);
    const media = await api("POST", "/api/job/job/", { raw: { contentType: `text/${long}`, body: "x" } });
    expect(media.status).toBe(415);
    expect(media.body.detail.length).toBeLessThan(250);
    const c = await makeCatalog();
    const playbook = `${"p".repeat(1000)}.yml`;
    const missing = await api("POST", "/api/job/job/", { json: { template: c.template.id, playbook } });
    expect(missing.body.playbook).toEqual([`项目中不存在 playbook “${playbook.slice(0, 200)}…”。`]);
    const zone = await api("PATCH", `/api/job/schedule/${c.schedule.id}/`, { json: { timezone: "Z".repeat(64) } });
    expect(zone.body.timezone[0].length).toBeLessThan(120);
    for (const r of [choice, filter, media, missing, zone]) expect(r.text.length).toBeLessThan(1000);
  }, 60_000);
});
