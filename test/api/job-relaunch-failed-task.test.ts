import { beforeEach, describe, expect, it } from "vitest";
import { api, resetDb } from "../api";
import { importBody, jobCount, makeCatalog } from "../fixtures";
import { insertEvents, insertSummaries } from "../output-fixtures";

beforeEach(resetDb);

/** A finished failed run of the catalog's playbook, limited to `web`, started at task `t`. */
async function failedRun(extra: Record<string, unknown> = {}) {
  const c = await makeCatalog();
  const r = await api("POST", "/api/job/job/", {
    json: importBody({
      project: c.project.id,
      playbook: "main.yml",
      inventory: c.inventory.id,
      credential: c.credential.id,
      limit: "web",
      start_at_task: "t",
      state: "failed",
      ...extra,
    }),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: number };
}

type Event = Parameters<typeof insertEvents>[1][number];

/** The events the callback plugin writes for a task that starts and then fails or is unreachable on `hosts`. */
function task(
  uuid: string,
  name: string,
  opts: { hosts?: string[]; unreachable?: boolean; data?: Record<string, unknown>; failure?: Record<string, unknown> } = {},
): Event[] {
  const start: Event = {
    event: "playbook_on_task_start",
    play: "deploy",
    task: name,
    data: { action: "command", uuid, path: `main.yml:${uuid}`, start_at: name, same_name: [], ...opts.data },
  };
  const failures: Event[] = (opts.hosts ?? []).map((host) => ({
    event: opts.unreachable ? "runner_on_unreachable" : "runner_on_failed",
    play: "deploy",
    task: name,
    host,
    failed: true,
    data: opts.unreachable ? { msg: "ssh", task_uuid: uuid } : { msg: "boom", ignore_errors: false, rescued: false, task_uuid: uuid, ...opts.failure },
  }));
  return [start, ...failures];
}

const ok = (uuid: string, name: string, host: string): Event[] => [...task(uuid, name), { event: "runner_on_ok", play: "deploy", task: name, host, data: {} }];

async function relaunch(id: number, body: Record<string, unknown>) {
  return api("POST", `/api/job/job/${id}/relaunch/`, { json: body });
}

async function options(id: number) {
  const r = await api("GET", `/api/job/job/${id}/relaunch/`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { failed_hosts: string[]; failed_task: Record<string, unknown> | null; failed_task_error: string | null };
}

/** A 400 under `start_at` with `message`, the GET saying the same, and no job made. */
async function expectRefused(id: number, message: string, body: Record<string, unknown> = { hosts: "failed", start_at: "failed_task" }) {
  const before = await jobCount();
  const r = await relaunch(id, body);
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  expect(r.body.start_at).toEqual([message]);
  expect(await jobCount()).toBe(before);
  if (body.hosts === "failed") expect((await options(id)).failed_task_error).toBe(message);
}

describe("relaunch start_at=failed_task: the first task that failed", () => {
  it("starts the failed hosts at the first failed task, over a start_at_task in the body; the GET says so first", async () => {
    const old = await failedRun();
    await insertEvents(old.id, [
      { event: "playbook_on_start" },
      { event: "playbook_on_play_start", play: "deploy" },
      ...ok("u1", "A", "web1"),
      ...task("u2", "B", { hosts: ["web2", "web3"] }),
      ...task("u3", "C", { hosts: ["web1"] }),
    ]);
    expect(await options(old.id)).toEqual({
      failed_hosts: ["web1", "web2", "web3"],
      failed_task: { name: "B", play: "deploy", path: "main.yml:u2", hosts: ["web2", "web3"], start_at_task: "B" },
      failed_task_error: null,
    });
    const r = await relaunch(old.id, { hosts: "failed", start_at: "failed_task", start_at_task: "C", limit: "db" });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ job: old.id, state: "new", limit: "web1,web2,web3", start_at_task: "B", playbook: "main.yml" });
  });

  it("keeps the copied limit with hosts=all, and the copied start_at_task with start_at=copied or none", async () => {
    const old = await failedRun();
    await insertEvents(old.id, task("u1", "B", { hosts: ["web2"] }));
    const all = await relaunch(old.id, { hosts: "all", start_at: "failed_task" });
    expect(all.status, JSON.stringify(all.body)).toBe(201);
    expect(all.body).toMatchObject({ limit: "web", start_at_task: "B" });
    const copied = await relaunch(old.id, { hosts: "failed", start_at: "copied" });
    expect(copied.body).toMatchObject({ limit: "web2", start_at_task: "t" });
    const plain = await relaunch(old.id, { hosts: "failed" });
    expect(plain.body).toMatchObject({ limit: "web2", start_at_task: "t" });
    const form = await api("POST", `/api/job/job/${old.id}/relaunch/`, { form: { hosts: "failed", start_at: "failed_task" } });
    expect(form.body).toMatchObject({ limit: "web2", start_at_task: "B" });
    for (const bad of ["first", 1, null]) {
      const r = await relaunch(old.id, { start_at: bad });
      expect(r.status).toBe(400);
      expect(r.body).toEqual({ start_at: [bad === null ? "该字段不能为 null。" : `“${bad}” 不是合法选项。`] });
    }
  });

  it("does not count ignored or rescued failures; counts an unreachable host", async () => {
    const old = await failedRun();
    await insertEvents(old.id, [
      ...task("u1", "ignored", { hosts: ["web1"], failure: { ignore_errors: true } }),
      ...task("u2", "rescued", { hosts: ["web2"], failure: { rescued: true } }),
      ...task("u3", "Gathering Facts", { hosts: ["db1"], unreachable: true }),
      ...task("u4", "later", { hosts: ["web1"] }),
    ]);
    const found = await options(old.id);
    expect(found.failed_hosts).toEqual(["db1", "web1"]);
    expect(found.failed_task).toMatchObject({ name: "Gathering Facts", hosts: ["db1"], start_at_task: "Gathering Facts" });
    const r = await relaunch(old.id, { hosts: "failed", start_at: "failed_task" });
    expect(r.body).toMatchObject({ limit: "db1,web1", start_at_task: "Gathering Facts" });
  });

  it("takes the failed hosts from the host summaries: a failure on a host they call fine does not count", async () => {
    const old = await failedRun();
    await insertEvents(old.id, [...task("u1", "flaky", { hosts: ["web1"] }), ...task("u2", "B", { hosts: ["web2"] })]);
    await insertSummaries(old.id, [
      { host: "web1", ok: 3, rescued: 1 },
      { host: "web2", ok: 1, failures: 1 },
    ]);
    expect((await options(old.id)).failed_task).toMatchObject({ name: "B", hosts: ["web2"] });
  });

  it("escapes the pattern characters of the name Ansible matches, which is the name as written", async () => {
    const old = await failedRun();
    await insertEvents(old.id, task("u1", "web : check [x] * ok?", { hosts: ["web1"], data: { start_at: "web : check [{{ what }}] * ok?" } }));
    expect((await options(old.id)).failed_task).toMatchObject({
      name: "web : check [x] * ok?",
      start_at_task: "web : check [[]{{ what }}] [*] ok[?]",
    });
  });

  it("refuses a name an earlier task has: in the same play always, in an earlier play only for the hosts it ran on", async () => {
    const same = await failedRun();
    await insertEvents(same.id, task("u2", "check", { hosts: ["web2"], data: { same_name: [{ path: "main.yml:3", hosts: null }] } }));
    await expectRefused(same.id, "任务名 “check” 不唯一：--start-at-task 会先停在更早的同名任务（main.yml:3）。给任务起唯一的名字后才能从它继续。");

    const other = await failedRun();
    await insertEvents(other.id, task("u2", "install", { hosts: ["web2"], data: { same_name: [{ path: "main.yml:5", hosts: ["web1"] }] } }));
    expect((await options(other.id)).failed_task).toMatchObject({ name: "install", start_at_task: "install" });
    await expectRefused(other.id, "任务名 “install” 不唯一：--start-at-task 会先停在更早的同名任务（main.yml:5）。给任务起唯一的名字后才能从它继续。", {
      hosts: "all",
      start_at: "failed_task",
    });

    const failedThere = await failedRun();
    await insertEvents(failedThere.id, task("u2", "install", { hosts: ["web1", "web2"], data: { same_name: [{ path: "", hosts: ["web1"] }] } }));
    await expectRefused(failedThere.id, "任务名 “install” 不唯一：--start-at-task 会先停在更早的同名任务。给任务起唯一的名字后才能从它继续。");
  });

  it("refuses a handler, a task no start_at_task reaches, and events recorded without the task's place", async () => {
    const handler = await failedRun();
    await insertEvents(handler.id, [
      { event: "playbook_on_handler_task_start", task: "restart", data: { uuid: "h1" } },
      { event: "runner_on_failed", task: "restart", host: "web1", failed: true, data: { task_uuid: "h1" } },
    ]);
    await expectRefused(handler.id, "失败的是 handler “restart”：--start-at-task 不能从 handler 开始。");

    const included = await failedRun();
    await insertEvents(included.id, task("u1", "included task", { hosts: ["web1"], data: { start_at: null } }));
    await expectRefused(included.id, "--start-at-task 找不到任务 “included task”：它来自动态包含（include_tasks、include_role）或 block 的 rescue 部分。");

    const older = await failedRun();
    await insertEvents(older.id, [
      { event: "playbook_on_task_start", task: "B", data: { action: "command" } },
      { event: "runner_on_failed", task: "B", host: "web1", failed: true, data: { ignore_errors: false } },
    ]);
    const notRecorded = "任务 “B” 的事件没有记录它在 playbook 中的位置（作业由较早的版本执行），无法确定从哪里继续。";
    await expectRefused(older.id, notRecorded);

    const noStart = await failedRun();
    await insertEvents(noStart.id, [{ event: "runner_on_failed", task: "B", host: "web1", failed: true, data: { task_uuid: "u9" } }]);
    await expectRefused(noStart.id, notRecorded);

    const oldStart = await failedRun();
    await insertEvents(oldStart.id, [
      { event: "playbook_on_task_start", task: "B", data: { action: "command", uuid: "u1" } },
      { event: "runner_on_failed", task: "B", host: "web1", failed: true, data: { task_uuid: "u1" } },
    ]);
    await expectRefused(oldStart.id, notRecorded);
  });

  it("refuses with nothing to start at: no events (a parse error), no failed task, an ad-hoc job", async () => {
    const parseError = await failedRun({ state: "error" });
    const noEvents = "该作业没有记录任务事件（例如 playbook 在任何任务开始前就出错了），无法确定失败的任务。";
    expect(await options(parseError.id)).toEqual({ failed_hosts: [], failed_task: null, failed_task_error: noEvents });
    await expectRefused(parseError.id, noEvents, { start_at: "failed_task" });
    const both = await relaunch(parseError.id, { hosts: "failed", start_at: "failed_task" });
    expect(both.status).toBe(400);
    expect(both.body).toEqual({ hosts: ["该作业没有失败或不可达的主机。"], start_at: [noEvents] });

    const fine = await failedRun({ state: "successful" });
    await insertEvents(fine.id, [
      { event: "playbook_on_start" },
      ...ok("u1", "A", "web1"),
      ...task("u2", "ignored", { hosts: ["web1"], failure: { ignore_errors: true } }),
    ]);
    await expectRefused(fine.id, "该作业没有在任务中失败或不可达的主机，没有可以继续的任务。", { start_at: "failed_task" });

    const adhoc = await api("POST", "/api/job/job/", {
      json: importBody({ kind: "adhoc", module: "ping", inventory_str: "web1", credential: (await makeCatalog("-adhoc")).credential.id, state: "failed" }),
    });
    expect(adhoc.status, JSON.stringify(adhoc.body)).toBe(201);
    await insertEvents(adhoc.body.id, [{ event: "runner_on_unreachable", host: "web1", failed: true, data: { task_uuid: "u1" } }]);
    await expectRefused(adhoc.body.id, "临时命令（adhoc）作业没有任务，不能从失败的任务继续。");
  });

  it("answers 404 for an unknown job on GET", async () => {
    const nf = await api("GET", "/api/job/job/99999/relaunch/");
    expect(nf.status).toBe(404);
    expect(nf.body).toEqual({ detail: "未找到。" });
  });
});
