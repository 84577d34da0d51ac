import { beforeAll, describe, expect, it } from "vitest";
import { api, ctx, tokenFor } from "../api";
import { browserLogin, dbSnapshot, importBody, jobRow, makeCatalog, makeLoginUser, makeUser } from "../fixtures";

/** A job records who launched it: `cuser` is the caller; only an admin records a job for someone else. */

let operator: { id: number };
let other: { id: number };
let admin: { id: number };
let catalog: Awaited<ReturnType<typeof makeCatalog>>;

beforeAll(async () => {
  operator = await makeLoginUser("j-operator", "operator", undefined, "操作员小王");
  other = await makeLoginUser("j-other", "operator", undefined, "另一位操作员");
  admin = await makeLoginUser("j-admin", "admin", undefined, "管理员老李");
  for (const u of [operator, other, admin]) await tokenFor(u.id);
  catalog = await makeCatalog();
});

describe("cuser and user of a new job", () => {
  it("are the operator and their display name, whatever the body says", async () => {
    const r = await api("POST", "/api/job/job/", { as: operator.id, json: { template: catalog.template.id, user: "伪造的名字" } });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ cuser: operator.id, user: "操作员小王" });
    expect(await jobRow(r.body.id)).toMatchObject({ cuserId: operator.id, userName: "操作员小王" });
    // naming oneself is allowed
    const self = await api("POST", "/api/job/job/", { as: operator.id, json: { template: catalog.template.id, cuser: operator.id } });
    expect(self.status, self.text).toBe(201);
    expect(self.body.cuser).toBe(operator.id);
  });

  it("follow a browser session the same way", async () => {
    const s = await browserLogin("j-other");
    const r = await api("POST", "/api/job/job/", { json: { template: catalog.template.id }, headers: { cookie: s.cookie, "x-csrftoken": s.csrf } });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ cuser: other.id, user: "另一位操作员" });
  });

  it("an operator naming another cuser gets 403 and no job is created", async () => {
    for (const body of [
      { template: catalog.template.id, cuser: other.id },
      importBody({ template: catalog.template.id, cuser: admin.id }),
      importBody({ template: catalog.template.id, cuser: (await ctx()).adminUserId }),
    ]) {
      const before = await dbSnapshot();
      const r = await api("POST", "/api/job/job/", { as: operator.id, json: body });
      expect(r.status, r.text).toBe(403);
      expect(r.body).toEqual({ detail: "只有管理员可以替其他用户记录作业。" });
      expect(await dbSnapshot()).toEqual(before);
    }
    const form = await api("POST", "/api/job/job/", { as: operator.id, form: { template: String(catalog.template.id), cuser: String(other.id) } });
    expect(form.status).toBe(403);
  });

  it("an admin may record a job for someone else (history import)", async () => {
    const archived = await makeUser("j-archived", "已离职的同事", "viewer");
    const r = await api("POST", "/api/job/job/", { as: admin.id, json: importBody({ template: catalog.template.id, cuser: archived!.id }) });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ cuser: archived!.id, user: "已离职的同事", state: "successful" });
    const forOperator = await api("POST", "/api/job/job/", { as: admin.id, json: { template: catalog.template.id, cuser: operator.id } });
    expect(forOperator.status, forOperator.text).toBe(201);
    expect(forOperator.body).toMatchObject({ cuser: operator.id, user: "操作员小王" });
    // without cuser the admin is the cuser
    const own = await api("POST", "/api/job/job/", { as: admin.id, json: importBody({ template: catalog.template.id }) });
    expect(own.body).toMatchObject({ cuser: admin.id, user: "管理员老李" });
  });

  it("a template launch and a re-run are recorded for the caller, not for the old job's launcher", async () => {
    const launched = await api("POST", `/api/job/template/${catalog.template.id}/launch/`, { as: operator.id, json: {} });
    expect(launched.status, launched.text).toBe(201);
    expect(launched.body).toMatchObject({ cuser: operator.id, user: "操作员小王" });
    const old = await api("POST", "/api/job/job/", { as: admin.id, json: importBody({ template: catalog.template.id }) });
    const rerun = await api("POST", `/api/job/job/${old.body.id}/relaunch/`, { as: operator.id, json: {} });
    expect(rerun.status, rerun.text).toBe(201);
    expect(rerun.body).toMatchObject({ cuser: operator.id, user: "操作员小王", job: old.body.id });
    // a re-run takes no cuser from the body: it is the caller's
    const forged = await api("POST", `/api/job/job/${old.body.id}/relaunch/`, { as: operator.id, json: { cuser: admin.id, user: "伪造" } });
    expect(forged.status, forged.text).toBe(201);
    expect(forged.body).toMatchObject({ cuser: operator.id, user: "操作员小王" });
  });

  it("a viewer can launch nothing", async () => {
    const viewer = await makeLoginUser("j-viewer", "viewer");
    await tokenFor(viewer.id);
    const before = await dbSnapshot();
    for (const [path, body] of [
      ["/api/job/job/", { template: catalog.template.id }],
      ["/api/job/job/", importBody({ template: catalog.template.id })],
      [`/api/job/template/${catalog.template.id}/launch/`, {}],
      [`/api/job/schedule/${catalog.schedule.id}/launch/`, {}],
    ] as const) {
      const r = await api("POST", path, { as: viewer.id, json: body });
      expect(r.status, path).toBe(403);
    }
    expect(await dbSnapshot()).toEqual(before);
  });
});
