import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { users as usersTable } from "@/db/schema";
import { api, ctx, resetDb } from "../api";
import { importBody, jobRow, makeCatalog, makeUser, setState } from "../fixtures";
import { insertEvents, insertSummaries } from "../output-fixtures";

beforeEach(resetDb);

const COPIED = [
  "template",
  "template_name",
  "project",
  "project_name",
  "playbook",
  "inventory",
  "inventory_name",
  "inventory_str",
  "credential",
  "credential_name",
  "kind",
  "module",
  "arguments",
  "job_type",
  "forks",
  "limit",
  "tags",
  "skip_tags",
  "verbosity",
  "variables",
  "become_enabled",
  "diff_mode",
  "force_handlers",
  "start_at_task",
  "timeout",
];

let users = 0;

/** A finished run of the catalog's template, recorded by another user, with every option set. */
async function finishedRun(extra: Record<string, unknown> = {}) {
  const c = await makeCatalog();
  const other = await makeUser(`li${++users}`, "李雷");
  const r = await api("POST", "/api/job/job/", {
    json: importBody({
      template: c.template.id,
      project: c.project.id,
      playbook: "sub/deploy.yml",
      inventory: c.inventory.id,
      credential: c.credential.id,
      schedule: c.schedule.id,
      cuser: other!.id,
      job_type: "check",
      forks: 7,
      limit: "web",
      tags: "a",
      skip_tags: "b",
      verbosity: 2,
      variables: "x: 1",
      become_enabled: 1,
      diff_mode: 1,
      force_handlers: 1,
      start_at_task: "t",
      timeout: 900,
      state: "failed",
      ...extra,
    }),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { c, old: r.body, other };
}

const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));

describe("POST /api/job/job/<id>/relaunch/", () => {
  it("launches a copy of the old job's options and references, by the current user, with job = old id", async () => {
    const { old, other } = await finishedRun();
    const r = await api("POST", `/api/job/job/${old.id}/relaunch/`);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(pick(r.body, COPIED)).toEqual(pick(old, COPIED));
    const { db, adminUserId } = await ctx();
    const [admin] = await db.select().from(usersTable).where(eq(usersTable.id, adminUserId));
    expect(old).toMatchObject({ cuser: other!.id, user: "李雷" });
    expect(r.body).toMatchObject({
      job: old.id,
      state: "new",
      cuser: adminUserId,
      user: admin!.displayName,
      schedule: null,
      schedule_name: null,
      node: null,
      start_time: null,
      finish_time: null,
    });
    expect(r.body.id).not.toBe(old.id);
    const row = await jobRow(r.body.id);
    expect(row).toMatchObject({ state: "new", parentJobId: old.id, cancelRequested: false, workerId: null });
    const detail = await api("GET", `/api/job/job/${r.body.id}/`);
    expect(detail.body).toEqual(r.body);
  });

  it("lets the body override run options (JSON or form), validated as a job POST", async () => {
    const { old } = await finishedRun();
    const r = await api("POST", `/api/job/job/${old.id}/relaunch/`, {
      json: { hosts: "all", limit: "db", verbosity: "0", playbook: "main.yml", job: 999, state: "successful", cuser: 999 },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ limit: "db", verbosity: 0, playbook: "main.yml", job: old.id, state: "new", forks: 7, tags: "a" });
    const form = await api("POST", `/api/job/job/${old.id}/relaunch`, { form: { forks: "3", limit: "" } });
    expect(form.status, JSON.stringify(form.body)).toBe(201);
    expect(form.body).toMatchObject({ forks: 3, limit: "" });
    const bad = await api("POST", `/api/job/job/${old.id}/relaunch/`, { json: { forks: 500, variables: "[1]", playbook: "nope.yml" } });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      forks: ["请确保该值小于或者等于 200。"],
      variables: ["必须是 YAML 或 JSON 格式的字典（mapping）。"],
      playbook: ["项目中不存在 playbook “nope.yml”。"],
    });
  });

  it("relaunches on the failed and unreachable hosts of the host summaries", async () => {
    const { old } = await finishedRun();
    await insertSummaries(old.id, [
      { host: "web2", ok: 3, failures: 1 },
      { host: "web1", ok: 4 },
      { host: "db1", unreachable: 1 },
      { host: "app1", ok: 1, ignored: 2, rescued: 1 },
    ]);
    const r = await api("POST", `/api/job/job/${old.id}/relaunch/`, { json: { hosts: "failed", limit: "ignored" } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ limit: "db1,web2", job: old.id, tags: "a" });
  });

  it("keeps every failed host even when the list is longer than a limit typed by hand may be", async () => {
    const { old } = await finishedRun();
    const hosts = Array.from({ length: 150 }, (_, i) => `web-${String(i).padStart(3, "0")}.example.com`);
    await insertSummaries(
      old.id,
      hosts.map((host) => ({ host, failures: 1 })),
    );
    const r = await api("POST", `/api/job/job/${old.id}/relaunch/`, { json: { hosts: "failed" } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.limit).toBe(hosts.join(","));
    expect(r.body.limit.length).toBeGreaterThan(1024);
  });

  it("reads failed hosts from the runner events when the job has no summary", async () => {
    const { old } = await finishedRun();
    await insertEvents(old.id, [
      { event: "playbook_on_start" },
      { event: "runner_on_ok", host: "web1" },
      { event: "runner_on_failed", host: "web3", failed: true, data: { ignore_errors: null } },
      { event: "runner_on_failed", host: "web2", failed: true, data: { ignore_errors: true } },
      { event: "runner_on_unreachable", host: "db1", failed: true },
      { event: "runner_on_failed", host: "web3", failed: true },
      { event: "runner_on_failed", host: "app9", failed: true, data: { ignore_errors: false } },
    ]);
    const r = await api("POST", `/api/job/job/${old.id}/relaunch/`, { form: { hosts: "failed" } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.limit).toBe("app9,db1,web3");
  });

  it("refuses hosts=failed when no host failed, and a bad hosts value", async () => {
    const { old } = await finishedRun();
    const none = await api("POST", `/api/job/job/${old.id}/relaunch/`, { json: { hosts: "failed" } });
    expect(none.status).toBe(400);
    expect(none.body).toEqual({ hosts: ["该作业没有失败或不可达的主机。"] });
    await insertSummaries(old.id, [{ host: "web1", ok: 2 }]);
    await insertEvents(old.id, [{ event: "runner_on_failed", host: "web9", failed: true }]);
    const ok = await api("POST", `/api/job/job/${old.id}/relaunch/`, { json: { hosts: "failed" } });
    expect(ok.status, "the summary, not the events, decides").toBe(400);
    for (const bad of ["some", 1, null]) {
      const r = await api("POST", `/api/job/job/${old.id}/relaunch/`, { json: { hosts: bad } });
      expect(r.status).toBe(400);
      expect(r.body.hosts).toEqual([bad === null ? "该字段不能为 null。" : `“${bad}” 不是合法选项。`]);
    }
  });

  it("copies a job that is still running, and answers 404 for unknown ids", async () => {
    const c = await makeCatalog();
    const launched = await api("POST", "/api/job/job/", { json: { template: c.template.id } });
    await setState(launched.body.id, "running");
    const r = await api("POST", `/api/job/job/${launched.body.id}/relaunch/`);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ job: launched.body.id, state: "new", limit: "web", template: c.template.id });
    const nf = await api("POST", "/api/job/job/99999/relaunch/", { raw: { contentType: "application/json", body: "{bad" } });
    expect(nf.status).toBe(404);
    expect(nf.body).toEqual({ detail: "未找到。" });
    const bad = await api("POST", `/api/job/job/${launched.body.id}/relaunch/`, { raw: { contentType: "application/json", body: "[1]" } });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ non_field_errors: ["无效数据。期待为字典类型，得到的是 list 。"] });
  });

  it("refuses a relaunch whose copy cannot run (an imported record without a credential)", async () => {
    const r0 = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping", inventory_str: "web1" }) });
    const r = await api("POST", `/api/job/job/${r0.body.id}/relaunch/`);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ credential: ["该字段是必填项。"] });
  });
});
