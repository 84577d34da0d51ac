import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { LiveHub } from "@/server/output/live-hub";
import { openJobStream } from "@/server/output/stream-job";
import { api, ctx, resetDb } from "../api";
import { makeCatalog, setState } from "../fixtures";
import { insertManyLines } from "../output-fixtures";
import { SseReader, type SseEvent } from "../sse";

beforeEach(resetDb);

const hubs: LiveHub[] = [];
const clients: AbortController[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.abort();
  for (const h of hubs.splice(0)) await h.stop();
});

/** A hub over the test's database whose reads are counted; notifications come from the real LISTEN unless `listen` is given. */
async function countingHub(opts: { pollMs?: number; listen?: Database["listen"] } = {}) {
  const { db, database } = await ctx();
  const counter = { reads: 0 };
  const counted = new Proxy(db, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (typeof value !== "function") return value;
      if (key === "select" || key === "execute") {
        return (...args: unknown[]) => {
          counter.reads++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value.bind(target);
    },
  }) as Db;
  const hub = new LiveHub(counted, opts.listen ?? database.listen, { pollMs: opts.pollMs ?? 60_000 });
  hubs.push(hub);
  return { hub, counter };
}

async function runningJob(): Promise<number> {
  const c = await makeCatalog();
  const r = await api("POST", "/api/job/job/", { json: { template: c.template.id } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  await setState(r.body.id, "running");
  return r.body.id as number;
}

async function follow(hub: LiveHub, id: number, after = 0): Promise<SseReader> {
  const gone = new AbortController();
  clients.push(gone);
  return new SseReader((await openJobStream(hub, id, after, gone.signal)).getReader());
}

const lineIds = (events: SseEvent[]) => events.filter((e) => e.event === "line").map((e) => Number(e.id));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the live hub", () => {
  it("reads a running job once per change, whether 1 or 25 clients follow it, and each client gets every line once", async () => {
    const readsWith = async (viewers: number) => {
      const id = await runningJob();
      await insertManyLines(id, 30);
      const { hub, counter } = await countingHub();
      const readers = await Promise.all(Array.from({ length: viewers }, () => follow(hub, id)));
      const seen = await Promise.all(readers.map((r) => r.until((e) => e.id === "30")));
      counter.reads = 0;
      for (let k = 0; k < 4; k++) {
        const last = 30 + (k + 1) * 10;
        await insertManyLines(id, 10, last - 9);
        const got = await Promise.all(readers.map((r) => r.until((e) => e.id === String(last))));
        got.forEach((events, i) => seen[i]!.push(...events));
      }
      await setState(id, "successful");
      const rest = await Promise.all(readers.map((r) => r.until(() => false)));
      rest.forEach((events, i) => seen[i]!.push(...events));
      for (const events of seen) {
        expect(lineIds(events)).toEqual(range(1, 70));
        expect(events[0]).toMatchObject({ event: "state", data: { state: "running" } });
        expect(events.slice(-2).map((e) => e.event)).toEqual(["state", "end"]);
      }
      expect(hub.watchedJobs).toEqual([]);
      return counter.reads;
    };
    const one = await readsWith(1);
    const many = await readsWith(25);
    // five changes (four batches of lines, the end): a state read and a line read each
    expect(one).toBeLessThanOrEqual(10);
    expect(many).toBe(one);
  });

  it("gives a client that joins mid-job its backlog from its cursor, then live lines, none lost or doubled", async () => {
    const id = await runningJob();
    const { hub } = await countingHub();
    const first = await follow(hub, id);
    let isWriterDone = false;
    const writer = (async () => {
      for (let k = 0; k < 20; k++) {
        await insertManyLines(id, 100, 1 + k * 100);
        await sleep(30);
      }
      isWriterDone = true;
    })();
    const firstPart = await first.until((e) => Number(e.id) >= 500);
    expect(isWriterDone, "the second client joins while lines are still being written").toBe(false);
    const second = await follow(hub, id, 250);
    const third = await follow(hub, id, Number(firstPart.at(-1)!.id));
    await writer;
    await setState(id, "failed");
    const [rest1, got2, got3] = await Promise.all([first, second, third].map((r) => r.until((e) => e.event === "end")));
    expect(lineIds([...firstPart, ...rest1!])).toEqual(range(1, 2000));
    expect(lineIds(got2!)).toEqual(range(251, 2000));
    expect(lineIds(got3!)).toEqual(range(Number(firstPart.at(-1)!.id) + 1, 2000));
    for (const events of [rest1, got2, got3]) expect(events!.at(-1)).toEqual({ event: "end", data: { state: "failed" } });
  });

  it("covers a lost notification with its slow poll", async () => {
    const id = await runningJob();
    const { hub } = await countingHub({ pollMs: 200, listen: async () => async () => {} });
    const reader = await follow(hub, id);
    expect(await reader.next()).toMatchObject({ event: "state", data: { state: "running" } });
    await insertManyLines(id, 5);
    expect(lineIds(await reader.until((e) => e.id === "5"))).toEqual(range(1, 5));
    await setState(id, "canceled");
    expect((await reader.until(() => false)).map((e) => e.event)).toEqual(["state", "end"]);
  });

  it("forgets a job when its last client leaves: its notifications then cost no read", async () => {
    const id = await runningJob();
    const { hub, counter } = await countingHub();
    const gone = new AbortController();
    const readers = [await follow(hub, id), new SseReader((await openJobStream(hub, id, 0, gone.signal)).getReader())];
    for (const r of readers) expect(await r.next()).toMatchObject({ event: "state" });
    expect(hub.watchedJobs).toEqual([id]);
    for (const c of [...clients, gone]) c.abort();
    expect(hub.watchedJobs).toEqual([]);
    counter.reads = 0;
    await insertManyLines(id, 10);
    await setState(id, "successful");
    await sleep(300);
    expect(counter.reads).toBe(0);
  });
});
