import { beforeEach, describe, expect, it } from "vitest";
import { api, resetDb } from "../api";
import { importBody, makeLoginUser, setState } from "../fixtures";
import { insertEvents } from "../output-fixtures";

beforeEach(resetDb);

const T = 1700000000;

async function newJob(extra: Record<string, unknown> = {}) {
  const r = await api("POST", "/api/job/job/", { json: importBody({ kind: "job", start_time: T, finish_time: T + 60, ...extra }) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as number;
}

describe("GET /api/job/job/<id>/outline/", () => {
  it("lists the plays and their tasks with when each started and ended and how its hosts ended it", async () => {
    const id = await newJob();
    await insertEvents(id, [
      { event: "playbook_on_start", created: T },
      { event: "playbook_on_play_start", play: "部署", created: T + 1 },
      { event: "playbook_on_task_start", play: "部署", task: "Gathering Facts", created: T + 1, data: { uuid: "u1" } },
      { event: "runner_on_ok", play: "部署", task: "Gathering Facts", host: "web1", created: T + 3 },
      { event: "runner_on_ok", play: "部署", task: "Gathering Facts", host: "web2", created: T + 3 },
      { event: "playbook_on_task_start", play: "部署", task: "copy", created: T + 4, data: { uuid: "u2" } },
      { event: "runner_on_ok", play: "部署", task: "copy", host: "web1", changed: true, created: T + 9 },
      { event: "playbook_on_task_start", play: "部署", task: "check", created: T + 10, data: { uuid: "u3" } },
      // a late result of "copy" (the free strategy): it names its task
      {
        event: "runner_on_failed",
        play: "部署",
        task: "check",
        host: "web2",
        failed: true,
        created: T + 11,
        data: { task_uuid: "u2", ignore_errors: false, rescued: false },
      },
      { event: "runner_on_failed", play: "部署", task: "check", host: "web1", failed: true, created: T + 12, data: { task_uuid: "u3", ignore_errors: true } },
      { event: "playbook_on_handler_task_start", play: "部署", task: "restart", created: T + 20, data: { uuid: "u4" } },
      { event: "runner_on_unreachable", play: "部署", task: "restart", host: "web1", failed: true, created: T + 21, data: { task_uuid: "u4" } },
      { event: "playbook_on_play_start", play: "检查", created: T + 30 },
      { event: "playbook_on_task_start", play: "检查", task: "ping", created: T + 30, data: { uuid: "u5" } },
      { event: "runner_on_skipped", play: "检查", task: "ping", host: "web1", created: T + 31 },
      { event: "playbook_on_stats", created: T + 40 },
    ]);
    const r = await api("GET", `/api/job/job/${id}/outline/`);
    expect(r.status).toBe(200);
    const counts = (c: Record<string, number> = {}) => ({ ok: 0, changed: 0, failed: 0, unreachable: 0, skipped: 0, rescued: 0, ignored: 0, ...c });
    expect(r.body).toEqual({
      plays: [
        {
          name: "部署",
          started: T + 1,
          finished: T + 30,
          tasks: [
            { name: "Gathering Facts", handler: false, started: T + 1, finished: T + 4, hosts: counts({ ok: 2 }) },
            { name: "copy", handler: false, started: T + 4, finished: T + 10, hosts: counts({ changed: 1, failed: 1 }) },
            { name: "check", handler: false, started: T + 10, finished: T + 20, hosts: counts({ ignored: 1 }) },
            { name: "restart", handler: true, started: T + 20, finished: T + 30, hosts: counts({ unreachable: 1 }) },
          ],
        },
        // the last play and task end when the job did
        {
          name: "检查",
          started: T + 30,
          finished: T + 60,
          tasks: [{ name: "ping", handler: false, started: T + 30, finished: T + 60, hosts: counts({ skipped: 1 }) }],
        },
      ],
    });
  });

  it("leaves the running task and play unfinished while the job runs", async () => {
    const id = await newJob();
    await insertEvents(id, [
      { event: "playbook_on_play_start", play: "p", created: T },
      { event: "playbook_on_task_start", play: "p", task: "a", created: T },
      { event: "playbook_on_task_start", play: "p", task: "b", created: T + 5 },
    ]);
    await setState(id, "running");
    const r = await api("GET", `/api/job/job/${id}/outline/`);
    expect(r.body.plays).toHaveLength(1);
    expect(r.body.plays[0].finished).toBeNull();
    expect(r.body.plays[0].tasks.map((t: { finished: number | null }) => t.finished)).toEqual([T + 5, null]);
  });

  it("is empty for a job without events (an import, an ad-hoc command), readable by a viewer, 404 for an unknown job", async () => {
    const id = await newJob();
    const viewer = await makeLoginUser("outline-viewer", "viewer");
    const r = await api("GET", `/api/job/job/${id}/outline/`, { as: viewer.id });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ plays: [] });
    const missing = await api("GET", "/api/job/job/99999/outline/");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: "未找到。" });
    const post = await api("POST", `/api/job/job/${id}/outline/`, { json: {} });
    expect(post.status).toBe(405);
    const anonymous = await api("GET", `/api/job/job/${id}/outline/`, { as: null });
    expect(anonymous.status).toBe(401);
  });
});
