import { inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { jobs } from "@/db/schema";
import { api, ctx, resetDb, type CallOptions } from "../api";
import { browserLogin, importBody, makeCatalog, makeLoginUser, makeUser } from "../fixtures";

const HEADERS = [
  "ID",
  "模板",
  "类型",
  "状态",
  "执行人",
  "项目",
  "Playbook",
  "模块",
  "参数",
  "主机清单",
  "凭据",
  "计划任务",
  "限制主机 (limit)",
  "重新执行自",
  "开始时间",
  "结束时间",
  "耗时（秒）",
  "结束原因",
  "代码版本",
];
const col = (name: string) => HEADERS.indexOf(name);

/** RFC 4180, read independently of the writer: quoted fields, doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  expect(cell === "" && row.length === 0, "the file ends with CRLF").toBe(true);
  return rows;
}

/** The export's answer: status, headers, the raw bytes and, for a file, its rows after the header. */
async function exportCsv(query: string, opts: CallOptions = {}) {
  const r = await api("GET", `/api/job/job/?format=csv${query ? `&${query}` : ""}`, { ...opts, stream: true });
  const bytes = new Uint8Array(await r.response!.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const isCsv = r.headers.get("content-type") === "text/csv; charset=utf-8";
  const all = isCsv ? parseCsv(text.replace(/^\uFEFF/, "")) : [];
  return { status: r.status, headers: r.headers, bytes, text, body: isCsv ? undefined : JSON.parse(text), header: all[0], rows: all.slice(1) };
}

/** The JSON list's every matching record, in its order (a page of up to 1000). */
async function listAll(query: string) {
  const r = await api("GET", `/api/job/job/?limit=1000${query ? `&${query}` : ""}`);
  expect(r.status, query).toBe(200);
  expect(r.body.next, query).toBeNull();
  return r.body.results as Record<string, unknown>[];
}

const shanghai = (sec: number) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).format(new Date(sec * 1000));

/** 45 jobs over two templates, four end states, tied start times; three launched (not started: no times). */
async function seed45() {
  const a = await makeCatalog("A");
  const b = await makeCatalog("B");
  const states = ["successful", "failed", "canceled", "error"];
  for (let i = 0; i < 42; i++) {
    const via = i % 3 === 0 ? b : a;
    const start = 1_700_000_000 + (i % 7) * 3600;
    const body =
      i % 5 === 0
        ? importBody({ kind: "adhoc", module: "shell", arguments: `echo ${i}`, inventory: via.inventory.id, credential: via.credential.id })
        : importBody({ template: via.template.id, kind: "job", module: "" });
    const r = await api("POST", "/api/job/job/", { json: { ...body, state: states[i % 4], start_time: start, finish_time: start + i } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
  for (let i = 0; i < 3; i++) expect((await api("POST", "/api/job/job/", { json: { template: a.template.id } })).status).toBe(201);
  return { a, b };
}

beforeEach(resetDb);

describe("GET /api/job/job/?format=csv", () => {
  it("answers a UTF-8 file with a BOM, Chinese headers, and a download name", async () => {
    await seed45();
    const r = await exportCsv("");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const disposition = r.headers.get("content-disposition") ?? "";
    const name = /^attachment; filename="(jobs-\d{8}-\d{6}\.csv)"; filename\*=UTF-8''(.+)$/.exec(disposition);
    expect(name, disposition).not.toBeNull();
    expect(name![2]).toBe(name![1]);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect([...r.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(r.text.slice(1, r.text.indexOf("\r\n"))).toBe(HEADERS.join(","));
    expect(r.header).toEqual(HEADERS);
    expect(r.rows).toHaveLength(45);
  });

  it("names the file by the time in the export's zone", async () => {
    const r = await exportCsv("timezone=UTC");
    const name = /filename="jobs-(\d{8})-(\d{6})\.csv"/.exec(r.headers.get("content-disposition") ?? "");
    const now = new Date();
    const utcDay = now.toISOString().slice(0, 10).replaceAll("-", "");
    // the day in UTC, unless the export straddled midnight
    expect([utcDay, new Date(now.getTime() - 60_000).toISOString().slice(0, 10).replaceAll("-", "")]).toContain(name?.[1]);
  });

  it("has the JSON list's matching rows, in its order, past one page, whatever limit and offset say", async () => {
    const { a, b } = await seed45();
    const queries = [
      "",
      "ordering=id",
      "ordering=-start_time",
      "ordering=start_time",
      "ordering=-start_time,id",
      "ordering=template_name,-finish_time",
      "ordering=state",
      `template=${a.template.id}`,
      `template=${a.template.id}&state=failed`,
      "state__in=failed,error&ordering=finish_time",
      "kind=adhoc",
      `inventory=${b.inventory.id}&ordering=-id`,
      "search=tomcatB",
      "start_time__gte=1700003600&start_time__lte=1700010800",
      "state=new",
    ];
    for (const q of queries) {
      const expected = await listAll(q);
      const got = await exportCsv(`${q}&limit=5&offset=3`);
      expect(got.status, q).toBe(200);
      expect(
        got.rows.map((row) => Number(row[col("ID")])),
        q,
      ).toEqual(expected.map((j) => j.id));
    }
    expect((await exportCsv("limit=5")).rows).toHaveLength(45);
  });

  it("writes each column from the record: names, Chinese state and kind, local times, duration", async () => {
    const { a } = await seed45();
    const { db } = await ctx();
    await db
      .update(jobs)
      .set({ scmRevision: "c".repeat(40) })
      .where(inArray(jobs.state, ["failed", "canceled"]));
    const records = await listAll("");
    const { rows } = await exportCsv("");
    for (const [i, job] of records.entries()) {
      const row = rows[i]!;
      const text = (v: unknown) => (v === null ? "" : String(v));
      expect(row[col("ID")]).toBe(String(job.id));
      expect(row[col("模板")]).toBe(text(job.template_name));
      expect(row[col("类型")]).toBe(job.kind_name);
      expect(row[col("状态")]).toBe(job.state_name);
      expect(row[col("执行人")]).toBe(job.user);
      expect(row[col("项目")]).toBe(text(job.project_name));
      expect(row[col("Playbook")]).toBe(job.playbook);
      expect(row[col("模块")]).toBe(job.module);
      expect(row[col("参数")]).toBe(job.arguments);
      expect(row[col("主机清单")]).toBe(text(job.inventory_name));
      expect(row[col("凭据")]).toBe(text(job.credential_name));
      expect(row[col("计划任务")]).toBe(text(job.schedule_name));
      expect(row[col("限制主机 (limit)")]).toBe(job.limit);
      expect(row[col("重新执行自")]).toBe(text(job.job));
      expect(row[col("开始时间")]).toBe(job.start_time === null ? "" : shanghai(job.start_time as number));
      expect(row[col("结束时间")]).toBe(job.finish_time === null ? "" : shanghai(job.finish_time as number));
      const finished = job.start_time !== null && job.finish_time !== null;
      expect(row[col("耗时（秒）")]).toBe(finished ? String((job.finish_time as number) - (job.start_time as number)) : "");
      expect(row[col("结束原因")]).toBe(job.explanation);
      expect(row[col("代码版本")]).toBe(job.scm_revision);
    }
    expect(rows.filter((r) => r[col("代码版本")] === "c".repeat(40)).length).toBeGreaterThan(0);
    const launched = rows.find((r) => r[col("状态")] === "新建")!;
    expect(launched[col("模板")]).toBe(a.template.name);
    expect(launched[col("开始时间")]).toBe("");
    // 1700000000 is 2023-11-15 06:13:20 in Shanghai
    expect(rows.some((r) => r[col("开始时间")] === "2023-11-15 06:13:20")).toBe(true);
  });

  it("writes times in ?timezone=, and refuses a zone that is not one", async () => {
    await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping", start_time: 1_700_000_000, finish_time: 1_700_000_042 }) });
    const utc = await exportCsv("timezone=UTC");
    expect(utc.rows[0]![col("开始时间")]).toBe("2023-11-14 22:13:20");
    expect(utc.rows[0]![col("耗时（秒）")]).toBe("42");
    const ny = await exportCsv("timezone=America/New_York");
    expect(ny.rows[0]![col("结束时间")]).toBe("2023-11-14 17:14:02");
    expect((await exportCsv("timezone=")).rows[0]![col("开始时间")]).toBe("2023-11-15 06:13:20");
    const bad = await exportCsv("timezone=Mars/Olympus");
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ timezone: ["“Mars/Olympus” 不是有效的 IANA 时区（例如 Asia/Shanghai）。"] });
  });

  it("quotes commas, quotes and line breaks (RFC 4180) and keeps Chinese as it is", async () => {
    const values = ['a,b "c"', "第一行\n第二行", "逗号，中文", "x\r\ny", '"'];
    for (const v of values) await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "shell", arguments: v, limit: "web,db" }) });
    const r = await exportCsv("ordering=id");
    expect(r.rows.map((row) => row[col("参数")])).toEqual(values);
    expect(r.rows.every((row) => row[col("限制主机 (limit)")] === "web,db")).toBe(true);
    expect(r.text).toContain('"a,b ""c"""');
    expect(r.text).toContain('"第一行\n第二行"');
    expect(r.text).toContain(",逗号，中文,");
    expect(r.text).toContain('"""",');
    expect(r.text).toContain('"web,db"');
  });

  it("puts an apostrophe before a cell a spreadsheet would run as a formula", async () => {
    const evil = await makeUser("evil", '=HYPERLINK("http://x.example","点我")');
    const args = ["=1+1", "+SUM(A1)", "-x", "@cmd", "\tTAB", "\rCR", "a=b"];
    const ids: number[] = [];
    for (const v of args)
      ids.push((await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "shell", arguments: v, cuser: evil!.id }) })).body.id);
    // the API trims what it is sent: a leading tab or CR is written straight to the row
    const { db } = await ctx();
    await db
      .update(jobs)
      .set({ arguments: "\tTAB" })
      .where(inArray(jobs.id, [ids[4]!]));
    await db
      .update(jobs)
      .set({ arguments: "\rCR" })
      .where(inArray(jobs.id, [ids[5]!]));
    const r = await exportCsv("ordering=id");
    expect(r.rows.map((row) => row[col("参数")])).toEqual(["'=1+1", "'+SUM(A1)", "'-x", "'@cmd", "'\tTAB", "'\rCR", "a=b"]);
    expect(r.rows.every((row) => row[col("执行人")] === `'=HYPERLINK("http://x.example","点我")`)).toBe(true);
    // no cell of the file starts with a formula character
    for (const row of r.rows) for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell), cell).toBe(false);
  });

  it("answers headers only when nothing matches", async () => {
    await seed45();
    for (const q of ["search=nothing-like-this", "template=999999", "state=running"]) {
      const r = await exportCsv(q);
      expect(r.status, q).toBe(200);
      expect(r.header, q).toEqual(HEADERS);
      expect(r.rows, q).toEqual([]);
      expect(r.text, q).toBe(`\uFEFF${HEADERS.join(",")}\r\n`);
    }
  });

  it("refuses a bad filter value with the list's 400, before anything is sent", async () => {
    for (const q of ["template=abc", "state=bogus&kind=x", "state__in=failed,nope&ctime__gte=yesterday", "start_time__lte=soon"]) {
      const list = await api("GET", `/api/job/job/?${q}`);
      const csv = await exportCsv(q);
      expect(list.status, q).toBe(400);
      expect(csv.status, q).toBe(400);
      expect(csv.headers.get("content-type"), q).toBe("application/json");
      expect(csv.body, q).toEqual(list.body);
    }
  });

  it("authenticates like the list: 401 without or with bad credentials; any user may export", async () => {
    await seed45();
    const refused: CallOptions[] = [{ as: null }, { headers: { authorization: "Token nope" } }, { headers: { authorization: "Token" } }];
    const inactive = await makeLoginUser("gone", "viewer");
    const { cookie } = await browserLogin("gone");
    const { db } = await ctx();
    const { users } = await import("@/db/schema");
    await db
      .update(users)
      .set({ isActive: false })
      .where(inArray(users.id, [inactive.id]));
    refused.push({ headers: { cookie } });
    for (const opts of refused) {
      const list = await api("GET", "/api/job/job/", opts);
      const csv = await exportCsv("", opts);
      expect(list.status).toBe(401);
      expect(csv.status).toBe(401);
      expect(csv.body).toEqual(list.body);
      expect(csv.headers.get("www-authenticate")).toBe(list.headers.get("www-authenticate"));
    }
    const viewer = await makeLoginUser("viewer1", "viewer");
    expect((await exportCsv("", { as: viewer.id })).rows).toHaveLength(45);
    const session = await browserLogin("viewer1");
    expect((await exportCsv("state=failed", { headers: { cookie: session.cookie } })).rows).toHaveLength(11);
  });

  it("streams in batches: a job deleted while the file is sent is left out, the rest all come", async () => {
    const { db, adminUserId } = await ctx();
    const total = 2345;
    const values = Array.from({ length: total }, (_, i) => ({ cuserId: adminUserId, ctime: 1, state: "successful", startTime: 1_700_000_000 + (i % 10) }));
    const inserted = await db.insert(jobs).values(values).returning({ id: jobs.id, startTime: jobs.startTime });
    const r = await api("GET", "/api/job/job/?format=csv&ordering=-start_time", { stream: true });
    const reader = r.response!.body!.getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    let text = decoder.decode((await reader.read()).value, { stream: true });
    expect(text.startsWith(`\uFEFF${HEADERS.join(",")}\r\n`)).toBe(true);
    text += decoder.decode((await reader.read()).value, { stream: true });
    const firstBatch = parseCsv(text.slice(1)).slice(1);
    expect(firstBatch.length).toBeGreaterThan(0);
    expect(firstBatch.length).toBeLessThan(total);
    // the stream reads one batch ahead of the client (the second may be read already);
    // the last jobs in the order are in the third, read only after the second is taken
    const order = [...inserted].sort((x, y) => y.startTime! - x.startTime! || y.id - x.id).map((j) => j.id);
    const sent = new Set(firstBatch.map((row) => Number(row[0])));
    const gone = order.slice(-50);
    expect(gone.some((id) => sent.has(id))).toBe(false);
    await db.delete(jobs).where(inArray(jobs.id, gone));
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
    const got = parseCsv(text.slice(1))
      .slice(1)
      .map((row) => Number(row[0]));
    // -start_time, ties by id in the same direction
    const expected = order.filter((id) => !gone.includes(id));
    expect(got).toEqual(expected);
  });
});

describe("GET /api/job/job/?format=", () => {
  it("answers the JSON page for json, api and an empty value; 404 for any other format", async () => {
    await seed45();
    const plain = await api("GET", "/api/job/job/?state=failed");
    for (const f of ["json", "api", ""]) {
      const r = await api("GET", `/api/job/job/?state=failed&format=${f}`);
      expect(r.status, f).toBe(200);
      expect(r.headers.get("content-type"), f).toBe("application/json");
      expect(r.body.count, f).toBe(plain.body.count);
      expect(r.body.results, f).toEqual(plain.body.results);
      // `format` is not a filter, and stays in the page links as DRF keeps it
      expect(r.body.count, f).toBe(11);
    }
    const paged = await api("GET", "/api/job/job/?format=json&limit=2");
    expect(paged.body.next).toBe("http://testserver/api/job/job/?format=json&limit=2&offset=2");
    for (const f of ["xml", "CSV", " csv", "txt", "yaml"]) {
      const r = await api("GET", `/api/job/job/?format=${encodeURIComponent(f)}`);
      expect(r.status, f).toBe(404);
      expect(r.body, f).toEqual({ detail: "未找到。" });
    }
  });
});
