import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HistoryHub, type HistoryChange } from "@/server/output/history-hub";
import { api, ctx, resetDb } from "../api";
import { importBody, makeCatalog, setState } from "../fixtures";
import { insertManyLines } from "../output-fixtures";
import { SseReader } from "../sse";

beforeEach(resetDb);

const hubs: HistoryHub[] = [];
const clients: AbortController[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.abort();
  for (const h of hubs.splice(0)) await h.stop();
});

async function makeHub(pollMs = 60_000) {
  const { db, database } = await ctx();
  const hub = new HistoryHub(db, database.listen, { flushMs: 50, pollMs });
  hubs.push(hub);
  return hub;
}

/** A subscriber's events, as a queue the test takes from. */
async function subscribe(hub: HistoryHub) {
  const events: HistoryChange[] = [];
  let wake: (() => void) | undefined;
  const gone = new AbortController();
  clients.push(gone);
  await hub.subscribe((c) => {
    events.push(c);
    wake?.();
  }, gone.signal);
  const next = async (match: (c: HistoryChange) => boolean, timeoutMs = 10_000): Promise<HistoryChange> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = events.findIndex(match);
      if (i >= 0) return events.splice(0, i + 1).at(-1)!;
      if (Date.now() > deadline) throw new Error(`no matching event; got ${JSON.stringify(events)}`);
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, 100);
      });
    }
  };
  return { events, next, gone };
}

async function launch(template: number): Promise<number> {
  const r = await api("POST", "/api/job/job/", { json: { template } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the history's live channel", () => {
  it("tells subscribers the newest id at once, then each launch as it commits", async () => {
    const c = await makeCatalog();
    const first = await launch(c.template.id);
    const hub = await makeHub();
    const a = await subscribe(hub);
    const b = await subscribe(hub);
    expect(await a.next(() => true)).toEqual({ latest: first, changed: [] });
    expect(await b.next(() => true)).toEqual({ latest: first, changed: [] });
    const second = await launch(c.template.id);
    expect((await a.next((e) => e.latest === second)).latest).toBe(second);
    expect((await b.next((e) => e.latest === second)).latest).toBe(second);
  });

  it("reports a state change of a job, but not the output lines of a job whose state stays", async () => {
    const c = await makeCatalog();
    const id = await launch(c.template.id);
    const hub = await makeHub();
    const s = await subscribe(hub);
    await s.next(() => true);
    await setState(id, "running");
    await s.next((e) => e.changed.includes(id));
    await insertManyLines(id, 20);
    await sleep(600);
    expect(s.events.filter((e) => e.changed.includes(id))).toEqual([]);
    await setState(id, "successful");
    await s.next((e) => e.changed.includes(id));
  });

  it("finds an imported job (no launch notification) by its slow poll of the newest id", async () => {
    const hub = await makeHub(200);
    const s = await subscribe(hub);
    expect((await s.next(() => true)).latest).toBe(0);
    const r = await api("POST", "/api/job/job/", { json: importBody() });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect((await s.next((e) => e.latest > 0)).latest).toBe(r.body.id);
  });

  it("stops telling a subscriber that went away, and is an event stream over HTTP", async () => {
    const c = await makeCatalog();
    const hub = await makeHub();
    const s = await subscribe(hub);
    expect(hub.subscribers).toBe(1);
    s.gone.abort();
    expect(hub.subscribers).toBe(0);

    const r = await api("GET", "/api/job/job/stream/", { stream: true });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/event-stream");
    const body = r.response!.body!.getReader();
    const reader = new SseReader(body);
    expect(await reader.next()).toMatchObject({ event: "jobs", data: { latest: 0, changed: [] } });
    const id = await launch(c.template.id);
    expect(await reader.next()).toMatchObject({ event: "jobs", data: { latest: id } });
    await body.cancel();
  });
});
