import { beforeEach, describe, expect, it } from "vitest";
import { api, resetDb } from "../api";
import { importBody } from "../fixtures";
import { insertEvents } from "../output-fixtures";

beforeEach(resetDb);

async function jobWithEvents() {
  const r = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping" }) });
  const id = r.body.id as number;
  await insertEvents(id, [
    { event: "playbook_on_start" },
    { event: "playbook_on_play_start", play: "部署" },
    { event: "playbook_on_task_start", play: "部署", task: "copy" },
    { event: "runner_on_ok", play: "部署", task: "copy", host: "web1", changed: true, data: { res: { changed: true } } },
    { event: "runner_on_failed", play: "部署", task: "copy", host: "web2", failed: true, data: { res: { msg: "权限不足" }, ignore_errors: null } },
    { event: "runner_on_unreachable", play: "部署", task: "copy", host: "db1", failed: true },
    { event: "runner_on_ok", play: "部署", task: "restart", host: "web1" },
    { event: "playbook_on_stats" },
  ]);
  return id;
}

describe("GET /api/job/job/<id>/events/", () => {
  it("pages the events in order in the DRF envelope", async () => {
    const id = await jobWithEvents();
    const r = await api("GET", `/api/job/job/${id}/events/`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ count: 8, next: null, previous: null });
    expect(r.body.results.map((e: { id: number }) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.body.results[4]).toEqual({
      id: 5,
      event: "runner_on_failed",
      play: "部署",
      task: "copy",
      host: "web2",
      changed: false,
      failed: true,
      line: 5,
      created: 1700000004,
      event_data: { res: { msg: "权限不足" }, ignore_errors: null },
    });
    const page = await api("GET", `/api/job/job/${id}/events/?limit=3&offset=3`);
    expect(page.body.results.map((e: { id: number }) => e.id)).toEqual([4, 5, 6]);
    expect(page.body.next).toBe(`http://testserver/api/job/job/${id}/events/?limit=3&offset=6`);
    expect(page.body.previous).toBe(`http://testserver/api/job/job/${id}/events/?limit=3`);
  });

  it("filters by event, host, failed and changed, keeping the filters in the links", async () => {
    const id = await jobWithEvents();
    const ids = async (q: string) => (await api("GET", `/api/job/job/${id}/events/?${q}`)).body.results.map((e: { id: number }) => e.id);
    expect(await ids("event=runner_on_ok")).toEqual([4, 7]);
    expect(await ids("host=web1")).toEqual([4, 7]);
    expect(await ids("failed=true")).toEqual([5, 6]);
    expect(await ids("failed=False")).toEqual([1, 2, 3, 4, 7, 8]);
    expect(await ids("failed=1&host=db1")).toEqual([6]);
    expect(await ids("changed=true")).toEqual([4]);
    expect(await ids("changed=0&event=runner_on_ok")).toEqual([7]);
    expect(await ids("failed=maybe&event=")).toHaveLength(8);
    const r = await api("GET", `/api/job/job/${id}/events/?host=web1&limit=1`);
    expect(r.body).toMatchObject({ count: 2, next: `http://testserver/api/job/job/${id}/events/?host=web1&limit=1&offset=1` });
  });

  it("answers an empty page for a job without events, and 404 for an unknown job", async () => {
    const r0 = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping" }) });
    const r = await api("GET", `/api/job/job/${r0.body.id}/events/`);
    expect(r.body).toEqual({ count: 0, next: null, previous: null, results: [] });
    expect((await api("GET", "/api/job/job/99999/events/")).status).toBe(404);
  });
});
