import { beforeEach, describe, expect, it } from "vitest";
import { claimNextJob } from "@/executor/claim-next-job";
import { acquireWorkerLease } from "@/executor/worker-lease";
import { api, ctx, resetDb } from "../api";
import { importBody, jobRow, makeCatalog, makeUser, setState } from "../fixtures";

beforeEach(resetDb);

async function launched() {
  const c = await makeCatalog();
  const r = await api("POST", "/api/job/job/", { json: { template: c.template.id } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

describe("POST /api/job/job/<id>/cancel/", () => {
  it("cancels a job no worker has claimed at once", async () => {
    const j = await launched();
    const r = await api("POST", `/api/job/job/${j.id}/cancel/`);
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.body).toMatchObject({ id: j.id, state: "canceled", state_name: "已取消", cancel_requested: true, start_time: null });
    expect(r.body.finish_time).toBeGreaterThan(0);
    expect(Object.keys(r.body)).toEqual([...Object.keys(j), "cancel_requested"]);
    const row = await jobRow(j.id);
    expect(row).toMatchObject({ state: "canceled", cancelRequested: true, finishTime: r.body.finish_time });
  });

  it("records who canceled and when; the explanation names them", async () => {
    const zhang = await makeUser("zhangwei", "张伟");
    const j = await launched();
    const r = await api("POST", `/api/job/job/${j.id}/cancel/`, { as: zhang!.id });
    expect(r.status).toBe(202);
    expect(r.body.canceled_by).toBe(zhang!.id);
    expect(r.body.explanation).toMatch(/^已由 张伟 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}（北京时间） 取消。$/);
    const running = await launched();
    await setState(running.id, "running");
    await api("POST", `/api/job/job/${running.id}/cancel/`, { as: zhang!.id });
    // a second request by someone else does not take the first one's place
    await api("POST", `/api/job/job/${running.id}/cancel/`);
    expect(await jobRow(running.id)).toMatchObject({ canceledBy: zhang!.id, cancelRequested: true, explanation: "" });
    expect((await api("GET", `/api/job/job/${running.id}/`)).body).toMatchObject({ canceled_by: zhang!.id, state: "running" });
  });

  it("asks the worker to stop a waiting or running job, and says so again when repeated", async () => {
    for (const state of ["waiting", "running"]) {
      const j = await launched();
      await setState(j.id, state);
      const r = await api("POST", `/api/job/job/${j.id}/cancel`, { json: {} });
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      expect(r.body).toMatchObject({ id: j.id, state, cancel_requested: true, finish_time: null });
      expect((await jobRow(j.id))!.cancelRequested).toBe(true);
      const again = await api("POST", `/api/job/job/${j.id}/cancel/`);
      expect(again.status).toBe(202);
      expect(again.body).toMatchObject({ state, cancel_requested: true });
      await resetDb();
    }
  });

  it("refuses a job that is not running with 409", async () => {
    const j = (await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping" }) })).body;
    for (const state of ["successful", "failed", "canceled", "error"]) {
      await setState(j.id, state);
      const r = await api("POST", `/api/job/job/${j.id}/cancel/`);
      expect(r.status, state).toBe(409);
      expect(r.body).toEqual({ detail: "作业未在运行，无法取消。" });
      expect((await jobRow(j.id))!.cancelRequested).toBe(false);
    }
  });

  it("answers 404 for unknown ids and 405 for other methods", async () => {
    for (const bad of ["99999", "abc"]) {
      const r = await api("POST", `/api/job/job/${bad}/cancel/`);
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ detail: "未找到。" });
    }
    const j = await launched();
    const r = await api("GET", `/api/job/job/${j.id}/cancel/`);
    expect(r.status).toBe(405);
    expect(r.body).toEqual({ detail: "方法 “GET” 不被允许。" });
  });

  it("never loses a worker's concurrent claim: the job ends canceled, or claimed with cancel requested", async () => {
    const { db } = await ctx();
    for (let i = 0; i < 5; i++) {
      const j = await launched();
      // the executor's own claim: the oldest new job, for a worker holding its lease
      const lease = await acquireWorkerLease(db, { workerId: "w1", capacity: 1, sandbox: "off" }, { waitMs: 0 });
      const [claimed, cancel] = await Promise.all([claimNextJob(db, lease), api("POST", `/api/job/job/${j.id}/cancel/`)]);
      expect(cancel.status).toBe(202);
      const row = await jobRow(j.id);
      if (claimed) expect(claimed.id).toBe(j.id);
      if (claimed) expect(row).toMatchObject({ state: "waiting", workerId: "w1", cancelRequested: true });
      else expect(row).toMatchObject({ state: "canceled", workerId: null });
      await resetDb();
    }
  });
});
