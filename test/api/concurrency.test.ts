import { beforeEach, describe, expect, it } from "vitest";
import { GET as streamJob } from "@/app/api/job/job/[id]/stream/route";
import { adminAuth, api, resetDb } from "../api";
import { makeCatalog, setState } from "../fixtures";
import { SseReader } from "../sse";

/**
 * Concurrency limits on the wire: the template's `allow_simultaneous` and
 * `max_concurrent_jobs`, the inventory's `max_concurrent_jobs`, and the `pending` state
 * with its queue place. The executor's side (claims under the limits) is in
 * test/executor/concurrency.test.ts.
 */
beforeEach(resetDb);

const launch = async (templateId: number) => {
  const r = await api("POST", `/api/job/template/${templateId}/launch/`, { json: {} });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as number;
};

describe("the limits on templates and inventories", () => {
  it("a template allows simultaneous runs and sets no maximum unless told", async () => {
    const { template } = await makeCatalog();
    const r = await api("GET", `/api/job/template/${template.id}/`);
    expect(r.body).toMatchObject({ allow_simultaneous: true, max_concurrent_jobs: 0 });
    const patched = await api("PATCH", `/api/job/template/${template.id}/`, { json: { allow_simultaneous: false, max_concurrent_jobs: 3 } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ allow_simultaneous: false, max_concurrent_jobs: 3 });
    const form = await api("PATCH", `/api/job/template/${template.id}/`, { form: { allow_simultaneous: "true", max_concurrent_jobs: "0" } });
    expect(form.body).toMatchObject({ allow_simultaneous: true, max_concurrent_jobs: 0 });
    const listed = await api("GET", "/api/job/template/?ordering=-max_concurrent_jobs");
    expect(listed.status).toBe(200);
    expect(listed.body.results[0]).toMatchObject({ allow_simultaneous: true, max_concurrent_jobs: 0 });
  });

  it("refuses bad values with DRF's Chinese messages, changing nothing", async () => {
    const { template, inventory } = await makeCatalog();
    const bad = await api("PATCH", `/api/job/template/${template.id}/`, { json: { allow_simultaneous: "maybe", max_concurrent_jobs: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ allow_simultaneous: ["必须是有效的布尔值。"], max_concurrent_jobs: ["请确保该值大于或者等于 0。"] });
    const big = await api("POST", "/api/job/template/", { json: { name: "x", max_concurrent_jobs: 1001 } });
    expect(big.status).toBe(400);
    expect(big.body).toEqual({ max_concurrent_jobs: ["请确保该值小于或者等于 1000。"] });
    const inv = await api("PATCH", `/api/job/inventory/${inventory.id}/`, { json: { max_concurrent_jobs: "two" } });
    expect(inv.status).toBe(400);
    expect(inv.body).toEqual({ max_concurrent_jobs: ["请填写合法的整数值。"] });
    expect((await api("GET", `/api/job/template/${template.id}/`)).body).toMatchObject({ allow_simultaneous: true, max_concurrent_jobs: 0 });
    expect((await api("GET", `/api/job/inventory/${inventory.id}/`)).body.max_concurrent_jobs).toBe(0);
  });

  it("an inventory sets its maximum on create and update", async () => {
    const created = await api("POST", "/api/job/inventory/", { json: { name: "生产", content: "web1\n", max_concurrent_jobs: 2 } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.max_concurrent_jobs).toBe(2);
    const put = await api("PUT", `/api/job/inventory/${created.body.id}/`, { json: { name: "生产", content: "web1\n" } });
    expect(put.body.max_concurrent_jobs).toBe(2);
    const patched = await api("PATCH", `/api/job/inventory/${created.body.id}/`, { json: { max_concurrent_jobs: 0 } });
    expect(patched.body.max_concurrent_jobs).toBe(0);
  });
});

describe("the pending state", () => {
  it("a job waiting behind its template shows its place and the limit; others show none", async () => {
    const { template } = await makeCatalog();
    await api("PATCH", `/api/job/template/${template.id}/`, { json: { allow_simultaneous: false } });
    const [first, second, third] = [await launch(template.id), await launch(template.id), await launch(template.id)];
    await setState(first, "running");
    await setState(second, "pending");
    await setState(third, "pending");
    const detail = await api("GET", `/api/job/job/${third}/`);
    expect(detail.body).toMatchObject({ state: "pending", state_name: "排队中", queue_position: 2, queue_reason: "template", queue_limit: 1 });
    expect((await api("GET", `/api/job/job/${first}/`)).body).toMatchObject({ queue_position: null, queue_reason: null, queue_limit: null });
    const listed = await api("GET", "/api/job/job/?ordering=id");
    expect(listed.body.results.map((j: Record<string, unknown>) => [j.id, j.queue_position, j.queue_reason])).toEqual([
      [first, null, null],
      [second, 1, "template"],
      [third, 2, "template"],
    ]);
  });

  it("behind a full inventory: the inventory's queue, across templates", async () => {
    const a = await makeCatalog("a");
    const refs = { project: a.project.id, inventory: a.inventory.id, credential: a.credential.id, playbook: "main.yml" };
    const other = (await api("POST", "/api/job/template/", { json: { name: "另一个", ...refs } })).body.id as number;
    await api("PATCH", `/api/job/inventory/${a.inventory.id}/`, { json: { max_concurrent_jobs: 1 } });
    const running = await launch(a.template.id);
    const queued = await launch(other);
    await setState(running, "running");
    await setState(queued, "pending");
    expect((await api("GET", `/api/job/job/${queued}/`)).body).toMatchObject({ queue_position: 1, queue_reason: "inventory", queue_limit: 1 });
  });

  it("is a choice of the state filters, and counted", async () => {
    const { template } = await makeCatalog();
    const ids = [await launch(template.id), await launch(template.id), await launch(template.id)];
    await setState(ids[1]!, "pending");
    const one = await api("GET", "/api/job/job/?state=pending");
    expect(one.status).toBe(200);
    expect(one.body.count).toBe(1);
    expect(one.body.results[0].id).toBe(ids[1]);
    const some = await api("GET", "/api/job/job/?state__in=pending,new");
    expect(some.body.count).toBe(3);
    const bad = await api("GET", "/api/job/job/?state=queued");
    expect(bad.status).toBe(400);
  });

  it("only the executor puts a job in it", async () => {
    const { template } = await makeCatalog();
    const r = await api("POST", "/api/job/job/", { json: { template: template.id, state: "pending" } });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ state: ["只有执行器可以把作业设为排队中、等待中或运行中。"] });
  });

  it("a pending job is canceled at once, edited and deleted like a new one", async () => {
    const { template } = await makeCatalog();
    const [a, b, c] = [await launch(template.id), await launch(template.id), await launch(template.id)];
    for (const id of [a, b, c]) await setState(id, "pending");
    const canceled = await api("POST", `/api/job/job/${a}/cancel/`);
    expect(canceled.status).toBe(202);
    expect(canceled.body).toMatchObject({ state: "canceled", queue_position: null });
    expect(canceled.body.finish_time).toBeGreaterThan(0);
    const patched = await api("PATCH", `/api/job/job/${b}/`, { json: { forks: 7 } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ state: "pending", forks: 7 });
    const badPatch = await api("PATCH", `/api/job/job/${b}/`, { json: { playbook: "" } });
    expect(badPatch.status).toBe(400);
    expect((await api("DELETE", `/api/job/job/${c}/`)).status).toBe(204);
    expect((await api("DELETE", "/api/job/job/", { json: { "pk[]": [b] } })).status).toBe(204);
  });

  it("a pending job is not ended: the stats leave it out", async () => {
    const { template } = await makeCatalog();
    const id = await launch(template.id);
    await setState(id, "pending");
    const stats = await api("GET", "/api/job/stats/");
    expect(stats.status).toBe(200);
    expect(stats.body.total.jobs).toBe(0);
  });

  it("its stream carries the place, and a new one when the place moves", async () => {
    const { template } = await makeCatalog();
    await api("PATCH", `/api/job/template/${template.id}/`, { json: { max_concurrent_jobs: 1 } });
    const [running, ahead, queued] = [await launch(template.id), await launch(template.id), await launch(template.id)];
    await setState(running, "running");
    await setState(ahead, "pending");
    await setState(queued, "pending");
    const stop = new AbortController();
    const request = new Request(`http://testserver/api/job/job/${queued}/stream/`, { headers: await adminAuth(), signal: stop.signal });
    const reader = (await streamJob(request, { params: Promise.resolve({ id: String(queued) }) })).body!.getReader();
    const sse = new SseReader(reader);
    expect(await sse.next()).toEqual({
      event: "state",
      data: { state: "pending", start_time: null, finish_time: null, queue_position: 2, queue_reason: "template", queue_limit: 1 },
    });
    await api("POST", `/api/job/job/${ahead}/cancel/`);
    expect(await sse.next(15_000)).toMatchObject({ event: "state", data: { state: "pending", queue_position: 1 } });
    stop.abort();
    await reader.cancel();
  }, 30_000);
});
