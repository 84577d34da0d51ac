import { beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/job/job/[id]/stdout/route";
import { adminAuth, api, resetDb } from "../api";
import { importBody } from "../fixtures";
import { insertLines, insertManyLines } from "../output-fixtures";

beforeEach(resetDb);

const E = "\x1b";
const LINES = [
  `${E}[0;32mok: [web1]${E}[0m`,
  "",
  `${E}]0;title\x07中文 "quoted" back\\slash\ttab`,
  `${E}[1;31mfatal: [web2]: FAILED!${E}[0m`,
  `PLAY RECAP ${E}`,
];
const PLAIN = ["ok: [web1]", "", '中文 "quoted" back\\slash\ttab', "fatal: [web2]: FAILED!", "PLAY RECAP "];
const text = (lines: string[]) => lines.map((l) => l + "\n").join("");

async function job() {
  const r = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping" }) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as number;
}

describe("GET /api/job/job/<id>/stdout/", () => {
  it("answers plain text by default, ANSI stripped, each line ended by a newline", async () => {
    const id = await job();
    await insertLines(id, LINES);
    for (const q of ["", "?format=txt", "?format="]) {
      const r = await api("GET", `/api/job/job/${id}/stdout/${q}`);
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(r.headers.get("content-disposition")).toBeNull();
      expect(r.text).toBe(text(PLAIN));
    }
  });

  it("answers the raw lines with format=ansi", async () => {
    const id = await job();
    await insertLines(id, LINES);
    const r = await api("GET", `/api/job/job/${id}/stdout?format=ansi`);
    expect(r.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(r.text).toBe(text(LINES));
  });

  it("answers AWX's range and content with format=json (plain, or ANSI with content_format=ansi)", async () => {
    const id = await job();
    await insertLines(id, LINES);
    const r = await api("GET", `/api/job/job/${id}/stdout/?format=json`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/json");
    expect(r.body).toEqual({ range: { start: 0, end: 5, absolute_end: 5 }, content: text(PLAIN) });
    const raw = await api("GET", `/api/job/job/${id}/stdout/?format=json&content_format=ansi&start_line=2`);
    expect(raw.body).toEqual({ range: { start: 2, end: 5, absolute_end: 5 }, content: text(LINES.slice(2)) });
  });

  it("pages with start_line (0-based, inclusive) and end_line (exclusive)", async () => {
    const id = await job();
    await insertLines(id, LINES);
    const cases: [string, number, number, string[]][] = [
      ["start_line=1&end_line=3", 1, 3, PLAIN.slice(1, 3)],
      ["start_line=3", 3, 5, PLAIN.slice(3)],
      ["end_line=2", 0, 2, PLAIN.slice(0, 2)],
      ["end_line=99", 0, 5, PLAIN],
      ["start_line=5", 5, 5, []],
      ["start_line=99&end_line=200", 5, 5, []],
      ["start_line=4&end_line=2", 4, 4, []],
      ["start_line=0&end_line=0", 0, 0, []],
      ["start_line=%201%20&end_line=", 1, 5, PLAIN.slice(1)],
      ["start_line=99999999999", 5, 5, []],
    ];
    for (const [q, start, end, lines] of cases) {
      const r = await api("GET", `/api/job/job/${id}/stdout/?format=json&${q}`);
      expect(r.status, q).toBe(200);
      expect(r.body, q).toEqual({ range: { start, end, absolute_end: 5 }, content: text(lines) });
      expect((await api("GET", `/api/job/job/${id}/stdout/?${q}`)).text, q).toBe(text(lines));
    }
  });

  it("refuses a bad format or line number with a DRF field error", async () => {
    const id = await job();
    const cases: [string, Record<string, string[]>][] = [
      ["format=xml", { format: ["“xml” 不是合法选项。"] }],
      ["format=html", { format: ["“html” 不是合法选项。"] }],
      ["start_line=abc", { start_line: ["请填写合法的整数值。"] }],
      ["end_line=1.5", { end_line: ["请填写合法的整数值。"] }],
      ["start_line=-1&end_line=x", { start_line: ["请确保该值大于或者等于 0。"], end_line: ["请填写合法的整数值。"] }],
      ["format=json&content_format=bin", { content_format: ["“bin” 不是合法选项。"] }],
    ];
    for (const [q, body] of cases) {
      const r = await api("GET", `/api/job/job/${id}/stdout/?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body, q).toEqual(body);
    }
  });

  it("answers empty content for a job without output, 404 for an unknown job, 405 for POST", async () => {
    const id = await job();
    const r = await api("GET", `/api/job/job/${id}/stdout/`);
    expect(r.status).toBe(200);
    expect(r.text).toBe("");
    const j = await api("GET", `/api/job/job/${id}/stdout/?format=json`);
    expect(j.body).toEqual({ range: { start: 0, end: 0, absolute_end: 0 }, content: "" });
    for (const bad of ["99999", "x"]) {
      const nf = await api("GET", `/api/job/job/${bad}/stdout/?format=xml`);
      expect(nf.status).toBe(404);
      expect(nf.body).toEqual({ detail: "未找到。" });
    }
    expect((await api("POST", `/api/job/job/${id}/stdout/`)).status).toBe(405);
  });

  it("downloads a 20,000-line output as a file, streamed from the database in pages", async () => {
    const id = await job();
    await insertManyLines(id, 20_000);
    const expected = Array.from({ length: 20_000 }, (_, i) => `line ${i + 1}\n`).join("");

    const r = await api("GET", `/api/job/job/${id}/stdout/?download=1`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-disposition")).toBe(`attachment; filename="job_${id}.txt"`);
    expect(r.text).toBe(expected);

    const ansi = await api("GET", `/api/job/job/${id}/stdout/?format=ansi&download=1`);
    expect(ansi.headers.get("content-disposition")).toBe(`attachment; filename="job_${id}.ansi"`);
    expect(ansi.text.split("\n")[19_999]).toBe(`${E}[0;32mline 20000${E}[0m`);

    const res = await GET(new Request(`http://testserver/api/job/job/${id}/stdout/?download=1`, { headers: await adminAuth() }), {
      params: Promise.resolve({ id: String(id) }),
    });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let chunks = 0;
    let body = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      body += decoder.decode(value, { stream: true });
    }
    expect(body).toBe(expected);
    expect(chunks).toBe(4);
  });
});
