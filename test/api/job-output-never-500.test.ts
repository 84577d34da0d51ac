import { beforeAll, describe, expect, it } from "vitest";
import { api, resetDb } from "../api";
import { importBody } from "../fixtures";
import { insertEvents, insertLines, insertSummaries } from "../output-fixtures";

const ODD = [
  "",
  " ",
  "-1",
  "0",
  "1",
  "1.5",
  "1e3",
  "99999999999999999999",
  "2147483648",
  "abc",
  "%00",
  "%FF",
  "中文",
  "'; drop table jobs; --",
  "\\",
  "[",
  "(",
  "*",
  "a(b|",
  "%",
  "_",
  "true",
  "a".repeat(5000),
  "[web1]",
  "\x1b[0m",
].map(encodeURIComponent);

let id: number;

beforeAll(async () => {
  await resetDb();
  const r = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping", inventory_str: "web1" }) });
  id = r.body.id;
  await insertLines(id, ["\x1b[0;32mok: [web1]\x1b[0m", "web1 | SUCCESS => {", "PLAY RECAP"]);
  await insertEvents(id, [{ event: "runner_on_ok", host: "web1" }]);
  await insertSummaries(id, [{ host: "web1", ok: 1 }]);
});

const QUERIES: Record<string, string[]> = {
  stdout: ["format", "start_line", "end_line", "download", "content_format"],
  lines: ["start", "limit", "search", "host"],
  events: ["event", "host", "failed", "changed", "limit", "offset"],
  hosts: ["limit", "offset"],
  stream: ["after"],
};

describe("no query of the output endpoints produces a 500", () => {
  it.each(Object.entries(QUERIES))("%s", async (path, keys) => {
    for (const key of keys) {
      for (const v of ODD) {
        const r = await api("GET", `/api/job/job/${id}/${path}/?${key}=${v}`);
        expect([200, 400], `${path}?${key}=${v.slice(0, 40)} → ${r.status} ${r.text.slice(0, 200)}`).toContain(r.status);
      }
    }
  });

  it("on Last-Event-ID headers", async () => {
    for (const v of ["", "-1", "abc", "99999999999999999999", "2147483648", "1.5"]) {
      const r = await api("GET", `/api/job/job/${id}/stream/`, { headers: { "last-event-id": v } });
      expect(r.status, v).toBe(200);
      expect(r.text).toContain("event: end");
    }
  });

  it("on relaunch and cancel bodies and ids", async () => {
    const bodies: unknown[] = [
      [],
      "x",
      1,
      null,
      { hosts: [] },
      { hosts: {} },
      { hosts: "failed", limit: 5 },
      { start_at: [] },
      { start_at: {} },
      { hosts: "failed", start_at: "failed_task" },
      { forks: "x" },
      { template: "abc" },
      { inventory: 2 ** 40 },
    ];
    for (const b of bodies) {
      const r = await api("POST", `/api/job/job/${id}/relaunch/`, { json: b });
      expect(r.status, JSON.stringify(b)).toBe(400);
    }
    for (const bad of ["0", "2147483648", "999999999", "-1", "%00"]) {
      for (const verb of ["cancel", "relaunch", "stdout", "lines", "events", "hosts", "stream"]) {
        const r = await api(verb === "cancel" || verb === "relaunch" ? "POST" : "GET", `/api/job/job/${bad}/${verb}/`);
        expect(r.status, `${verb} ${bad}`).toBe(404);
      }
      expect((await api("GET", `/api/job/job/${bad}/relaunch/`)).status, `GET relaunch ${bad}`).toBe(404);
    }
  });
});
