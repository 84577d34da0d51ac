import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { jobs } from "@/db/schema";
import { api, ctx, resetDb } from "../api";
import { importBody } from "../fixtures";

beforeEach(resetDb);

type Listed = { id: number; duration: number | null; state: string };

async function importRun(start: number, seconds: number, extra: Record<string, unknown> = {}): Promise<number> {
  const r = await api("POST", "/api/job/job/", {
    json: importBody({ kind: "adhoc", module: "ping", start_time: start, finish_time: start + seconds, ...extra }),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

const list = async (q: string) => {
  const r = await api("GET", `/api/job/job/?${q}`);
  expect(r.status, q).toBe(200);
  return r.body as { count: number; results: Listed[] };
};
const order = async (q: string) => (await list(q)).results.map((j) => j.id);

/**
 * Durations 30, 5, 30, 60, 0 s (a tie at 30), a running job (started, no end), one never
 * started, and one whose recorded finish is before its start (0, as the UI shows it).
 */
async function seed() {
  const a30 = await importRun(1000, 30);
  const b5 = await importRun(2000, 5, { state: "failed" });
  const c30 = await importRun(3000, 30);
  const d60 = await importRun(4000, 60, { state: "failed" });
  const e0 = await importRun(5000, 0);
  const running = await importRun(6000, 10);
  const pending = await importRun(7000, 10);
  const skewed = await importRun(8000, 10);
  const { db } = await ctx();
  await db.update(jobs).set({ state: "running", finishTime: null }).where(eq(jobs.id, running));
  await db.update(jobs).set({ state: "new", startTime: null, finishTime: null }).where(eq(jobs.id, pending));
  await db.update(jobs).set({ startTime: 8000, finishTime: 7990 }).where(eq(jobs.id, skewed));
  return { a30, b5, c30, d60, e0, running, pending, skewed };
}

describe("ordering=duration", () => {
  it("orders by finish − start both ways; ties by id in the same direction; no end sorts as PostgreSQL's null (last up, first down)", async () => {
    const j = await seed();
    expect(await order("ordering=duration")).toEqual([j.e0, j.skewed, j.b5, j.a30, j.c30, j.d60, j.running, j.pending]);
    expect(await order("ordering=-duration")).toEqual([j.pending, j.running, j.d60, j.c30, j.a30, j.b5, j.skewed, j.e0]);
    // an explicit tie-break after it is kept (as for start_time)
    expect(await order("ordering=-duration,id")).toEqual([j.running, j.pending, j.d60, j.a30, j.c30, j.b5, j.e0, j.skewed]);
    // pages of the tied ordering neither repeat nor skip a row
    const paged: number[] = [];
    for (let off = 0; off < 8; off += 3) paged.push(...(await order(`ordering=-duration&limit=3&offset=${off}`)));
    expect(paged).toEqual(await order("ordering=-duration"));
  });

  it("the record's duration is what is sorted on: seconds, 0 for a finish before the start, null without an end", async () => {
    const j = await seed();
    const byId = new Map((await list("ordering=duration")).results.map((r) => [r.id, r.duration]));
    expect(Object.fromEntries(Object.entries(j).map(([k, id]) => [k, byId.get(id)]))).toEqual({
      a30: 30,
      b5: 5,
      c30: 30,
      d60: 60,
      e0: 0,
      running: null,
      pending: null,
      skewed: 0,
    });
    // a job that ends gets its duration; a re-write of its times moves it
    const { db } = await ctx();
    await db.update(jobs).set({ state: "successful", finishTime: 6100 }).where(eq(jobs.id, j.running));
    expect((await order("ordering=-duration"))[1]).toBe(j.running);
    expect((await api("GET", `/api/job/job/${j.running}/`)).body.duration).toBe(100);
  });

  it("combines with filters and search; the count is the filter's whatever the order", async () => {
    const j = await seed();
    for (const filter of ["state=failed", "state__in=successful,failed", "search=ping", "start_time__gte=2500"]) {
      const plain = await list(filter);
      const down = await list(`${filter}&ordering=-duration`);
      const up = await list(`${filter}&ordering=duration`);
      expect(down.count, filter).toBe(plain.count);
      expect(up.count, filter).toBe(plain.count);
      expect(up.results.map((r) => r.id).sort(), filter).toEqual(plain.results.map((r) => r.id).sort());
    }
    expect(await order("state=failed&ordering=-duration")).toEqual([j.d60, j.b5]);
    expect(await order("state=failed&ordering=duration")).toEqual([j.b5, j.d60]);
    expect(await order("start_time__gte=2500&ordering=duration")).toEqual([j.e0, j.skewed, j.c30, j.d60, j.running]);
    expect((await list("ordering=-duration")).count).toBe(8);
  });

  it("the CSV export takes the same ordering", async () => {
    const j = await seed();
    for (const ordering of ["duration", "-duration"]) {
      const r = await api("GET", `/api/job/job/?format=csv&ordering=${ordering}`, { stream: true });
      expect(r.status).toBe(200);
      const text = await r.response!.text();
      const ids = text
        .replace(/^\uFEFF/, "")
        .split("\r\n")
        .slice(1, -1)
        .map((line) => Number(line.split(",")[0]));
      expect(ids, ordering).toEqual(await order(`ordering=${ordering}`));
    }
    expect((await order("ordering=duration"))[0]).toBe(j.e0);
  });
});
