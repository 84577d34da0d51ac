import { beforeEach, describe, expect, it } from "vitest";
import { api, resetDb } from "../api";
import { importBody, setState } from "../fixtures";
import { insertLines, insertManyLines } from "../output-fixtures";

beforeEach(resetDb);

const E = "\x1b";
const LINES = [
  "PLAY [all] *****",
  "TASK [Gathering Facts] *****",
  `${E}[0;32mok: [web1] ${E}]0;title\x07${E}[1mdone${E}[0m`,
  "ok: [web10]",
  `${E}[0;31mfatal: [db_1.example]: FAILED! => {"msg": "100% _done_"}${E}[0m`,
  "ok: [web1 -> localhost]",
  "web1 | CHANGED | rc=0 >>",
  "PLAY RECAP *****",
  "web1                       : ok=2    changed=1",
  "db_1.example               : ok=0    failed=1",
  "progress 100 percent, no underscore",
];

async function job() {
  const r = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping" }) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  await insertLines(r.body.id, LINES);
  return r.body.id as number;
}

const numbers = (body: { lines: [number, string][] }) => body.lines.map(([n]) => n);

describe("GET /api/job/job/<id>/lines/", () => {
  it("answers stored lines with their numbers and raw text, the total and the job's state", async () => {
    const id = await job();
    const r = await api("GET", `/api/job/job/${id}/lines/`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ total: 11, state: "successful", lines: LINES.map((t, i) => [i + 1, t]), next: null });
    const page = await api("GET", `/api/job/job/${id}/lines?start=3&limit=2`);
    expect(page.body).toEqual({
      total: 11,
      state: "successful",
      lines: [
        [3, LINES[2]],
        [4, LINES[3]],
      ],
      next: 5,
    });
    const past = await api("GET", `/api/job/job/${id}/lines?start=50`);
    expect(past.body).toEqual({ total: 11, state: "successful", lines: [], next: null });
  });

  it("reads a bad limit as the default and caps it at 5000", async () => {
    const r0 = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping" }) });
    await insertManyLines(r0.body.id, 6000);
    const capped = await api("GET", `/api/job/job/${r0.body.id}/lines/?limit=999999`);
    expect(capped.body.lines).toHaveLength(5000);
    expect(capped.body.next).toBe(5001);
    expect(capped.body.lines[4999]).toEqual([5000, `${E}[0;32mline 5000${E}[0m`]);
    for (const bad of ["abc", "0", "-5", "1.5", ""]) {
      const r = await api("GET", `/api/job/job/${r0.body.id}/lines/?limit=${bad}&start=5001`);
      expect(r.body.lines, bad).toHaveLength(500);
      expect(r.body.next, bad).toBe(5501);
    }
  });

  it("searches case-insensitively in the text without colour codes, wildcards taken literally", async () => {
    const id = await job();
    const search = async (q: string) => numbers((await api("GET", `/api/job/job/${id}/lines/?search=${encodeURIComponent(q)}`)).body);
    expect(await search("OK: [WEB1]")).toEqual([3]);
    expect(await search("100%")).toEqual([5]);
    expect(await search("%")).toEqual([5]);
    expect(await search("_")).toEqual([5, 10]);
    expect(await search("\\")).toEqual([]);
    expect(await search("[0;32m")).toEqual([]);
    expect(await search("title")).toEqual([]);
    expect(await search("[web1] DONE")).toEqual([]);
    expect(await search("done")).toEqual([3, 5]);
    expect(await search("play")).toEqual([1, 8]);
  });

  it("pages through matches from start, next pointing at the following match", async () => {
    const id = await job();
    const a = await api("GET", `/api/job/job/${id}/lines/?search=web1&limit=2`);
    expect(a.body).toMatchObject({
      total: 11,
      lines: [
        [3, LINES[2]],
        [4, LINES[3]],
      ],
      next: 6,
    });
    const b = await api("GET", `/api/job/job/${id}/lines/?search=web1&limit=2&start=${a.body.next}`);
    expect(numbers(b.body)).toEqual([6, 7]);
    expect(b.body.next).toBe(9);
    const c = await api("GET", `/api/job/job/${id}/lines/?search=web1&limit=2&start=${b.body.next}`);
    expect(numbers(c.body)).toEqual([9]);
    expect(c.body.next).toBeNull();
  });

  it("keeps the lines that name a host as Ansible prints it", async () => {
    const id = await job();
    const host = async (h: string, extra = "") => numbers((await api("GET", `/api/job/job/${id}/lines/?host=${encodeURIComponent(h)}${extra}`)).body);
    expect(await host("web1")).toEqual([3, 6, 7, 9]);
    expect(await host("web10")).toEqual([4]);
    expect(await host("db_1.example")).toEqual([5, 10]);
    expect(await host("db_1Xexample")).toEqual([]);
    expect(await host("web")).toEqual([]);
    expect(await host("localhost")).toEqual([]);
    expect(await host("a(b")).toEqual([]);
    expect(await host("web1", "&search=ok")).toEqual([3, 6, 9]);
  });

  it("reads what is stored while the job runs", async () => {
    const id = await job();
    await setState(id, "running");
    const a = await api("GET", `/api/job/job/${id}/lines/?start=11`);
    expect(a.body).toEqual({ total: 11, state: "running", lines: [[11, LINES[10]]], next: null });
    await insertLines(id, ["more", "and more"], 12);
    const b = await api("GET", `/api/job/job/${id}/lines/?start=12`);
    expect(b.body).toEqual({
      total: 13,
      state: "running",
      lines: [
        [12, "more"],
        [13, "and more"],
      ],
      next: null,
    });
  });

  it("refuses a bad start, and answers 404 for an unknown job", async () => {
    const id = await job();
    const bad = await api("GET", `/api/job/job/${id}/lines/?start=abc`);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ start: ["请填写合法的整数值。"] });
    const zero = await api("GET", `/api/job/job/${id}/lines/?start=0`);
    expect(zero.body).toEqual({ start: ["请确保该值大于或者等于 1。"] });
    const huge = await api("GET", `/api/job/job/${id}/lines/?start=99999999999`);
    expect(huge.body).toMatchObject({ lines: [], next: null });
    const nf = await api("GET", "/api/job/job/99999/lines/");
    expect(nf.status).toBe(404);
  });
});
