import { beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/job/job/[id]/stream/route";
import { openJobStream } from "@/server/output/stream-job";
import { adminAuth, api, ctx, resetDb } from "../api";
import { importBody, makeCatalog, setState } from "../fixtures";
import { insertLines, insertManyLines } from "../output-fixtures";
import { SseReader, type SseEvent } from "../sse";

beforeEach(resetDb);

async function open(id: number | string, opts: { query?: string; headers?: Record<string, string>; signal?: AbortSignal } = {}) {
  const request = new Request(`http://testserver/api/job/job/${id}/stream/${opts.query ?? ""}`, {
    headers: { ...(await adminAuth()), ...opts.headers },
    signal: opts.signal,
  });
  return GET(request, { params: Promise.resolve({ id: String(id) }) });
}

async function runningJob() {
  const c = await makeCatalog();
  const r = await api("POST", "/api/job/job/", { json: { template: c.template.id } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  await setState(r.body.id, "running");
  return r.body.id as number;
}

const lineIds = (events: SseEvent[]) => events.filter((e) => e.event === "line").map((e) => Number(e.id));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("GET /api/job/job/<id>/stream/", () => {
  it("sends a finished job's lines with their numbers as ids, its state, then end, and closes", async () => {
    const r0 = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping" }) });
    const id = r0.body.id as number;
    await insertLines(id, ["\x1b[0;32mok: [web1]\x1b[0m", '第二行 "quoted"', ""]);
    const res = await open(id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(res.headers.get("cache-control")).toContain("no-cache");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    const events = await new SseReader(res.body!.getReader()).until(() => false);
    expect(events).toEqual([
      { id: "1", event: "line", data: { line: 1, text: "\x1b[0;32mok: [web1]\x1b[0m" } },
      { id: "2", event: "line", data: { line: 2, text: '第二行 "quoted"' } },
      { id: "3", event: "line", data: { line: 3, text: "" } },
      { event: "state", data: { state: "successful", start_time: 1561688923, finish_time: 1561688924 } },
      { event: "end", data: { state: "successful" } },
    ]);
  });

  it("follows a job through its states while lines arrive", async () => {
    const c = await makeCatalog();
    const id = (await api("POST", "/api/job/job/", { json: { template: c.template.id } })).body.id as number;
    const sse = new SseReader((await open(id)).body!.getReader());
    expect(await sse.next()).toEqual({ event: "state", data: { state: "new", start_time: null, finish_time: null } });
    await setState(id, "waiting");
    expect(await sse.next()).toMatchObject({ event: "state", data: { state: "waiting" } });
    const { db } = await ctx();
    await db.execute(`update jobs set state = 'running', start_time = 1700000000 where id = ${id}`);
    expect(await sse.next()).toEqual({ event: "state", data: { state: "running", start_time: 1700000000, finish_time: null } });
    await insertLines(id, ["a", "b"]);
    expect(lineIds(await sse.until((e) => e.id === "2"))).toEqual([1, 2]);
    await insertLines(id, ["c"], 3);
    await setState(id, "failed");
    const rest = await sse.until(() => false);
    expect(rest.map((e) => e.event)).toEqual(["line", "state", "end"]);
    expect(rest[0]).toMatchObject({ id: "3", data: { line: 3, text: "c" } });
    expect(rest[2]).toEqual({ event: "end", data: { state: "failed" } });
  });

  it("resumes after Last-Event-ID without losing or doubling a line while lines are inserted", async () => {
    const id = await runningJob();
    await insertManyLines(id, 100);
    const first = new AbortController();
    const s1 = (await open(id, { signal: first.signal })).body!.getReader();
    let isWriterDone = false;
    const writer = (async () => {
      for (let k = 0; k < 10; k++) {
        await insertManyLines(id, 300, 101 + k * 300);
        await new Promise((r) => setTimeout(r, 40));
      }
      isWriterDone = true;
    })();
    const got1 = await new SseReader(s1).until((e) => Number(e.id) >= 700);
    expect(isWriterDone, "the reconnect happens while lines are still being written").toBe(false);
    first.abort();
    await s1.cancel();
    const seen1 = lineIds(got1);
    const last = seen1[seen1.length - 1];

    const s2 = new SseReader((await open(id, { headers: { "Last-Event-ID": String(last) }, query: "?after=5" })).body!.getReader());
    await writer;
    await setState(id, "successful");
    const got2 = await s2.until((e) => e.event === "end");
    expect(got2.at(-1)).toEqual({ event: "end", data: { state: "successful" } });
    const seen2 = lineIds(got2);
    expect(seen2[0]).toBe(last! + 1);
    expect([...seen1, ...seen2]).toEqual(range(1, 3100));
    expect(await s2.next()).toBeNull();
  });

  it("sends a backlog larger than one batch in order, and starts after ?after=N", async () => {
    const id = await runningJob();
    await insertManyLines(id, 4500);
    await setState(id, "canceled");
    const all = await new SseReader((await open(id)).body!.getReader()).until(() => false);
    expect(lineIds(all)).toEqual(range(1, 4500));
    expect(all.slice(-2).map((e) => e.event)).toEqual(["state", "end"]);
    const after = await new SseReader((await open(id, { query: "?after=4490" })).body!.getReader()).until(() => false);
    expect(lineIds(after)).toEqual(range(4491, 4500));
    const past = await new SseReader((await open(id, { query: "?after=99999" })).body!.getReader()).until(() => false);
    expect(past.map((e) => e.event)).toEqual(["state", "end"]);
  });

  it("sends keep-alive comments while idle, and stops when the client goes away", async () => {
    const id = await runningJob();
    const { live } = await ctx();
    const gone = new AbortController();
    const t0 = Date.now();
    const stream = await openJobStream(live, id, 0, gone.signal, { keepAliveMs: 150 });
    const sse = new SseReader(stream.getReader());
    expect(await sse.next()).toMatchObject({ event: "state", data: { state: "running" } });
    expect(await sse.next()).toEqual({ comment: "keep-alive" });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(150);
    expect(await sse.next()).toEqual({ comment: "keep-alive" });
    gone.abort();
    expect(await sse.next(2000)).toBeNull();
  });

  it("answers 404 as JSON for an unknown job and 400 for a bad ?after", async () => {
    for (const bad of ["99999", "abc"]) {
      const r = await api("GET", `/api/job/job/${bad}/stream/`);
      expect(r.status).toBe(404);
      expect(r.headers.get("content-type")).toBe("application/json");
      expect(r.body).toEqual({ detail: "未找到。" });
    }
    const id = await runningJob();
    await setState(id, "successful");
    const r = await api("GET", `/api/job/job/${id}/stream/?after=x`);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ after: ["请填写合法的整数值。"] });
    const header = await api("GET", `/api/job/job/${id}/stream/`, { headers: { "last-event-id": "junk" } });
    expect(header.status).toBe(200);
    expect(header.text).toContain("event: end");
  });
});
