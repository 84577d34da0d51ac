import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { jobs } from "@/db/schema";
import { api, ctx, resetDb } from "../api";
import { importBody, jobCount, jobRow, makeCatalog, setState } from "../fixtures";

beforeEach(resetDb);

async function imported(extra: Record<string, unknown> = {}) {
  const r = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping", ...extra }) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

describe("GET /api/job/job/<id>/", () => {
  it("answers the record, and DRF's 404 for unknown or non-numeric ids", async () => {
    const j = await imported();
    const r = await api("GET", `/api/job/job/${j.id}/`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual(j);
    expect((await api("GET", `/api/job/job/${j.id}`)).body).toEqual(j);
    for (const bad of ["99999", "abc", "1.5", "-1"]) {
      const nf = await api("GET", `/api/job/job/${bad}/`);
      expect(nf.status, bad).toBe(404);
      expect(nf.body).toEqual({ detail: "未找到。" });
    }
  });

  it("refuses POST on one job with DRF's 405", async () => {
    const j = await imported();
    const r = await api("POST", `/api/job/job/${j.id}/`, { json: {} });
    expect(r.status).toBe(405);
    expect(r.body).toEqual({ detail: "方法 “POST” 不被允许。" });
    expect(r.headers.get("allow")).toContain("PATCH");
  });
});

describe("PUT and PATCH", () => {
  it("change run options partially (both verbs); state, times, cuser and derived fields are read-only", async () => {
    const j = await imported();
    const r = await api("PATCH", `/api/job/job/${j.id}/`, {
      json: { limit: " web ", forks: 3, state: "failed", start_time: 1, finish_time: 2, ctime: 3, cuser: 99, user: "x", state_name: "y", id: 77 },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ ...j, limit: "web", forks: 3 });
    const put = await api("PUT", `/api/job/job/${j.id}/`, { form: { tags: "a", verbosity: "4" } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ tags: "a", verbosity: 4, verbosity_name: "Connection Debug", limit: "web" });
  });

  it("never take scm_revision: the executor records it, create, PUT and PATCH ignore it", async () => {
    const sent = "f".repeat(40);
    const j = await imported({ scm_revision: sent });
    expect(j.scm_revision).toBe("");
    expect((await jobRow(j.id))!.scmRevision).toBe("");
    const ran = "a".repeat(40);
    const { db } = await ctx();
    await db.update(jobs).set({ scmRevision: ran }).where(eq(jobs.id, j.id));
    const patched = await api("PATCH", `/api/job/job/${j.id}/`, { json: { scm_revision: sent, limit: "web" } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ scm_revision: ran, limit: "web" });
    const put = await api("PUT", `/api/job/job/${j.id}/`, { form: { scm_revision: "" } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.scm_revision).toBe(ran);
    expect((await api("GET", `/api/job/job/${j.id}/`)).body.scm_revision).toBe(ran);
  });

  it("takes a changed reference's current name", async () => {
    const a = await makeCatalog("A");
    const j = await imported();
    const r = await api("PATCH", `/api/job/job/${j.id}/`, { json: { inventory: a.inventory.id, template: a.template.id } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ inventory: a.inventory.id, inventory_name: "测试tomcatA", template: a.template.id, template_name: "tomcatA" });
    const cleared = await api("PATCH", `/api/job/job/${j.id}/`, { json: { template: null } });
    expect(cleared.body).toMatchObject({ template: null, template_name: null });
  });

  it("validates like create and writes nothing on error", async () => {
    const j = await imported({ limit: "keep" });
    const r = await api("PATCH", `/api/job/job/${j.id}/`, { json: { limit: "changed", forks: 500, inventory: 4242 } });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ forks: ["请确保该值小于或者等于 200。"], inventory: ["无效主键 “4242” － 对象不存在。"] });
    expect((await jobRow(j.id))!.limit).toBe("keep");
  });

  it("answers 409 for a waiting or running job and 404 for an unknown one", async () => {
    const j = await imported();
    for (const state of ["waiting", "running"]) {
      await setState(j.id, state);
      const r = await api("PATCH", `/api/job/job/${j.id}/`, { json: { limit: "x" } });
      expect(r.status).toBe(409);
      expect(Object.keys(r.body)).toEqual(["detail"]);
    }
    expect((await jobRow(j.id))!.limit).toBe("");
    expect((await api("PUT", "/api/job/job/424242/", { json: {} })).status).toBe(404);
  });

  it("keeps a launched job launchable", async () => {
    const c = await makeCatalog();
    const j = (await api("POST", "/api/job/job/", { json: { template: c.template.id } })).body;
    const r = await api("PATCH", `/api/job/job/${j.id}/`, { json: { playbook: "missing.yml" } });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ playbook: ["项目中不存在 playbook “missing.yml”。"] });
    const ok = await api("PATCH", `/api/job/job/${j.id}/`, { json: { playbook: "sub/deploy.yml" } });
    expect(ok.status).toBe(200);
  });
});

describe("DELETE one job", () => {
  it("answers 204 with an empty body, then 404", async () => {
    const j = await imported();
    const r = await api("DELETE", `/api/job/job/${j.id}/`);
    expect(r.status).toBe(204);
    expect(r.text).toBe("");
    expect((await api("GET", `/api/job/job/${j.id}/`)).status).toBe(404);
    expect((await api("DELETE", `/api/job/job/${j.id}/`)).status).toBe(404);
  });

  it("refuses a waiting or running job with 409", async () => {
    const j = await imported();
    await setState(j.id, "running");
    const r = await api("DELETE", `/api/job/job/${j.id}/`);
    expect(r.status).toBe(409);
    expect(await jobCount()).toBe(1);
  });
});

describe("bulk DELETE /api/job/job/", () => {
  async function three() {
    return [await imported(), await imported(), await imported()].map((j) => j.id as number);
  }

  it("takes pk as a comma list (form and JSON)", async () => {
    const [a, b, c] = await three();
    let r = await api("DELETE", "/api/job/job/", { form: { pk: `${a},${b}` } });
    expect(r.status).toBe(204);
    expect(r.text).toBe("");
    expect(await jobCount()).toBe(1);
    r = await api("DELETE", "/api/job/job/", { json: { pk: `${c}` } });
    expect(r.status).toBe(204);
    expect(await jobCount()).toBe(0);
  });

  it("takes every pk[] of a form, encoded or literal, and JSON arrays", async () => {
    const [a, b, c] = await three();
    let r = await api("DELETE", "/api/job/job/", { raw: { contentType: "application/x-www-form-urlencoded", body: `pk%5B%5D=${a}&pk%5B%5D=${b}` } });
    expect(r.status).toBe(204);
    expect(await jobCount()).toBe(1);
    const [d, e] = [await imported(), await imported()].map((j) => j.id);
    r = await api("DELETE", "/api/job/job/", { raw: { contentType: "application/x-www-form-urlencoded", body: `pk[]=${c}&pk[]=${d}` } });
    expect(r.status).toBe(204);
    expect(await jobCount()).toBe(1);
    const [f] = [(await imported()).id];
    r = await api("DELETE", "/api/job/job/", { json: { "pk[]": [e] } });
    expect(r.status).toBe(204);
    r = await api("DELETE", "/api/job/job/", { json: { pk: [f, 424242] } });
    expect(r.status).toBe(204);
    expect(await jobCount()).toBe(0);
  });

  it("answers 400 on pk for a missing or non-integer value", async () => {
    const [a] = await three();
    for (const opts of [{ json: {} }, { form: { pk: "" } }, { form: { pk: `${a},x` } }, { json: { pk: [a, "b"] } }, { json: { "pk[]": [1.5] } }, {}]) {
      const r = await api("DELETE", "/api/job/job/", opts);
      expect(r.status, JSON.stringify(opts)).toBe(400);
      expect(Object.keys(r.body)).toEqual(["pk"]);
    }
    expect(await jobCount()).toBe(3);
  });

  it("deletes nothing when any of the jobs is waiting or running", async () => {
    const [a, b, c] = await three();
    await setState(b!, "waiting");
    const r = await api("DELETE", "/api/job/job/", { json: { pk: [a, b, c] } });
    expect(r.status).toBe(409);
    expect(r.body.detail).toContain(String(b));
    expect(await jobCount()).toBe(3);
    const counts = (await api("GET", "/api/job/job/?state=successful")).body.count;
    expect(counts).toBe(2);
  });
});
